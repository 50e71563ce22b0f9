import type { Db } from '../db/open-db.js';

/** One axis's shortlist bounds; `max` null: no cap. */
export interface AxisBounds {
  min: number;
  max: number | null;
}

/** The shortlist's quotas: the default for every axis, and the axes that differ from it (issue 16 point 6). */
export interface ShortlistQuotas {
  size: number;
  axisMin: number;
  axisMax: number | null;
  /** In axis order; an axis not listed follows the default. */
  perAxis: { axis: string; min: number; max: number | null }[];
}

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
  return {
    rules: db.prepare<[number], { size: number; min: number; max: number | null }>(
      'SELECT shortlist_size AS size, shortlist_axis_min AS min, shortlist_axis_max AS max FROM competitions WHERE id = ?',
    ),
    perAxis: db.prepare<[number], { axis: string; min: number; max: number | null }>(
      `SELECT a.code AS axis, q.shortlist_min AS min, q.shortlist_max AS max FROM axis_quotas q
       JOIN axes a ON a.id = q.axis_id WHERE a.competition_id = ? ORDER BY a.position`,
    ),
    axisIds: db.prepare<[number], { id: number; code: string }>('SELECT id, code FROM axes WHERE competition_id = ?'),
    clear: db.prepare('DELETE FROM axis_quotas WHERE axis_id IN (SELECT id FROM axes WHERE competition_id = ?)'),
    insert: db.prepare('INSERT INTO axis_quotas (axis_id, shortlist_min, shortlist_max) VALUES (?, ?, ?)'),
  };
}
const statementsFor = (db: Db) => {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepare(db)));
  return s;
};

/**
 * The competition's pre-registered shortlist quotas.
 * @example shortlistQuotas(db, 1); // { size: 12, axisMin: 2, axisMax: 4, perAxis: [{ axis: 'mobility', min: 3, max: 4 }] }
 */
export function shortlistQuotas(db: Db, competitionId: number): ShortlistQuotas {
  const s = statementsFor(db);
  const rules = s.rules.get(competitionId);
  if (!rules) throw new Error(`competition ${competitionId} does not exist`);
  return { size: rules.size, axisMin: rules.min, axisMax: rules.max, perAxis: s.perAxis.all(competitionId) };
}

/**
 * The bounds one axis is held to.
 * @example boundsOf(quotas, 'mobility'); // { min: 3, max: 4 }
 */
export function boundsOf(quotas: ShortlistQuotas, axis: string): AxisBounds {
  const own = quotas.perAxis.find((q) => q.axis === axis);
  return own ? { min: own.min, max: own.max } : { min: quotas.axisMin, max: quotas.axisMax };
}

/**
 * The quotas as the ranking reads them (packages/ranking SPEC §1 `selection`): one integer for every
 * axis while no axis differs (so existing fingerprints stay the same), otherwise a map over the
 * axes the round's entrants compete in.
 */
export function rankingQuotas(quotas: ShortlistQuotas, axes: readonly string[]): { axisMin?: number | Record<string, number>; axisMax?: number | Record<string, number> } {
  if (quotas.perAxis.length === 0) {
    return { ...(quotas.axisMin > 0 ? { axisMin: quotas.axisMin } : {}), ...(quotas.axisMax !== null ? { axisMax: quotas.axisMax } : {}) };
  }
  const min: Record<string, number> = {};
  const max: Record<string, number> = {};
  for (const axis of [...new Set(axes)].sort()) {
    const b = boundsOf(quotas, axis);
    if (b.min > 0) min[axis] = b.min;
    if (b.max !== null) max[axis] = b.max;
  }
  return { ...(Object.keys(min).length > 0 ? { axisMin: min } : {}), ...(Object.keys(max).length > 0 ? { axisMax: max } : {}) };
}

/** Replaces the per-axis quotas; callers run it in the settings' transaction, codes already checked. */
export function replaceAxisQuotas(db: Db, competitionId: number, perAxis: { axis: string; min: number; max: number | null }[]): void {
  const s = statementsFor(db);
  const ids = new Map(s.axisIds.all(competitionId).map((a) => [a.code, a.id]));
  s.clear.run(competitionId);
  for (const q of perAxis) s.insert.run(ids.get(q.axis), q.min, q.max);
}

/** Axis codes of `perAxis` that the competition does not have, with their index. */
export function unknownQuotaAxes(db: Db, competitionId: number, perAxis: { axis: string }[]): { axis: string; index: number }[] {
  const codes = new Set(statementsFor(db).axisIds.all(competitionId).map((a) => a.code));
  return perAxis.map((q, index) => ({ axis: q.axis, index })).filter((q) => !codes.has(q.axis));
}
