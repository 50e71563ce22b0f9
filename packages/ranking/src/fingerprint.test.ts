import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { canonicalInput } from './fingerprint.js';
import { canonicalJson } from './jcs.js';
import { card, competition, flat } from './testing/fixtures.js';
import { fingerprint } from './rank.js';
import { modelFingerprint } from './fingerprint.js';
import { platformSha256, Sha256 } from './sha256.js';
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

const ids = { 'É"1': 'santé', 'a\\b': '😀', 'z\u0001': 'x' };
const jurors = ['Jürgen', 'Łucja', 'J\ud800'];
const unicode = {
  ...competition(ids, jurors, jurors.flatMap((j, x) => Object.keys(ids).map((e, y) => card(j, e, flat(3 + x + y))))),
  criteria: [{ id: 'qualité', weight: 3 }, { id: '"q"', weight: 2 }, { id: 'Z', weight: 1 }],
};
unicode.evaluations = unicode.evaluations.map((ev, i) => ({ ...ev, scores: { qualité: 5, '"q"': 1 + (i % 9), Z: 7 } }));

test('fingerprints stay what results snapshots already store', () => {
  // Digests computed before the canonical writer and the hash were made faster. `unicode` has a
  // criterion '"q"', whose key moved when the keys took RFC 8785's order (raw names, not JSON
  // text): its two digests were re-pinned then; app codes ([a-z0-9-]) are not affected.
  expect(fingerprint(input)).toBe('7bb4d26cc33de14f09d014b67476cfbf0ca68df4a819bf52a84b3bba12ab3005');
  expect(fingerprint(unicode)).toBe('4e2ee22b07a9fb0642998b1a3e0a788cd3037bd9ba9846a41dd02bd47bd7d319');
  expect(fingerprint({ ...unicode, selection: { count: 1, axisMax: { santé: 1 } }, chairOrder: ['z\u0001'] })).toBe(
    'e133c28f1a98582affe5eb5b11d4a33ca6c6e109c26fb97a5bf0c09d22cabba5',
  );
});

test('the platform hash and the TypeScript SHA-256 give the same fingerprint, non-ASCII ids and keys included', () => {
  const v = validate(unicode);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  const platform = platformSha256();
  expect(platform).not.toBeNull();
  const ours = modelFingerprint(v.model, new Sha256());
  expect(modelFingerprint(v.model, platform!)).toBe(ours);
  expect(ours).toBe(createHash('sha256').update(canonicalInput(v.model)).digest('hex'));
  expect(fingerprint(unicode)).toBe(ours);
});

test('criterion keys follow RFC 8785 (raw names), even where their JSON text sorts otherwise', () => {
  // '"a b"' < '"a"' as JSON text, but 'a' < 'a b' as names; likewise '!' sorts after '"'.
  const odd = {
    criteria: [{ id: 'a b', weight: 1 }, { id: 'a', weight: 1 }, { id: 'a!', weight: 1 }, { id: 'q"x', weight: 1 }],
    scale: { min: 1, max: 10 },
    entrants: [{ id: 'E1', axis: 'x' }, { id: 'E2', axis: 'x' }],
    jurors: ['J1'],
    evaluations: [
      { juror: 'J1', entrant: 'E1', scores: { 'a b': 2, a: 3, 'a!': 4, 'q"x': 5 } },
      { juror: 'J1', entrant: 'E2', scores: { 'a b': 6, a: 7, 'a!': 8, 'q"x': 9 } },
    ],
  };
  const v = validate(odd);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  const text = canonicalInput(v.model);
  expect(text).toContain('"scores":{"a":3,"a b":2,"a!":4,"q\\"x":5}');
  // Canonical means a fixed point of the generic RFC 8785 writer.
  expect(canonicalJson(JSON.parse(text))).toBe(text);
});
