import type { ErrorDetail, ShortlistOverride, ShortlistReplacement } from '@palmares/contract';
import type { RankResult } from '@palmares/ranking';
import type { Db } from '../../db/open-db.js';
import { boundsOf, shortlistQuotas } from '../../results/axis-quotas.js';
import { AppError } from '../../lib/errors.js';

interface OverrideRow {
  removed_entrant_id: number;
  added_entrant_id: number;
  grounds: ShortlistOverride['grounds'];
  reason: string;
  decided_by: string;
  created_at: string;
}

const toOverride = (r: OverrideRow): ShortlistOverride => ({
  removedEntrantId: r.removed_entrant_id, addedEntrantId: r.added_entrant_id, grounds: r.grounds, reason: r.reason, decidedBy: r.decided_by, createdAt: r.created_at,
});

/** The replacements recorded when the round's shortlist was confirmed, in the order given. */
export function roundOverrides(db: Db, roundId: number): ShortlistOverride[] {
  return db.prepare<[number], OverrideRow>('SELECT * FROM shortlist_overrides WHERE round_id = ? ORDER BY id').all(roundId).map(toOverride);
}

/** The override that took this startup out of the shortlist or brought it in, if any. */
export function overrideOf(db: Db, entrantId: number): (ShortlistOverride & { side: 'removed' | 'added' }) | null {
  const row = db.prepare<[number, number], OverrideRow>('SELECT * FROM shortlist_overrides WHERE removed_entrant_id = ? OR added_entrant_id = ? ORDER BY id DESC LIMIT 1').get(entrantId, entrantId);
  return row ? { ...toOverride(row), side: row.removed_entrant_id === entrantId ? 'removed' : 'added' } : null;
}

/**
 * The confirmed shortlist: the ranking's proposal with each replacement applied, in rank order
 * (a startup brought in takes its own rank's place). Refuses, naming the field and the rule, a
 * replacement that takes out a startup the ranking did not propose, brings in one already
 * selected, not in the round or that nobody scored, names a startup twice, or leaves an axis
 * above its maximum or below its minimum: the per-axis quotas hold for the confirmed 12 too.
 * @example applyReplacements(db, 1, result, [{ removedEntrantId: 4, addedEntrantId: 9, grounds: 'withdrawal', reason: 'Withdrew on 2 June' }]);
 */
export function applyReplacements(db: Db, competitionId: number, result: RankResult, replacements: ShortlistReplacement[]): number[] {
  const proposed = (result.selection?.selected ?? []).map(Number);
  if (replacements.length === 0) return proposed;
  const rows = new Map(result.ranking.map((r) => [Number(r.entrant), r]));
  const problems: ErrorDetail[] = [];
  const seen = new Set<number>();
  replacements.forEach((r, i) => {
    const at = (field: string) => `replacements.${i}.${field}`;
    if (seen.has(r.removedEntrantId)) problems.push({ path: at('removedEntrantId'), rule: 'each_once', message: `entrant ${r.removedEntrantId} is named twice` });
    else if (!proposed.includes(r.removedEntrantId)) problems.push({ path: at('removedEntrantId'), rule: 'not_proposed', message: `entrant ${r.removedEntrantId} is not a proposed finalist` });
    seen.add(r.removedEntrantId);
    const row = rows.get(r.addedEntrantId);
    if (seen.has(r.addedEntrantId)) problems.push({ path: at('addedEntrantId'), rule: 'each_once', message: `entrant ${r.addedEntrantId} is named twice` });
    else if (!row) problems.push({ path: at('addedEntrantId'), rule: 'unknown', message: `entrant ${r.addedEntrantId} is not in this round` });
    else if (proposed.includes(r.addedEntrantId)) problems.push({ path: at('addedEntrantId'), rule: 'already_selected', message: `entrant ${r.addedEntrantId} is already a proposed finalist` });
    else if (row.rank === null) problems.push({ path: at('addedEntrantId'), rule: 'unscored', message: `nobody scored entrant ${r.addedEntrantId}` });
    seen.add(r.addedEntrantId);
  });
  if (problems.length > 0) throw new AppError(400, 'VALIDATION_FAILED', 'These replacements cannot be made', problems);

  const removed = new Set(replacements.map((r) => r.removedEntrantId));
  const confirmed = [...proposed.filter((e) => !removed.has(e)), ...replacements.map((r) => r.addedEntrantId)];
  const order = new Map(result.ranking.map((r, i) => [Number(r.entrant), i]));
  confirmed.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));

  const quotas = shortlistQuotas(db, competitionId);
  const axisOf = (e: number) => rows.get(e)?.axis ?? '';
  const count = (axis: string) => confirmed.filter((e) => axisOf(e) === axis).length;
  const inRound = (axis: string) => result.ranking.filter((r) => r.axis === axis && r.rank !== null).length;
  replacements.forEach((r, i) => {
    const inAxis = axisOf(r.addedEntrantId);
    const { max } = boundsOf(quotas, inAxis);
    if (max !== null && count(inAxis) > max) {
      problems.push({ path: `replacements.${i}.addedEntrantId`, rule: 'axis_max', message: `axis "${inAxis}" would have ${count(inAxis)} finalists, above its maximum of ${max}`, params: { axis: inAxis, max, count: count(inAxis) } });
    }
    const outAxis = axisOf(r.removedEntrantId);
    // A minimum no set could meet (fewer scored entrants than the minimum) was the ranking's to refuse.
    const min = Math.min(boundsOf(quotas, outAxis).min, inRound(outAxis));
    if (count(outAxis) < min) {
      problems.push({ path: `replacements.${i}.removedEntrantId`, rule: 'axis_min', message: `axis "${outAxis}" would have ${count(outAxis)} finalists, below its minimum of ${min}`, params: { axis: outAxis, min, count: count(outAxis) } });
    }
  });
  if (problems.length > 0) throw new AppError(400, 'VALIDATION_FAILED', 'The replacements break the per-axis quotas', problems);
  return confirmed;
}

/** Records the replacements of a confirmed shortlist; the caller logs them with the confirmation. */
export function recordReplacements(db: Db, roundId: number, replacements: ShortlistReplacement[], actor: string, at: string): ShortlistOverride[] {
  const insert = db.prepare(
    'INSERT INTO shortlist_overrides (round_id, removed_entrant_id, added_entrant_id, grounds, reason, decided_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const r of replacements) insert.run(roundId, r.removedEntrantId, r.addedEntrantId, r.grounds, r.reason, actor, at);
  return roundOverrides(db, roundId);
}
