import { createHash } from 'node:crypto';

/**
 * Shuffles deterministically from a recorded seed (Fisher–Yates driven by SHA-256 in counter
 * mode), so a drawn pitch order can be replayed and checked by anyone holding the seed.
 */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const digest = createHash('sha256').update(`${seed}:${i}`).digest();
    const j = digest.readUInt32BE(0) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
