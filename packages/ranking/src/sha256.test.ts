import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { platformSha256, Sha256, sha256Hex, utf8 } from './sha256.js';

/** The TypeScript implementation, whatever sha256Hex would pick on this platform. */
function ours(data: string): string {
  const s = new Sha256();
  s.update(utf8(data));
  return s.hex();
}

test.each([
  ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ['a'.repeat(1_000_000), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
])('SHA-256 matches FIPS 180 test vector %#', (message, digest) => {
  expect(ours(message)).toBe(digest);
  expect(sha256Hex(message)).toBe(digest);
});

// Arbitrary UTF-16 code units: every plane, surrogate pairs and lone surrogates alike.
const text = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 }).map((units) => String.fromCharCode(...units));

test('SHA-256 agrees with node:crypto on arbitrary Unicode text around block boundaries', () => {
  fc.assert(
    fc.property(text, (text) => {
      expect(ours(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }),
    { numRuns: 200 },
  );
});

test('UTF-8 encoding agrees with Buffer, lone surrogates included', () => {
  fc.assert(
    fc.property(text, fc.boolean(), (text, lone) => {
      const s = lone ? `${text}\ud800x` : text;
      expect([...utf8(s)]).toEqual([...Buffer.from(s, 'utf8')]);
    }),
    { numRuns: 200 },
  );
});

test('the platform SHA-256 (node:crypto) and the TypeScript one give the same digest, whatever the pieces', () => {
  // Node ≥ 20.16 has process.getBuiltinModule: without it this test would compare nothing.
  expect(platformSha256()).not.toBeNull();
  fc.assert(
    fc.property(text, fc.array(fc.nat(), { maxLength: 4 }), (text, cuts) => {
      const bytes = utf8(`${text}é€😀\u0000`);
      const typescript = new Sha256();
      const platform = platformSha256()!;
      let from = 0;
      for (const cut of [...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length]) {
        typescript.update(bytes.subarray(from, Math.max(from, cut)));
        platform.update(bytes.subarray(from, Math.max(from, cut)));
        from = Math.max(from, cut);
      }
      expect(platform.hex()).toBe(typescript.hex());
    }),
    { numRuns: 200 },
  );
});
