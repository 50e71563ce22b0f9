/**
 * The fingerprint of a competition: SHA-256 of its canonical input (RFC 8785). Rows are written
 * in a canonical order so that the same competition, whatever order its rows came in, yields the
 * same fingerprint; a results snapshot stores it.
 */
import { canonicalJson, type Json } from './jcs.js';
import { Sha256, utf8 } from './sha256.js';
import type { Model } from './model.js';

/** A piece of canonical JSON, kept both as text and as UTF-8 bytes (encoded once, reused). */
interface Piece {
  readonly text: string;
  readonly bytes: Uint8Array;
}

interface Sink {
  put(piece: Piece): void;
}

const piece = (text: string): Piece => ({ text, bytes: utf8(text) });

/** Feeds pieces to SHA-256 through a 64 KiB buffer, so the canonical text is never built. */
class HashSink implements Sink {
  private readonly hash = new Sha256();
  private readonly buffer = new Uint8Array(1 << 16);
  private used = 0;
  put({ bytes }: Piece): void {
    if (this.used + bytes.length > this.buffer.length) this.flush();
    if (bytes.length > this.buffer.length) return this.hash.update(bytes);
    for (let i = 0; i < bytes.length; i++) this.buffer[this.used + i] = bytes[i]!;
    this.used += bytes.length;
  }
  private flush(): void {
    this.hash.update(this.buffer, 0, this.used);
    this.used = 0;
  }
  hex(): string {
    this.flush();
    return this.hash.hex();
  }
}

/**
 * Writes the canonical input. Criteria keep their declared order (it breaks ties between equal
 * weights); entrants and jurors are sorted by id (their order means nothing, and sorting is what
 * makes a permuted input the same competition); evaluations and recusals are sorted by juror then
 * entrant; defaults (method, trim, recusals) are written out; `report` is left out, since asking
 * for the report does not change the competition.
 */
function write(model: Model, sink: Sink): void {
  const { cards, criteria } = model;
  const rest: Record<string, Json> = {
    chairOrder: model.chairOrder ? [...model.chairOrder] : null,
    criteria: criteria.map((c) => ({ id: c.id, weight: c.weight })),
    entrants: model.entrants.map((id, e) => ({ axis: model.axis[e]!, id })),
    jurors: [...model.jurors],
    method: model.method,
    recusals: model.recusals.map(([j, e]) => ({ entrant: model.entrants[e]!, juror: model.jurors[j]! })),
    scale: { max: model.scale.max, min: model.scale.min },
    selection: model.quotas ? (model.quotas.request as unknown as Json) : null,
    trim: model.trim,
  };
  const text = canonicalJson(rest);
  // "evaluations" sorts between "entrants" and "jurors"; the first `,"jurors":` is the top-level
  // key, since the keys of chairOrder, criteria and entrants are fixed names.
  const at = text.indexOf(',"jurors":');
  sink.put(piece(`${text.slice(0, at)},"evaluations":[`));
  // Evaluations dominate the size: they are streamed from pre-encoded pieces.
  const keys = criteria
    .map((c, i) => ({ key: JSON.stringify(c.id), i }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ key, i }, x) => ({ key: piece(`${x ? ',' : ''}${key}:`), i }));
  const jurors = model.jurors.map((j) => piece(`,"juror":${JSON.stringify(j)},"scores":{`));
  const entrants = model.entrants.map((e) => piece(`{"entrant":${JSON.stringify(e)}`));
  const numbers = new Map<number, Piece>();
  const comma = piece(',');
  const close = piece('}}');
  const C = criteria.length;
  for (let i = 0; i < cards.length; i++) {
    if (i > 0) sink.put(comma);
    sink.put(entrants[cards.entrant[i]!]!);
    sink.put(jurors[cards.juror[i]!]!);
    for (const { key, i: c } of keys) {
      const score = cards.scores[i * C + c]!;
      let n = numbers.get(score);
      if (!n) numbers.set(score, (n = piece(String(score))));
      sink.put(key);
      sink.put(n);
    }
    sink.put(close);
  }
  sink.put(piece(`]${text.slice(at)}`));
}

/**
 * The canonical input as JCS text (what the fingerprint hashes).
 * @example
 * canonicalInput(model); // '{"chairOrder":null,"criteria":[{"id":"impact","weight":20}],…}'
 */
export function canonicalInput(model: Model): string {
  const parts: string[] = [];
  write(model, { put: (p) => parts.push(p.text) });
  return parts.join('');
}

/**
 * SHA-256 hex of the canonical input.
 * @example
 * modelFingerprint(model); // "3f5a…" (64 hex digits)
 */
export function modelFingerprint(model: Model): string {
  const sink = new HashSink();
  write(model, sink);
  return sink.hex();
}
