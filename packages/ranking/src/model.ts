/**
 * The validated input in the shape the algorithms want: entrants and jurors by index (sorted by
 * id, so that no result can depend on the order rows came in), and scorecards as typed arrays
 * sorted by juror then entrant (so that even float sums are order-independent).
 */
import type { Criterion, Method, SelectionRequest } from './types.js';

/** Scorecards, column-wise; `total` is the weighted sum Σ w·s (the total T times Σ w). */
export interface Cards {
  readonly length: number;
  readonly juror: Int32Array;
  readonly entrant: Int32Array;
  readonly total: Float64Array;
  /** `scores[card * criteria + c]`, criteria in declared order. */
  readonly scores: Int32Array;
}

/** Selection quotas resolved per axis (an axis absent from a map has no bound). */
export interface Quotas {
  readonly count: number;
  readonly min: ReadonlyMap<string, number>;
  readonly max: ReadonlyMap<string, number>;
  readonly request: SelectionRequest;
}

/** A validated competition. */
export interface Model {
  readonly criteria: readonly Criterion[];
  readonly weightSum: number;
  readonly scale: { readonly min: number; readonly max: number };
  readonly entrants: readonly string[];
  readonly axis: readonly string[];
  readonly jurors: readonly string[];
  readonly cards: Cards;
  /** Recusals as [juror index, entrant index], sorted. */
  readonly recusals: readonly (readonly [number, number])[];
  readonly method: Method;
  readonly trim: 'auto' | 0;
  readonly quotas: Quotas | null;
  readonly chairOrder: readonly string[] | null;
  readonly report: boolean;
}

/**
 * Orders strings by UTF-16 code units, the order JCS uses for keys.
 * @example
 * ['b', 'B', 'a'].sort(byCodeUnits); // ['B', 'a', 'b']
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Keeps only the cards for which `keep(card)` holds (used by the report's re-runs).
 * @example
 * filterCards(cards, 6, (i) => cards.juror[i] !== 2); // the design without juror 2
 */
export function filterCards(cards: Cards, criteria: number, keep: (card: number) => boolean): Cards {
  const picked: number[] = [];
  for (let i = 0; i < cards.length; i++) if (keep(i)) picked.push(i);
  const out = {
    length: picked.length,
    juror: new Int32Array(picked.length),
    entrant: new Int32Array(picked.length),
    total: new Float64Array(picked.length),
    scores: new Int32Array(picked.length * criteria),
  };
  picked.forEach((from, to) => {
    out.juror[to] = cards.juror[from]!;
    out.entrant[to] = cards.entrant[from]!;
    out.total[to] = cards.total[from]!;
    out.scores.set(cards.scores.subarray(from * criteria, (from + 1) * criteria), to * criteria);
  });
  return out;
}
