/**
 * SHA-256 (FIPS 180-4). The fingerprint must be computable in the browser and in Node alike,
 * synchronously (WebCrypto's digest is asynchronous), so a plain TypeScript implementation is
 * always there; where the platform offers a synchronous SHA-256 (node:crypto, reached at run time
 * through `process.getBuiltinModule`, Node ≥ 20.16), it is used instead: the same digest, ten
 * times faster on the 6 MB canonical input of a large round. No import names node:crypto, so a
 * browser bundle never sees it.
 */

/** An incremental SHA-256: feed bytes in pieces, read the hex digest once at the end. */
export interface Hasher {
  update(bytes: Uint8Array): void;
  hex(): string;
}

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/**
 * Encodes a string as UTF-8 (what TextEncoder does, kept local so no DOM typings are needed).
 * @example
 * utf8('é'); // Uint8Array [0xc3, 0xa9]
 */
export function utf8(text: string): Uint8Array {
  const out = new Uint8Array(asciiOnly(text) ? text.length : text.length * 3);
  return out.subarray(0, encodeUtf8(text, out, 0));
}

function asciiOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * Writes `text` as UTF-8 into `out` from `at` (room for 3 bytes per UTF-16 unit is enough) and
 * returns where it ended; a lone surrogate becomes U+FFFD, as TextEncoder does.
 * @example
 * encodeUtf8('é!', buffer, 10); // 13: bytes 0xc3 0xa9 0x21 at 10, 11, 12
 */
export function encodeUtf8(text: string, out: Uint8Array, at: number): number {
  let p = at;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[p++] = c;
    } else if (c < 0x800) {
      out[p++] = 0xc0 | (c >> 6);
      out[p++] = 0x80 | (c & 63);
    } else {
      const next = text.charCodeAt(i + 1);
      if (c >= 0xd800 && c < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[p++] = 0xf0 | (c >> 18);
        out[p++] = 0x80 | ((c >> 12) & 63);
      } else {
        if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
        out[p++] = 0xe0 | (c >> 12);
      }
      out[p++] = 0x80 | ((c >> 6) & 63);
      out[p++] = 0x80 | (c & 63);
    }
  }
  return p;
}

/** Hashes every whole 64-byte block of `bytes[from, to)` into the state `h`. */
function blocks(h: Int32Array, w: Int32Array, bytes: Uint8Array, from: number, to: number): void {
  let h0 = h[0]!, h1 = h[1]!, h2 = h[2]!, h3 = h[3]!, h4 = h[4]!, h5 = h[5]!, h6 = h[6]!, h7 = h[7]!;
  for (let o = from; o + 64 <= to; o += 64) {
    for (let i = 0; i < 16; i++) {
      const p = o + i * 4;
      w[i] = (bytes[p]! << 24) | (bytes[p + 1]! << 16) | (bytes[p + 2]! << 8) | bytes[p + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, k = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (k + S1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      k = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + k) | 0;
  }
  h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4; h[5] = h5; h[6] = h6; h[7] = h7;
}

/**
 * Incremental SHA-256: feed bytes in pieces, read the hex digest once at the end.
 * @example
 * const s = new Sha256(); s.update(utf8('ab')); s.update(utf8('c'));
 * s.hex(); // "ba7816bf…15ad"
 */
export class Sha256 implements Hasher {
  private readonly h = new Int32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  private readonly w = new Int32Array(64);
  private readonly tail = new Uint8Array(64);
  private tailLength = 0;
  private length = 0;

  update(bytes: Uint8Array, from = 0, to = bytes.length): void {
    this.length += to - from;
    if (this.tailLength > 0) {
      const take = Math.min(64 - this.tailLength, to - from);
      this.tail.set(bytes.subarray(from, from + take), this.tailLength);
      this.tailLength += take;
      from += take;
      if (this.tailLength < 64) return;
      blocks(this.h, this.w, this.tail, 0, 64);
      this.tailLength = 0;
    }
    const whole = from + Math.floor((to - from) / 64) * 64;
    blocks(this.h, this.w, bytes, from, whole);
    this.tail.set(bytes.subarray(whole, to));
    this.tailLength = to - whole;
  }

  hex(): string {
    const bits = this.length * 8;
    const pad = new Uint8Array(((this.tailLength + 8) >> 6) * 64 + 64 - this.tailLength);
    pad[0] = 0x80;
    const view = new DataView(pad.buffer);
    view.setUint32(pad.length - 8, Math.floor(bits / 0x100000000));
    view.setUint32(pad.length - 4, bits >>> 0);
    this.update(pad);
    let hex = '';
    for (const word of this.h) hex += (word >>> 0).toString(16).padStart(8, '0');
    return hex;
  }
}

/** The part of node:crypto used here, described locally so that no Node typing is needed. */
interface PlatformCrypto {
  createHash(algorithm: 'sha256'): { update(bytes: Uint8Array): unknown; digest(encoding: 'hex'): string };
}

let platform: PlatformCrypto | null | undefined;

function platformCrypto(): PlatformCrypto | null {
  if (platform !== undefined) return platform;
  platform = null;
  try {
    const host = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
    const crypto = host.process?.getBuiltinModule?.('node:crypto') as Partial<PlatformCrypto> | undefined;
    if (typeof crypto?.createHash === 'function') platform = crypto as PlatformCrypto;
  } catch {
    // A host that refuses the module simply keeps the TypeScript implementation.
  }
  return platform;
}

/**
 * The platform's SHA-256 (node:crypto), or null where there is none (browsers, older Node).
 * @example
 * platformSha256()?.hex(); // "e3b0c442…b855" under Node ≥ 20.16, else no hasher at all
 */
export function platformSha256(): Hasher | null {
  const crypto = platformCrypto();
  if (!crypto) return null;
  const hash = crypto.createHash('sha256');
  return {
    update: (bytes) => void hash.update(bytes),
    hex: () => hash.digest('hex'),
  };
}

/**
 * A SHA-256 hasher: the platform's when available, else the TypeScript one (same digests).
 * @example
 * const h = sha256(); h.update(utf8('abc')); h.hex(); // "ba7816bf…15ad"
 */
export function sha256(): Hasher {
  return platformSha256() ?? new Sha256();
}

/**
 * SHA-256 of bytes, or of a string taken as UTF-8, as lowercase hex.
 * @example
 * sha256Hex('abc'); // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 */
export function sha256Hex(data: string | Uint8Array): string {
  const s = sha256();
  s.update(typeof data === 'string' ? utf8(data) : data);
  return s.hex();
}
