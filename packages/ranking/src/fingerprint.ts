/**
 * The fingerprint of a competition: SHA-256 of its canonical input (RFC 8785). Rows are written
 * in a canonical order so that the same competition, whatever order its rows came in, yields the
 * same fingerprint; a results snapshot stores it.
 */
import { canonicalJson, type Json } from './jcs.js';
import { sha256Hex } from './sha256.js';
import type { Model } from './model.js';

/**
 * The canonical input as JCS text. Criteria keep their declared order (it breaks ties between
 * equal weights); entrants and jurors are sorted by id (their order means nothing, and sorting
 * is what makes a permuted input the same competition); evaluations and recusals are sorted by
 * juror then entrant; defaults (method, trim, recusals) are written out; `report` is left out,
 * since asking for the report does not change the competition.
 * @example
 * canonicalInput(model); // '{"chairOrder":null,"criteria":[{"id":"impact","weight":20}],…}'
 */
export function canonicalInput(model: Model): string {
  const { cards, criteria } = model;
  const keys = criteria.map((c, i) => ({ key: JSON.stringify(c.id), i })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Evaluations dominate the size; they are written directly rather than built as objects.
  const evaluations: string[] = [];
  const jurors = model.jurors.map((j) => JSON.stringify(j));
  const entrants = model.entrants.map((e) => JSON.stringify(e));
  const C = criteria.length;
  for (let i = 0; i < cards.length; i++) {
    let scores = '';
    for (let x = 0; x < keys.length; x++) {
      const { key, i: c } = keys[x]!;
      scores += `${x ? ',' : ''}${key}:${cards.scores[i * C + c]!}`;
    }
    evaluations.push(`{"entrant":${entrants[cards.entrant[i]!]!},"juror":${jurors[cards.juror[i]!]!},"scores":{${scores}}}`);
  }
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
  // "evaluations" sorts between "entrants" and "jurors": splice it in at that key.
  const at = text.indexOf(',"jurors":');
  return `${text.slice(0, at)},"evaluations":[${evaluations.join(',')}]${text.slice(at)}`;
}

/**
 * SHA-256 hex of the canonical input.
 * @example
 * modelFingerprint(model); // "3f5a…" (64 hex digits)
 */
export function modelFingerprint(model: Model): string {
  return sha256Hex(canonicalInput(model));
}
