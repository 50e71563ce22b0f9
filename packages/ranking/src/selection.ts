/**
 * The selection walk with axis quotas. The feasible sets (at most axisMax per axis, still able to
 * reach every axisMin) form a matroid, so walking in rank order and taking whatever keeps the set
 * feasible is optimal; the tests check it against brute force.
 */
import type { Skip } from './types.js';

/** Quotas as the walk needs them. */
export interface WalkQuotas {
  readonly count: number;
  readonly min: ReadonlyMap<string, number>;
  readonly max: ReadonlyMap<string, number>;
}

/** What the walk decided, by entrant index. */
export interface Walk {
  readonly selected: number[];
  readonly skipped: { entrant: number; reason: Skip['reason'] }[];
  /**
   * `seats`: every seat still free; `open`: how many of the tied the quotas still let in (a
   * maximal feasible subset: in a matroid every one has the same size).
   */
  readonly pending: { entrants: number[]; seats: number; open: number } | null;
}

class Seats {
  private readonly taken = new Map<string, number>();
  left: number;
  constructor(private readonly q: WalkQuotas) {
    this.left = q.count;
  }
  /** Seats still owed to axes below their minimum. */
  private owed(): number {
    let owed = 0;
    for (const [axis, min] of this.q.min) owed += Math.max(0, min - (this.taken.get(axis) ?? 0));
    return owed;
  }
  /** Why `axes` (one entry per entrant) cannot all be taken now, or null when they can. */
  refuse(axes: readonly string[]): Skip['reason'] | null {
    const add = new Map<string, number>();
    for (const a of axes) add.set(a, (add.get(a) ?? 0) + 1);
    for (const [a, n] of add) if ((this.taken.get(a) ?? 0) + n > (this.q.max.get(a) ?? Infinity)) return 'axis-max';
    let owedAfter = this.owed();
    for (const [a, n] of add) {
      const short = Math.max(0, (this.q.min.get(a) ?? 0) - (this.taken.get(a) ?? 0));
      owedAfter -= Math.min(short, n);
    }
    return axes.length > this.left || owedAfter > this.left - axes.length ? 'reserved-for-axis-min' : null;
  }
  take(axis: string): void {
    this.taken.set(axis, (this.taken.get(axis) ?? 0) + 1);
    this.left--;
  }
}

/**
 * Walks the ordered tie groups. A group whose eligible members cannot all be taken stops the
 * walk with a pending chair decision (`onBlock` returns nothing), or, for the bootstrap, is
 * resolved by `onBlock` returning the members to take (any maximal feasible subset: in a matroid
 * every choice leaves the rest of the walk identical).
 * @example
 * walk([[0], [1, 2], [3]], (e) => axes[e], { count: 2, min: new Map(), max: new Map() });
 * // { selected: [0], skipped: [], pending: { entrants: [1, 2], seats: 1, open: 1 } }
 */
export function walk(
  groups: readonly (readonly number[])[],
  axisOf: (e: number) => string,
  quotas: WalkQuotas,
  onBlock?: (eligible: number[], seats: number, maximal: number[]) => void,
): Walk {
  const seats = new Seats(quotas);
  const selected: number[] = [];
  const skipped: Walk['skipped'] = [];
  for (const group of groups) {
    if (seats.left === 0) break;
    const eligible: number[] = [];
    for (const e of group) {
      const reason = seats.refuse([axisOf(e)]);
      if (reason) skipped.push({ entrant: e, reason });
      else eligible.push(e);
    }
    if (eligible.length === 0) continue;
    if (seats.refuse(eligible.map(axisOf)) === null) {
      for (const e of eligible) {
        seats.take(axisOf(e));
        selected.push(e);
      }
      continue;
    }
    if (!onBlock) {
      const free = seats.left;
      let open = 0;
      // The walk stops here, so the seats may be taken to count: greedy gives a maximal subset.
      for (const e of eligible) {
        if (seats.refuse([axisOf(e)]) === null) {
          seats.take(axisOf(e));
          open++;
        }
      }
      return { selected, skipped, pending: { entrants: eligible, seats: free, open } };
    }
    const free = seats.left;
    const maximal: number[] = [];
    for (const e of eligible) {
      if (seats.refuse([axisOf(e)]) === null) {
        seats.take(axisOf(e));
        maximal.push(e);
      }
    }
    onBlock(eligible, free, maximal);
  }
  return { selected, skipped, pending: null };
}
