/**
 * xoshiro128**, seeded from the fingerprint: the bootstrap above 8 jurors is random but
 * reproducible, the same competition always drawing the same resamples.
 */

/**
 * A generator of uniform integers in [0, n), seeded by the first 128 bits of a hex string.
 * @example
 * const next = seededInts('3f5a…'); next(8); // 5, always, for this seed
 */
export function seededInts(hexSeed: string): (n: number) => number {
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) s[i] = Number.parseInt(hexSeed.slice(i * 8, i * 8 + 8).padEnd(8, '0'), 16) >>> 0;
  if (s.every((x) => x === 0)) s[0] = 1;
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
    const t = s[1]! << 9;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  };
  return (n) => Math.floor((next() / 0x100000000) * n);
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
