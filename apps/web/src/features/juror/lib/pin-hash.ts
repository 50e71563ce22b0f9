import { OFFLINE_PIN_KDF } from '../../../lib/contract-constants';

/** The tablet's own record of the PIN, for the offline check; the server never sees it. */
export interface OfflinePinRecord {
  salt: string;
  hash: string;
  iterations: number;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: OFFLINE_PIN_KDF.algorithm, hash: OFFLINE_PIN_KDF.hash, salt: salt as BufferSource, iterations },
    key,
    OFFLINE_PIN_KDF.keyBits,
  );
  return new Uint8Array(bits);
}

/** Hashes a new PIN with a fresh random salt (PBKDF2-SHA-256, about 100 ms on a tablet). */
export async function hashPin(pin: string, iterations: number = OFFLINE_PIN_KDF.iterations): Promise<OfflinePinRecord> {
  const salt = crypto.getRandomValues(new Uint8Array(OFFLINE_PIN_KDF.saltBytes));
  return { salt: toBase64(salt), hash: toBase64(await derive(pin, salt, iterations)), iterations };
}

/** Checks a PIN against the tablet's record, comparing every byte (no early exit). */
export async function verifyPin(pin: string, record: OfflinePinRecord): Promise<boolean> {
  const actual = await derive(pin, fromBase64(record.salt), record.iterations);
  const expected = fromBase64(record.hash);
  if (actual.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= (actual[i] ?? 0) ^ (expected[i] ?? 0);
  return diff === 0;
}
