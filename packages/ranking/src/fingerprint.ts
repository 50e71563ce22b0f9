/**
 * The fingerprint of a competition: SHA-256 of its canonical input (RFC 8785). Rows are written
 * in a canonical order so that the same competition, whatever order its rows came in, yields the
 * same fingerprint; a results snapshot stores it.
 */
import { canonicalJson, type Json } from './jcs.js';
import { encodeUtf8, sha256, type Hasher } from './sha256.js';
import type { Model } from './model.js';

/** Byte strings packed end to end: string `k` is `bytes[start[k], start[k + 1])`. */
interface Pieces {
  readonly bytes: Uint8Array;
  readonly start: Int32Array;
  /** The length of the longest string. */
  readonly longest: number;
}

function pieces(texts: readonly string[]): Pieces {
  const bytes = new Uint8Array(texts.reduce((n, t) => n + 3 * t.length, 0));
  const start = new Int32Array(texts.length + 1);
  let longest = 0;
  texts.forEach((text, k) => {
    start[k + 1] = encodeUtf8(text, bytes, start[k]!);
    longest = Math.max(longest, start[k + 1]! - start[k]!);
  });
  return { bytes, start, longest };
}

/**
 * Collects UTF-8 bytes in a reused buffer of at least 64 KiB and hands it on whenever the next
 * write would not fit, so the 6 MB canonical text of a large round is never built. The receiver
 * must consume the bytes before returning (a hash's update does).
 */
class ByteSink {
  buffer: Uint8Array;
  used = 0;
  constructor(private readonly out: (bytes: Uint8Array) => void, size = 1 << 16) {
    this.buffer = new Uint8Array(Math.max(size, 1 << 16));
  }
  /** Makes room for `n` more bytes. */
  room(n: number): void {
    if (this.used + n <= this.buffer.length) return;
    this.flush();
    if (n > this.buffer.length) this.buffer = new Uint8Array(n);
  }
  text(text: string): void {
    this.room(3 * text.length);
    this.used = encodeUtf8(text, this.buffer, this.used);
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
function write(model: Model, out: (bytes: Uint8Array) => void): void {
  const { criteria } = model;
  // Entrants, evaluations and jurors can number in the tens of thousands: they are streamed;
  // the small remainder goes through the generic canonicaliser, split around them. The loops
  // over them are functions of their own, each compiled on its own (this one runs once).
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
  const entrantIds = model.entrants.map((id) => JSON.stringify(id));
  const jurorIds = model.jurors.map((id) => JSON.stringify(id));
  const evaluations = evaluationPieces(model, entrantIds, jurorIds);
  const sink = new ByteSink(out, 4 * evaluations.card);
  sink.text(`${canonicalJson(before).slice(0, -1)},"entrants":[`);
  writeEntrants(sink, entrantIds, model.axis);
  sink.text('],"evaluations":[');
  writeEvaluations(sink, model, evaluations);
  sink.text('],"jurors":[');
  for (let j = 0; j < jurorIds.length; j++) sink.text(j ? `,${jurorIds[j]!}` : jurorIds[j]!);
  sink.text(`],${canonicalJson(after).slice(1)}`);
  sink.flush();
}

function writeEntrants(sink: ByteSink, ids: readonly string[], axisOf: readonly string[]): void {
  const axes = new Map<string, string>();
  for (let e = 0; e < ids.length; e++) {
    const axis = axisOf[e]!;
    if (!axes.has(axis)) axes.set(axis, JSON.stringify(axis));
    sink.text(e ? ',{"axis":' : '{"axis":');
    sink.text(axes.get(axis)!);
    sink.text(',"id":');
    sink.text(ids[e]!);
    sink.text('}');
  }
}

/**
 * Every evaluation is assembled from pre-encoded pieces: its entrant, its juror, and each
 * criterion's `"key":score` (encoded once per possible score). The keys are ordered as RFC 8785
 * says, by their raw names.
 */
interface EvaluationPieces {
  readonly entrant: Pieces;
  readonly juror: Pieces;
  /** Piece `x * levels + score - min`: the x-th key in written order with that score. */
  readonly score: Pieces;
  /** The declared criterion written x-th. */
  readonly column: Int32Array;
  /** The most bytes one evaluation can take. */
  readonly card: number;
}

function evaluationPieces(model: Model, entrantIds: readonly string[], jurorIds: readonly string[]): EvaluationPieces {
  const { min, max } = model.scale;
  const levels = max - min + 1;
  // RFC 8785 orders the keys by the UTF-16 code units of the raw names (what `<` compares).
  const keyOrder = model.criteria
    .map((c, i) => ({ id: c.id, key: JSON.stringify(c.id), i }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const score = pieces(keyOrder.flatMap(({ key }, x) => Array.from({ length: levels }, (_, v) => `${x ? ',' : ''}${key}:${v + min}`)));
  const entrant = pieces(entrantIds.map((e) => `,{"entrant":${e}`));
  const juror = pieces(jurorIds.map((j) => `,"juror":${j},"scores":{`));
  const card = entrant.longest + juror.longest + keyOrder.length * score.longest + 2;
  return { entrant, juror, score, column: Int32Array.from(keyOrder, ({ i }) => i), card };
}

function writeEvaluations(sink: ByteSink, model: Model, p: EvaluationPieces): void {
  // Locals, not properties, in the loop that writes 6 MB a byte at a time.
  const { length, scores, juror, entrant } = model.cards;
  const C = p.column.length;
  const { min, max } = model.scale;
  const levels = max - min + 1;
  const column = p.column;
  const eBytes = p.entrant.bytes, eStart = p.entrant.start;
  const jBytes = p.juror.bytes, jStart = p.juror.start;
  const sBytes = p.score.bytes, sStart = p.score.start;
  for (let i = 0; i < length; i++) {
    sink.room(p.card);
    const buffer = sink.buffer;
    let at = sink.used;
    // The first evaluation has no leading comma.
    const e = entrant[i]!;
    for (let k = eStart[e]! + (i === 0 ? 1 : 0), end = eStart[e + 1]!; k < end; k++) buffer[at++] = eBytes[k]!;
    const j = juror[i]!;
    for (let k = jStart[j]!, end = jStart[j + 1]!; k < end; k++) buffer[at++] = jBytes[k]!;
    for (let x = 0; x < C; x++) {
      const piece = x * levels + scores[i * C + column[x]!]! - min;
      for (let k = sStart[piece]!, end = sStart[piece + 1]!; k < end; k++) buffer[at++] = sBytes[k]!;
    }
    buffer[at++] = 0x7d; // }
    buffer[at++] = 0x7d;
    sink.used = at;
  }
}

/**
 * The canonical input as JCS text (what the fingerprint hashes).
 * @example
 * canonicalInput(model); // '{"chairOrder":null,"criteria":[{"id":"impact","weight":20}],…}'
 */
export function canonicalInput(model: Model): string {
  const chunks: Uint8Array[] = [];
  write(model, (bytes) => chunks.push(bytes.slice()));
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.length;
  }
  return new TextDecoder().decode(all);
}

/**
 * SHA-256 hex of the canonical input; `hash` defaults to the platform's SHA-256 when there is
 * one (see sha256.ts), which gives the same digest.
 * @example
 * modelFingerprint(model); // "3f5a…" (64 hex digits)
 */
export function modelFingerprint(model: Model, hash: Hasher = sha256()): string {
  write(model, (bytes) => hash.update(bytes));
  return hash.hex();
}
