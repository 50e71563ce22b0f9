/**
 * `pnpm rank < input.json`: reads one competition on stdin, prints the result JSON on stdout.
 * Exit 0 on a valid input, 2 with `{ "errors": [...] }` on an invalid one. The only file of the
 * package that does I/O.
 */
import { rank } from './rank.js';
import type { RankingError } from './types.js';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

function fail(errors: RankingError[]): void {
  process.stdout.write(`${JSON.stringify({ errors }, null, 2)}\n`);
  process.exitCode = 2;
}

const text = await readStdin();
let input: unknown;
try {
  input = JSON.parse(text);
} catch (error) {
  fail([{ code: 'INVALID_JSON', message: `stdin is not JSON: ${(error as Error).message}` }]);
}
if (process.exitCode !== 2) {
  const out = rank(input);
  if (out.ok) process.stdout.write(`${JSON.stringify(out.result, null, 2)}\n`);
  else fail(out.errors);
}
