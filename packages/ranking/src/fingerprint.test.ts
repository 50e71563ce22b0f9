import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { canonicalInput } from './fingerprint.js';
import { card, competition, flat } from './testing/fixtures.js';
import { fingerprint } from './rank.js';
import { validate } from './validate.js';

const input = competition({ B: 'y', A: 'x' }, ['J2', 'J1'], [card('J2', 'B', flat(5)), card('J1', 'A', flat(7)), card('J1', 'B', flat(6))], {
  recusals: [{ juror: 'J2', entrant: 'A' }],
});

test('the canonical input is RFC 8785 JSON with rows in canonical order and defaults written out', () => {
  const v = validate(input);
  if (!v.ok) throw new Error('invalid');
  const text = canonicalInput(v.model);
  const parsed = JSON.parse(text) as Record<string, unknown>;
  expect(Object.keys(parsed)).toEqual(['chairOrder', 'criteria', 'entrants', 'evaluations', 'jurors', 'method', 'recusals', 'scale', 'selection', 'trim']);
  expect(parsed.jurors).toEqual(['J1', 'J2']);
  expect((parsed.evaluations as { juror: string; entrant: string }[]).map((e) => `${e.juror}/${e.entrant}`)).toEqual(['J1/A', 'J1/B', 'J2/B']);
  expect(text).toContain('{"entrant":"A","juror":"J1","scores":{"feasibility":7,"impact":7,"innovation":7,"market":7,"pitch":7,"team":7}}');
  expect(parsed.method).toBe('satm');
  expect(parsed.trim).toBe('auto');
});

test('the fingerprint is the SHA-256 of the canonical input, as node:crypto computes it', () => {
  const v = validate(input);
  if (!v.ok) throw new Error('invalid');
  expect(fingerprint(input)).toBe(createHash('sha256').update(canonicalInput(v.model)).digest('hex'));
});

test('asking for the report or spelling out a default does not change the fingerprint; a score does', () => {
  expect(fingerprint({ ...input, report: true, method: 'satm', trim: 'auto', recusals: input.recusals })).toBe(fingerprint(input));
  const changed = { ...input, evaluations: [...input.evaluations.slice(1), card('J2', 'B', flat(4))] };
  expect(fingerprint(changed)).not.toBe(fingerprint(input));
});
