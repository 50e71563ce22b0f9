/**
 * The fast path of validation for the two long lists (entrants and evaluations: 10,000 and
 * 50,000 rows in a large round). It accepts a list only when every row is well formed, in one
 * pass that builds no error, path, closure or per-row object; at the first irregularity it gives
 * up and returns null, and validate.ts runs its full checks on that list, which find and word
 * every problem exactly as before. So the fast path decides nothing the full checks would not.
 */
import { byCodeUnits, type Cards } from './model.js';
import type { Criterion } from './types.js';

type Rec = Record<string, unknown>;

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Entrants in declared order: id → declared index, and the axis of each. */
export interface DeclaredEntrants {
  readonly at: Map<string, number>;
  readonly axis: string[];
}

/**
 * The declared entrants when every entrant is `{ id, axis }` with non-empty strings and no id
 * repeats; null otherwise (the full checks then report what is wrong).
 * @example
 * wellFormedEntrants([{ id: 'A', axis: 'x' }]); // { at: Map { 'A' => 0 }, axis: ['x'] }
 * wellFormedEntrants([{ id: 'A' }]); // null
 */
export function wellFormedEntrants(raw: unknown): DeclaredEntrants | null {
  if (!Array.isArray(raw) || raw.length === 0) return null;
  const at = new Map<string, number>();
  const axes: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const item: unknown = raw[i];
    if (!isRecord(item)) return null;
    for (const key in item) if (key !== 'id' && key !== 'axis') return null;
    const { id, axis } = item;
    if (typeof id !== 'string' || id.length === 0 || typeof axis !== 'string' || axis.length === 0) return null;
    if (at.has(id)) return null;
    at.set(id, i);
    axes.push(axis);
  }
  return { at, axis: axes };
}

/** What the evaluation rows are checked against; ids map to their declared index. */
export interface RowContext {
  readonly criteria: readonly Criterion[];
  readonly scale: { readonly min: number; readonly max: number };
  readonly jurorAt: ReadonlyMap<string, number>;
  readonly entrantAt: ReadonlyMap<string, number>;
  /** Recused pairs as `juror * entrants + entrant` (declared indices). */
  readonly recused: ReadonlyMap<number, unknown>;
}

/**
 * Scorecards as columns (declared indices, scores in declared criteria order), read from rows
 * `{ juror, entrant, scores }` that are all complete, known, integer, in scale and not recused;
 * null at the first row that is not (duplicates are found later, once the cards are sorted).
 * @example
 * wellFormedRows(context, [{ juror: 'J1', entrant: 'A', scores: { overall: 8 } }]);
 * // { length: 1, juror: Int32Array [0], entrant: Int32Array [0], scores: Int32Array [8] }
 */
export function wellFormedRows(c: RowContext, raw: unknown): Rows | null {
  if (!Array.isArray(raw)) return null;
  const n = raw.length;
  const C = c.criteria.length;
  const ids = c.criteria.map((k) => k.id);
  const { min, max } = c.scale;
  const E = c.entrantAt.size;
  const checkRecusals = c.recused.size > 0;
  const jurors = new Int32Array(n);
  const entrants = new Int32Array(n);
  const values = new Int32Array(n * C);
  for (let i = 0; i < n; i++) {
    const item: unknown = raw[i];
    if (!isRecord(item)) return null;
    for (const key in item) if (key !== 'juror' && key !== 'entrant' && key !== 'scores') return null;
    const { juror, entrant, scores } = item;
    const j = typeof juror === 'string' ? c.jurorAt.get(juror) : undefined;
    const e = typeof entrant === 'string' ? c.entrantAt.get(entrant) : undefined;
    if (j === undefined || e === undefined || !isRecord(scores)) return null;
    if (checkRecusals && c.recused.has(j * E + e)) return null;
    // Each criterion read by name, then a count of the own keys proves there is no other one.
    for (let k = 0; k < C; k++) {
      const value = scores[ids[k]!];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) return null;
      values[i * C + k] = value;
    }
    let keys = 0;
    for (const key in scores) if (Object.prototype.hasOwnProperty.call(scores, key)) keys++;
    if (keys !== C) return null;
    jurors[i] = j;
    entrants[i] = e;
  }
  return { length: n, juror: jurors, entrant: entrants, scores: values };
}

/** Valid scorecards, column-wise, juror and entrant as declared indices. */
export interface Rows {
  readonly length: number;
  readonly juror: ArrayLike<number>;
  readonly entrant: ArrayLike<number>;
  /** Scores, `criteria` per card, in declared criteria order. */
  readonly scores: ArrayLike<number>;
}

/**
 * For each id in declared order, its index once the ids are sorted by code units; the sorted
 * ids; and the declared index of each sorted id.
 * @example
 * sortedIds(['b', 'a']); // { rank: Int32Array [1, 0], sorted: ['a', 'b'], order: [1, 0] }
 */
export function sortedIds(ids: readonly string[]): { rank: Int32Array; sorted: string[]; order: number[] } {
  const order = ids.map((_, i) => i).sort((a, b) => byCodeUnits(ids[a]!, ids[b]!) || a - b);
  const rank = new Int32Array(ids.length);
  for (let r = 0; r < order.length; r++) rank[order[r]!] = r;
  return { rank, sorted: order.map((i) => ids[i]!), order };
}

/**
 * The cards sorted by juror id, then entrant id, then row position (two stable counting-sort
 * passes), with their weighted totals; null when two rows share a juror and an entrant.
 * `jurorRank[declared]` is the juror's sorted index.
 * @example
 * sortedCards(rows, jurorRank, entrantRank, criteria)?.juror; // Int32Array [0, 0, 1, …]
 */
export function sortedCards(rows: Rows, jurorRank: Int32Array, entrantRank: Int32Array, criteria: readonly Criterion[]): Cards | null {
  const { length: n, juror, entrant, scores } = rows;
  const J = jurorRank.length;
  const E = entrantRank.length;
  const C = criteria.length;
  const jr = new Int32Array(n);
  const er = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    jr[i] = jurorRank[juror[i]!]!;
    er[i] = entrantRank[entrant[i]!]!;
  }
  const byEntrant = countingSort(er, E, null);
  const order = countingSort(jr, J, byEntrant);
  const cardJuror = new Int32Array(n);
  const cardEntrant = new Int32Array(n);
  const total = new Float64Array(n);
  const cardScores = new Int32Array(n * C);
  const weight = Float64Array.from(criteria, (k) => k.weight);
  for (let i = 0; i < n; i++) {
    const from = order[i]!;
    const j = jr[from]!;
    const e = er[from]!;
    if (i > 0 && j === cardJuror[i - 1] && e === cardEntrant[i - 1]) return null;
    cardJuror[i] = j;
    cardEntrant[i] = e;
    let sum = 0;
    for (let c = 0; c < C; c++) {
      const s = scores[from * C + c]!;
      sum += weight[c]! * s;
      cardScores[i * C + c] = s;
    }
    total[i] = sum;
  }
  return { length: n, juror: cardJuror, entrant: cardEntrant, total, scores: cardScores };
}

/** Positions ordered by `key` (values in [0, size)), stably over `within` (or 0, 1, …). */
function countingSort(key: Int32Array, size: number, within: Int32Array | null): Int32Array {
  const n = key.length;
  const start = new Int32Array(size + 1);
  for (let i = 0; i < n; i++) start[key[i]! + 1]!++;
  for (let k = 0; k < size; k++) start[k + 1]! += start[k]!;
  const out = new Int32Array(n);
  for (let x = 0; x < n; x++) {
    const i = within ? within[x]! : x;
    out[start[key[i]!]!++] = i;
  }
  return out;
}
