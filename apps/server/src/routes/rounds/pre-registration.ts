import { CriterionInputSchema, type ErrorDetail } from '@palmares/contract';
import { z } from 'zod';
import type { Db } from '../../db/open-db.js';
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
  const min = rules.shortlist_axis_min;
  for (const axis of perAxis.filter((a) => a.n < min)) {
    problems.push({ path: 'shortlist.axisMin', rule: 'infeasible', message: `axis "${axis.code}" has ${axis.n} entrant(s), fewer than the minimum of ${min}`, params: { axis: axis.code, count: axis.n, min } });
  }
  if (min * perAxis.length > rules.shortlist_size) {
    problems.push({ path: 'shortlist.axisMin', rule: 'infeasible', message: `${perAxis.length} axes × ${min} exceed the ${rules.shortlist_size} seats`, params: { axes: perAxis.length, min, seats: rules.shortlist_size } });
  }
  return problems;
}
