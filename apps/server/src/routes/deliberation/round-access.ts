import type { Db } from '../../db/open-db.js';
import { notFound } from '../../lib/errors.js';
import { deliberationQueries, type RoundRow } from './deliberation.queries.js';

/** The round, if it belongs to the competition; otherwise 404, as if it did not exist. */
export function roundOf(db: Db, competitionId: number, roundId: number): RoundRow {
  const round = deliberationQueries(db).round(roundId);
  if (!round || round.competition_id !== competitionId) throw notFound('Round');
  return round;
}
