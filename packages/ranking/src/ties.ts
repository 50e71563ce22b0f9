/**
 * The tie-break chain, applied to whole tie groups. It is deliberately not a comparator handed to
 * `sort`: head-to-head is not transitive (example 4 of SPEC.md is a cycle), so each group is
 * partitioned by one rule at a time and every split is logged.
 */
import { scoreText, tiedGroups, type ScoreSet } from './scores.js';
import type { Cards } from './model.js';
import type { TieSplit } from './types.js';

/** One rule of the chain: cuts a group into ordered sub-groups, with each member's key as text. */
export interface TieRule {
  readonly name: string;
  partition(group: readonly number[]): { parts: number[][]; value: (e: number) => string };
}

/** The result of the chain: tie sets in final order, and the log of splits. */
export interface Chained {
  readonly order: number[][];
  readonly ties: TieSplit[];
}

/**
 * Orders scored entrants by score, then splits each tied group with the rules in turn.
 * @example
 * const { order, ties } = chain(scores, [0, 1, 2], rules, names);
 * // order [[1], [0, 2]]: 1 first, 0 and 2 share the next rank
 */
export function chain(scores: ScoreSet, scored: readonly number[], rules: readonly TieRule[], names: readonly string[]): Chained {
  const ties: TieSplit[] = [];
  const split = (group: number[], r: number): number[][] => {
    if (group.length === 1 || r >= rules.length) return [group];
    const rule = rules[r]!;
    const { parts, value } = rule.partition(group);
    if (parts.length === 1) return split(group, r + 1);
    const members = parts.flat();
    ties.push({ rule: rule.name, entrants: members.map((e) => names[e]!), values: members.map(value) });
    // Head-to-head is re-run inside each group it shrank (the mini-league); other rules hand over.
    const next = rule.name === 'head-to-head' ? r : r + 1;
    return parts.flatMap((part) => split(part, next));
  };
  const order: number[][] = [];
  for (const group of tiedGroups(scores, scored)) {
    if (group.length === 1) order.push(group);
    else for (const part of split(group, 0)) order.push(part);
  }
  return { order, ties };
}

/** Partitions by an integer or vector key, best first; equal keys stay together, by index. */
function byKey<K>(group: readonly number[], key: (e: number) => K, better: (a: K, b: K) => number): number[][] {
  const keys = new Map(group.map((e) => [e, key(e)]));
  const sorted = [...group].sort((a, b) => better(keys.get(b)!, keys.get(a)!) || a - b);
  const parts: number[][] = [];
  for (const e of sorted) {
    const last = parts[parts.length - 1];
    if (last && better(keys.get(last[0]!)!, keys.get(e)!) === 0) last.push(e);
    else parts.push([e]);
  }
  return parts;
}

/**
 * `criterion:<id>`: the method re-run on that criterion alone.
 * @example
 * criterionRule('impact', () => impactScores);
 */
export function criterionRule(id: string, scores: () => ScoreSet): TieRule {
  return {
    name: `criterion:${id}`,
    partition(group) {
      const s = scores();
      return { parts: tiedGroups(s, group), value: (e) => scoreText(s, e) ?? '' };
    },
  };
}

/**
 * Looks up T(j,e)·Σw for the jurors' pairwise and placement rules.
 * @example
 * const index = new TotalsIndex(cards, 3, 4);
 * index.placement(0, 2); // 1 + the number of entrants juror 0 scored above entrant 2
 */
export class TotalsIndex {
  private readonly byJuror: Map<number, number>[];
  private readonly jurorsOf: number[][];
  constructor(cards: Cards, jurors: number, entrants: number) {
    this.byJuror = Array.from({ length: jurors }, () => new Map<number, number>());
    this.jurorsOf = Array.from({ length: entrants }, () => []);
    for (let i = 0; i < cards.length; i++) {
      this.byJuror[cards.juror[i]!]!.set(cards.entrant[i]!, cards.total[i]!);
      this.jurorsOf[cards.entrant[i]!]!.push(cards.juror[i]!);
    }
  }
  total(j: number, e: number): number | undefined {
    return this.byJuror[j]!.get(e);
  }
  jurors(e: number): readonly number[] {
    return this.jurorsOf[e]!;
  }
  /** 1 + the number of entrants juror j gave a strictly higher total. */
  placement(j: number, e: number): number {
    const mine = this.byJuror[j]!.get(e)!;
    let above = 0;
    for (const t of this.byJuror[j]!.values()) if (t > mine) above++;
    return 1 + above;
  }
}

/**
 * `head-to-head`: Copeland score (pair wins minus pair losses) within the group, each pair decided
 * by the jurors who scored both and preferred one.
 * @example
 * headToHeadRule(() => index); // Q beats P 2 jurors to 1 in example 3
 */
export function headToHeadRule(lookup: () => TotalsIndex): TieRule {
  return {
    name: 'head-to-head',
    partition(group) {
      const index = lookup();
      const copeland = new Map(group.map((e) => [e, 0]));
      for (let x = 0; x < group.length; x++) {
        for (let y = x + 1; y < group.length; y++) {
          const a = group[x]!;
          const b = group[y]!;
          let votes = 0;
          for (const j of index.jurors(a)) {
            const tb = index.total(j, b);
            if (tb === undefined) continue;
            const ta = index.total(j, a)!;
            votes += ta > tb ? 1 : ta < tb ? -1 : 0;
          }
          const w = Math.sign(votes);
          copeland.set(a, copeland.get(a)! + w);
          copeland.set(b, copeland.get(b)! - w);
        }
      }
      return {
        parts: byKey(group, (e) => copeland.get(e)!, (p, q) => p - q),
        value: (e) => String(copeland.get(e)!),
      };
    },
  };
}

/**
 * `countback`: (number of 1st places, number of 2nd places, …), compared lexicographically.
 * @example
 * countbackRule(() => index); // in example 4 X, Y and Z each hold one 1st, one 2nd, one 3rd
 */
export function countbackRule(lookup: () => TotalsIndex): TieRule {
  return {
    name: 'countback',
    partition(group) {
      const index = lookup();
      const vectors = new Map<number, number[]>();
      let longest = 0;
      for (const e of group) {
        const v: number[] = [];
        for (const j of index.jurors(e)) {
          const p = index.placement(j, e);
          while (v.length < p) v.push(0);
          v[p - 1]!++;
        }
        longest = Math.max(longest, v.length);
        vectors.set(e, v);
      }
      for (const v of vectors.values()) while (v.length < longest) v.push(0);
      const lex = (p: number[], q: number[]): number => {
        for (let i = 0; i < p.length; i++) if (p[i] !== q[i]) return p[i]! - q[i]!;
        return 0;
      };
      return { parts: byKey(group, (e) => vectors.get(e)!, lex), value: (e) => vectors.get(e)!.join(',') };
    },
  };
}

/**
 * `chair`: the position in `chairOrder`; unlisted entrants come after, still tied.
 * @example
 * chairRule(['Y', 'X', 'Z'], names); // orders the example 4 cycle Y, X, Z
 */
export function chairRule(chairOrder: readonly string[], names: readonly string[]): TieRule {
  const position = new Map(chairOrder.map((id, i) => [id, i]));
  const pos = (e: number): number => position.get(names[e]!) ?? Number.POSITIVE_INFINITY;
  return {
    name: 'chair',
    partition(group) {
      return {
        parts: byKey(group, pos, (p, q) => (p === q ? 0 : q - p > 0 ? 1 : -1)),
        value: (e) => (Number.isFinite(pos(e)) ? String(pos(e) + 1) : 'unlisted'),
      };
    },
  };
}
