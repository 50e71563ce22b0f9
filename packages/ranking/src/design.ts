/**
 * Checks that need the whole design: connectivity of jurors and entrants (offsets are only
 * identifiable within a connected panel), scored entrants and quota feasibility.
 */
import type { Cards, Model } from './model.js';
import type { RankingError } from './types.js';

/**
 * Splits the jurors and entrants that have scorecards into panels that met (connected components
 * of the bipartite juror–entrant graph); returns the component label per node, jurors first.
 * @example
 * // J0 scored E0 and J1 scored E1: two panels.
 * components(cards, 2, 2).count; // 2
 */
export function components(cards: Cards, jurors: number, entrants: number, active?: (card: number) => boolean): {
  count: number;
  label: Int32Array;
} {
  const parent = new Int32Array(jurors + entrants).map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const used = new Uint8Array(jurors + entrants);
  for (let i = 0; i < cards.length; i++) {
    if (active && !active(i)) continue;
    const a = find(cards.juror[i]!);
    const b = find(jurors + cards.entrant[i]!);
    used[cards.juror[i]!] = 1;
    used[jurors + cards.entrant[i]!] = 1;
    if (a !== b) parent[a] = b;
  }
  const label = new Int32Array(jurors + entrants).fill(-1);
  const ids = new Map<number, number>();
  for (let x = 0; x < jurors + entrants; x++) {
    if (!used[x]) continue;
    const root = find(x);
    if (!ids.has(root)) ids.set(root, ids.size);
    label[x] = ids.get(root)!;
  }
  return { count: ids.size, label };
}

function disconnected(model: Model): RankingError[] {
  const J = model.jurors.length;
  const { count, label } = components(model.cards, J, model.entrants.length);
  if (count <= 1) return [];
  const panels: string[] = [];
  for (let k = 0; k < count; k++) {
    const js = model.jurors.filter((_, j) => label[j] === k);
    panels.push(`{${js.join(', ')}}`);
  }
  return [{
    code: 'DISCONNECTED_DESIGN',
    message: `the jurors form ${count} panels that never scored a common entrant: ${panels.join(' ')}`,
  }];
}

function quotaProblems(model: Model, scored: Uint8Array): RankingError[] {
  const q = model.quotas!;
  const out: RankingError[] = [];
  const available = new Map<string, number>();
  model.entrants.forEach((_, e) => {
    const a = model.axis[e]!;
    available.set(a, (available.get(a) ?? 0) + (scored[e] ? 1 : 0));
  });
  let total = 0;
  for (const [axis, min] of [...q.min].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    total += min;
    const have = available.get(axis) ?? 0;
    if (have < min) {
      out.push({ code: 'INFEASIBLE_QUOTA', message: `axis "${axis}" has ${have} scored entrants, fewer than its minimum ${min}`, path: `/selection/axisMin` });
    }
    const max = q.max.get(axis);
    if (max !== undefined && max < min) {
      out.push({ code: 'INFEASIBLE_QUOTA', message: `axis "${axis}" has a maximum ${max} below its minimum ${min}`, path: `/selection/axisMax` });
    }
  }
  if (total > q.count) {
    out.push({ code: 'INFEASIBLE_QUOTA', message: `the axis minimums add up to ${total}, more than the ${q.count} seats`, path: '/selection/axisMin' });
  }
  return out;
}

/**
 * The design-level errors of a structurally valid model.
 * @example
 * checkDesign(model); // [] for a connected, fully scored competition
 */
export function checkDesign(model: Model): RankingError[] {
  const out: RankingError[] = [];
  if (model.method === 'satm') out.push(...disconnected(model));
  if (!model.quotas) return out;
  const scored = new Uint8Array(model.entrants.length);
  for (let i = 0; i < model.cards.length; i++) scored[model.cards.entrant[i]!] = 1;
  model.entrants.forEach((entrant, e) => {
    if (!scored[e]) out.push({ code: 'UNSCORED_ENTRANT', message: `nobody scored "${entrant}"`, entrant });
  });
  out.push(...quotaProblems(model, scored));
  return out;
}
