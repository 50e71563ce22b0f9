import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { rank } from './rank.js';

// The CLI's output pinned byte for byte (scripts/pin-ranking-cli-inputs.ts wrote the inputs, the
// CLI of the day the outputs): worked examples, every method and option on generated rounds, the
// float64 path, and the demo's round 1 and final as the server builds them. Refactors of the
// package must leave every byte as it was; only an option of rank() may add data (decision 015).
const dir = new URL('./testing/cli-golden/', import.meta.url);
const names = readdirSync(dir).filter((f) => f.endsWith('.input.json')).map((f) => f.slice(0, -'.input.json'.length)).sort();
const read = (file: string) => readFileSync(new URL(file, dir), 'utf8');

/** What cli.ts prints for an input, computed in-process (the same calls, without a child process). */
function printed(text: string): string {
  const out = rank(JSON.parse(text));
  return `${JSON.stringify(out.ok ? out.result : { errors: out.errors }, null, 2)}\n`;
}

describe('the CLI output stays byte-identical', () => {
  test('the golden set covers every method, selection, a pending tie, the report and float64', () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
    const outputs = names.map((n) => JSON.parse(read(`${n}.output.json`)) as { method: string; arithmetic: string; robustness?: unknown; selection?: { needsChairDecision: unknown } });
    expect(new Set(outputs.map((o) => o.method))).toEqual(new Set(['satm', 'mean', 'median', 'zscore']));
    expect(outputs.some((o) => o.arithmetic === 'float64')).toBe(true);
    expect(outputs.some((o) => o.robustness)).toBe(true);
    expect(outputs.some((o) => o.selection?.needsChairDecision)).toBe(true);
  });

  test.each(names)('%s', (name) => {
    expect(printed(read(`${name}.input.json`))).toBe(read(`${name}.output.json`));
  });

  test('the command itself prints the demo final byte for byte', () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    for (const name of ['demo-final-tie', 'ex7-shortlist-quotas']) {
      const r = spawnSync(process.execPath, ['--conditions=@palmares/source', '--import', 'tsx', cli], {
        input: read(`${name}.input.json`),
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(read(`${name}.output.json`));
    }
  });
});
