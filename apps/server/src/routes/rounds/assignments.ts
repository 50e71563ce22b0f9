import { seededShuffle } from '../../lib/seeded-shuffle.js';

/** Who may score whom: jurors, entrants, and the declared conflicts (`juror:entrant`). */
export interface Design {
  jurors: number[];
  entrants: number[];
  conflicts: ReadonlySet<string>;
}

export interface Pair {
  jurorId: number;
  entrantId: number;
}

export const pairKey = (jurorId: number, entrantId: number) => `${jurorId}:${entrantId}`;

/** Why no assignment could be drawn: an entrant without enough jurors free of conflict, or panels that cannot be joined. */
export class AssignmentInfeasible extends Error {
  constructor(message: string, readonly problems: { entrantId?: number; message: string }[]) {
    super(message);
  }
}

/** Every juror scores every entrant they have no conflict with. */
export function allPairs(d: Design): Pair[] {
  return d.entrants.flatMap((e) => d.jurors.filter((j) => !d.conflicts.has(pairKey(j, e))).map((j) => ({ jurorId: j, entrantId: e })));
}

/** Union–find over jurors (`j<id>`) and entrants (`e<id>`). */
class Components {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string) {
    this.parent.set(this.find(a), this.find(b));
  }
}

/**
 * The panels of an assignment: groups of jurors and entrants linked by scorecards. Jurors and
 * entrants with no pair are left out, as in the ranking's DISCONNECTED_DESIGN check.
 */
export function panels(pairs: readonly Pair[]): { jurors: number[]; entrants: number[] }[] {
  const uf = new Components();
  for (const p of pairs) uf.union(`j${p.jurorId}`, `e${p.entrantId}`);
  const groups = new Map<string, { jurors: Set<number>; entrants: Set<number> }>();
  for (const p of pairs) {
    const root = uf.find(`j${p.jurorId}`);
    const g = groups.get(root) ?? { jurors: new Set(), entrants: new Set() };
    g.jurors.add(p.jurorId);
    g.entrants.add(p.entrantId);
    groups.set(root, g);
  }
  return [...groups.values()].map((g) => ({ jurors: [...g.jurors], entrants: [...g.entrants] }));
}

export const isConnected = (pairs: readonly Pair[]) => panels(pairs).length <= 1;

/**
 * Draws a balanced assignment: each entrant gets `k` jurors free of conflict, jurors' loads differ
 * by as little as the conflicts allow, and the juror–entrant graph is connected (so juror offsets
 * can be estimated on one scale). Most constrained entrants are served first; among the least
 * loaded jurors, one from another panel is preferred, which joins panels as they form. Panels that
 * remain apart are joined by extra pairs (`repairs`). Deterministic for a given seed.
 */
export function balancedPairs(d: Design, k: number, seed: string): { pairs: Pair[]; repairs: number } {
  const tooFew = d.entrants
    .map((e) => ({ entrantId: e, eligible: d.jurors.filter((j) => !d.conflicts.has(pairKey(j, e))).length }))
    .filter((x) => x.eligible < k);
  if (tooFew.length > 0) {
    throw new AssignmentInfeasible(
      `${tooFew.length} entrant(s) have fewer than ${k} jurors free of conflict`,
      tooFew.map((x) => ({ entrantId: x.entrantId, message: `only ${x.eligible} juror(s) without a conflict` })),
    );
  }
  const jurorOrder = seededShuffle(d.jurors, `${seed}:jurors`);
  const rankOf = new Map(jurorOrder.map((j, i) => [j, i]));
  const load = new Map(d.jurors.map((j) => [j, 0]));
  const eligible = (e: number) => jurorOrder.filter((j) => !d.conflicts.has(pairKey(j, e)));
  const entrants = seededShuffle(d.entrants, `${seed}:entrants`).sort((a, b) => eligible(a).length - eligible(b).length);
  const uf = new Components();
  const pairs: Pair[] = [];
  const taken = new Set<string>();
  const add = (j: number, e: number) => {
    pairs.push({ jurorId: j, entrantId: e });
    taken.add(pairKey(j, e));
    load.set(j, (load.get(j) ?? 0) + 1);
    uf.union(`j${j}`, `e${e}`);
  };
  for (const e of entrants) {
    for (let n = 0; n < k; n++) {
      const here = uf.find(`e${e}`);
      const candidates = eligible(e).filter((j) => !taken.has(pairKey(j, e)));
      candidates.sort(
        (a, b) =>
          (load.get(a) ?? 0) - (load.get(b) ?? 0) ||
          Number(uf.find(`j${a}`) === here) - Number(uf.find(`j${b}`) === here) ||
          (rankOf.get(a) ?? 0) - (rankOf.get(b) ?? 0),
      );
      add(candidates[0]!, e);
    }
  }
  let repairs = 0;
  for (let parts = panels(pairs); parts.length > 1; parts = panels(pairs)) {
    const link = joinPanels(parts, d, taken, load);
    if (!link) {
      throw new AssignmentInfeasible('The conflicts split the jury into panels that never meet', parts.map((p, i) => ({ message: `panel ${i + 1}: jurors ${p.jurors.join(', ')}; entrants ${p.entrants.join(', ')}` })));
    }
    add(link.jurorId, link.entrantId);
    repairs++;
  }
  return { pairs, repairs };
}

/** The least loaded juror of one panel who may score an entrant of another, to join the two. */
function joinPanels(parts: { jurors: number[]; entrants: number[] }[], d: Design, taken: Set<string>, load: Map<number, number>): Pair | null {
  let best: Pair | null = null;
  for (const [a, from] of parts.entries()) {
    for (const [b, to] of parts.entries()) {
      if (a === b) continue;
      for (const j of from.jurors) {
        for (const e of to.entrants) {
          if (d.conflicts.has(pairKey(j, e)) || taken.has(pairKey(j, e))) continue;
          if (!best || (load.get(j) ?? 0) < (load.get(best.jurorId) ?? 0)) best = { jurorId: j, entrantId: e };
        }
      }
    }
    if (best) return best;
  }
  return best;
}
