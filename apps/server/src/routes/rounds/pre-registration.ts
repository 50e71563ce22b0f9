import { CriterionInputSchema, type ErrorDetail } from '@palmares/contract';
import { z } from 'zod';
import type { Db } from '../../db/open-db.js';
import { boundsOf, shortlistQuotas } from '../../results/axis-quotas.js';
import { rubricProblems } from '../settings/rubric-check.js';

interface Rules {
  languages: string;
  default_language: string;
  scale_min: number;
  scale_max: number;
  shortlist_size: number;
  shortlist_axis_min: number;
}

/**
 * What would make the pre-registered rules unusable once locked: an empty rubric, or one missing a
 * language added since; shortlist quotas no set of entrants could meet (an axis with fewer
 * entrants than its minimum, or minimums adding up to more than the shortlist).
 */
export function preRegistrationProblems(db: Db, competitionId: number): ErrorDetail[] {
  const rules = db
    .prepare<[number], Rules>('SELECT languages, default_language, scale_min, scale_max, shortlist_size, shortlist_axis_min FROM competitions WHERE id = ?')
    .get(competitionId)!;
  const criteria = db
    .prepare<[number], { code: string; weight: number; labels: string; levels: string }>('SELECT code, weight, labels, levels FROM criteria WHERE competition_id = ? ORDER BY position')
    .all(competitionId)
    .map((c) => CriterionInputSchema.parse({ ...c, labels: JSON.parse(c.labels), levels: JSON.parse(c.levels) }));
  if (criteria.length === 0) return [{ path: 'rubric', rule: 'empty', message: 'the rubric has no criterion' }];
  const languages = z.array(z.string()).parse(JSON.parse(rules.languages));
  const problems = rubricProblems({ scale: { min: rules.scale_min, max: rules.scale_max }, criteria }, languages, rules.default_language).map((p) => ({ ...p, path: `rubric.${p.path}` }));

  const perAxis = db
    .prepare<[number], { code: string; n: number }>(
      'SELECT a.code, COUNT(*) AS n FROM entrants e JOIN axes a ON a.id = e.axis_id WHERE e.competition_id = ? GROUP BY a.id ORDER BY a.position',
    )
    .all(competitionId);
  const quotas = shortlistQuotas(db, competitionId);
  for (const axis of perAxis) {
    const { min } = boundsOf(quotas, axis.code);
    // An axis with its own quota names it, so the set-up form marks that axis's row.
    const own = quotas.perAxis.findIndex((q) => q.axis === axis.code);
    const path = own >= 0 ? `shortlist.perAxis.${own}.min` : 'shortlist.axisMin';
    if (axis.n < min) problems.push({ path, rule: 'infeasible', message: `axis "${axis.code}" has ${axis.n} entrant(s), fewer than the minimum of ${min}`, params: { axis: axis.code, count: axis.n, min } });
  }
  const total = perAxis.reduce((sum, a) => sum + boundsOf(quotas, a.code).min, 0);
  if (total > rules.shortlist_size) {
    problems.push(
      quotas.perAxis.length === 0
        ? { path: 'shortlist.axisMin', rule: 'infeasible', message: `${perAxis.length} axes × ${rules.shortlist_axis_min} exceed the ${rules.shortlist_size} seats`, params: { axes: perAxis.length, min: rules.shortlist_axis_min, seats: rules.shortlist_size } }
        : { path: 'shortlist.axisMin', rule: 'infeasible', message: `the axis minimums add up to ${total}, more than the ${rules.shortlist_size} seats`, params: { total, seats: rules.shortlist_size } },
    );
  }
  return problems;
}
