/**
 * The fingerprint of a competition: SHA-256 of its canonical input (RFC 8785). Rows are written
 * in a canonical order so that the same competition, whatever order its rows came in, yields the
 * same fingerprint; a results snapshot stores it.
 */
import { canonicalJson, type Json } from './jcs.js';
import { Sha256, utf8 } from './sha256.js';
import type { Model } from './model.js';

/** Buffers UTF-8 bytes in 64 KiB and hands them on, so the canonical text is never built. */
class ByteWriter {
  private readonly buffer = new Uint8Array(1 << 16);
  private used = 0;
  constructor(private readonly out: (bytes: Uint8Array) => void) {}
  put(bytes: Uint8Array): void {
    let used = this.used;
    if (used + bytes.length > this.buffer.length) {
      this.flush();
      used = 0;
    }
    if (bytes.length > this.buffer.length) return this.out(bytes);
    const buffer = this.buffer;
    for (let i = 0; i < bytes.length; i++) buffer[used + i] = bytes[i]!;
    this.used = used + bytes.length;
  }
  flush(): void {
    if (this.used > 0) this.out(this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}

/**
 * Writes the canonical input. Criteria keep their declared order (it breaks ties between equal
 * weights); entrants and jurors are sorted by id (their order means nothing, and sorting is what
 * makes a permuted input the same competition); evaluations and recusals are sorted by juror then
 * entrant; defaults (method, trim, recusals) are written out; `report` is left out, since asking
 * for the report does not change the competition.
 */
function write(model: Model, sink: ByteWriter): void {
  const { cards, criteria } = model;
  // Entrants, evaluations and jurors can number in the tens of thousands: they are streamed;
  // the small remainder goes through the generic canonicaliser, split around them.
  const before: Record<string, Json> = {
    chairOrder: model.chairOrder ? [...model.chairOrder] : null,
    criteria: criteria.map((c) => ({ id: c.id, weight: c.weight })),
  };
  const after: Record<string, Json> = {
    method: model.method,
    recusals: model.recusals.map(([j, e]) => ({ entrant: model.entrants[e]!, juror: model.jurors[j]! })),
    scale: { max: model.scale.max, min: model.scale.min },
    selection: model.quotas ? (model.quotas.request as unknown as Json) : null,
    trim: model.trim,
  };
  sink.put(utf8(`${canonicalJson(before).slice(0, -1)},"entrants":[`));
  model.entrants.forEach((id, e) => {
    sink.put(utf8(`${e ? ',' : ''}{"axis":${JSON.stringify(model.axis[e]!)},"id":${JSON.stringify(id)}}`));
  });
  sink.put(utf8('],"evaluations":['));
  // Evaluations dominate the size: they are streamed from pre-encoded pieces, each criterion's
  // `"key":score` encoded once per possible score.
  const { min, max } = model.scale;
  const keys = criteria
    .map((c, i) => ({ key: JSON.stringify(c.id), i }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ key, i }, x) => ({
      i,
      pieces: Array.from({ length: max - min + 1 }, (_, v) => utf8(`${x ? ',' : ''}${key}:${v + min}`)),
    }));
  const jurors = model.jurors.map((j) => utf8(`,"juror":${JSON.stringify(j)},"scores":{`));
  const entrants = model.entrants.map((e) => utf8(`{"entrant":${JSON.stringify(e)}`));
  const nextEntrants = model.entrants.map((e) => utf8(`,{"entrant":${JSON.stringify(e)}`));
  const close = utf8('}}');
  const C = criteria.length;
  for (let i = 0; i < cards.length; i++) {
    sink.put((i > 0 ? nextEntrants : entrants)[cards.entrant[i]!]!);
    sink.put(jurors[cards.juror[i]!]!);
    for (const { i: c, pieces } of keys) sink.put(pieces[cards.scores[i * C + c]! - min]!);
    sink.put(close);
  }
  sink.put(utf8('],"jurors":['));
  model.jurors.forEach((id, j) => sink.put(utf8(`${j ? ',' : ''}${JSON.stringify(id)}`)));
  sink.put(utf8(`],${canonicalJson(after).slice(1)}`));
  sink.flush();
}

/**
 * The canonical input as JCS text (what the fingerprint hashes).
 * @example
 * canonicalInput(model); // '{"chairOrder":null,"criteria":[{"id":"impact","weight":20}],…}'
 */
export function canonicalInput(model: Model): string {
  const chunks: Uint8Array[] = [];
  write(model, new ByteWriter((bytes) => chunks.push(bytes.slice())));
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.length;
  }
  return new TextDecoder().decode(all);
}

/**
 * SHA-256 hex of the canonical input.
 * @example
 * modelFingerprint(model); // "3f5a…" (64 hex digits)
 */
export function modelFingerprint(model: Model): string {
  const hash = new Sha256();
  write(model, new ByteWriter((bytes) => hash.update(bytes)));
  return hash.hex();
}
