import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { competition, flatCards } from './testing/fixtures.js';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

function runCli(stdin: string): { status: number | null; json: unknown } {
  const r = spawnSync(process.execPath, ['--conditions=@palmares/source', '--import', 'tsx', cli], {
    input: stdin,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: r.status, json: JSON.parse(r.stdout) as unknown };
}

test('the CLI prints the result JSON and exits 0 on a valid input', () => {
  const input = competition({ P: 'x', Q: 'x', R: 'y' }, ['J1', 'J2', 'J3'], flatCards({ P: [9, 6, 6], Q: [5, 8, 8], R: [4, 4, 4] }), {
    selection: { count: 2 },
  });
  const { status, json } = runCli(JSON.stringify(input));
  expect(status).toBe(0);
  expect(json).toMatchObject({
    method: 'satm',
    arithmetic: 'exact',
    ranking: [{ entrant: 'Q', rank: 1, score: '7', display: '7.00' }, { entrant: 'P', rank: 2 }, { entrant: 'R', rank: 3 }],
    ties: [{ rule: 'head-to-head', entrants: ['Q', 'P'], values: ['1', '-1'] }],
    selection: { selected: ['Q', 'P'], skipped: [], needsChairDecision: null, sharedPlaces: [] },
    offsets: { J1: '0', J2: '0', J3: '0' },
    flags: [],
  });
  expect(Object.keys(json as object)).toEqual(['method', 'arithmetic', 'fingerprint', 'ranking', 'ties', 'selection', 'offsets', 'flags']);
});

test('the CLI answers unparsable stdin with INVALID_JSON and exit status 2', () => {
  const { status, json } = runCli('{"criteria": [');
  expect(status).toBe(2);
  expect(json).toMatchObject({ errors: [{ code: 'INVALID_JSON' }] });
});

test('the CLI lists every problem of an invalid input and exits 2', () => {
  const input = competition({ P: 'x' }, ['J1'], flatCards({ P: [11] }, ['J1']), { method: 'borda' as 'satm' });
  const { status, json } = runCli(JSON.stringify(input));
  expect(status).toBe(2);
  const codes = (json as { errors: { code: string }[] }).errors.map((e) => e.code).sort();
  expect(codes).toEqual(['INVALID_INPUT', ...Array<string>(6).fill('OUT_OF_SCALE')]);
});
