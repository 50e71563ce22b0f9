import type { DeliberationCorrection, DeliberationCorrectionRequest, DeliberationDecisionRequest } from '@palmares/contract';
import type { Db } from '../../db/open-db.js';
import { AppError, notFound } from '../../lib/errors.js';
import { appendEvent } from '../../lib/event-log.js';
import { jurorNumbers } from '../../results/juror-numbers.js';
import { roundRankingInput } from '../../results/ranking-input.js';
import { roundResult } from '../../results/round-result.js';
import type { RoundRow } from './deliberation.queries.js';

const conflict = (rule: string, message: string, path = 'roundId') => new AppError(409, 'CONFLICT', message, [{ path, rule, message }]);

/** Decisions and corrections are taken while the round is closed and its results unpublished. */
export function assertOpenForDecisions(db: Db, round: RoundRow): void {
  if (round.state !== 'closed') throw conflict('round-closed', `Decisions are taken while the round is closed; it is ${round.state}`);
  const published = db.prepare('SELECT 1 FROM result_snapshots WHERE round_id = ? AND published_at IS NOT NULL').get(round.id);
  if (published) throw conflict('results-published', 'The results of this round are published; they can no longer change');
}

/**
 * Records the chair's order for a tie the rules left open. The entrants must share one rank when
 * the chain runs without any chair order (so a decision can also be revised), and the order is
 * then fed to the ranking as `chairOrder`.
 */
export function decideTie(db: Db, round: RoundRow, actor: string, body: DeliberationDecisionRequest, now: Date) {
  assertOpenForDecisions(db, round);
  const { result } = roundResult(db, round.id, { decisions: [] });
  const rankOf = new Map(result.ranking.map((r) => [r.entrant, r.rank]));
  const ranks = body.entrantIds.map((id) => rankOf.get(String(id)));
  if (ranks.some((r) => r === undefined)) throw notFound('Entrant in this round');
  if (ranks[0] === null || new Set(ranks).size !== 1) {
    throw conflict('not-an-open-tie', 'These startups are not tied: the rules already order them', 'entrantIds');
  }
  return db.transaction(() => {
    const id = Number(
      db.prepare('INSERT INTO chair_decisions (round_id, entrant_order, reason, decided_by, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(round.id, JSON.stringify(body.entrantIds), body.reason, actor, now.toISOString()).lastInsertRowid,
    );
    appendEvent(db, { competitionId: round.competition_id, actor, type: 'chair.decision', payload: { roundId: round.id, decisionId: id, ...body }, at: now });
    return { id, entrantIds: body.entrantIds, reason: body.reason, decidedBy: actor, createdAt: now.toISOString() };
  })();
}

interface CardRow {
  scorecard_id: number;
  status: string;
  criterion_id: number;
  value: number | null;
  scale_min: number;
  scale_max: number;
  juror_name: string;
}

/**
 * A late correction by the chair: the score changes; both values, the reason, and the juror as the
 * jury saw them (the label "Juror n") and by name are kept.
 */
export function correctScore(db: Db, round: RoundRow, chairId: number, body: DeliberationCorrectionRequest, now: Date): DeliberationCorrection {
  assertOpenForDecisions(db, round);
  const jurors = roundRankingInput(db, round.id).jurors;
  const numberOf = jurorNumbers(round.id, jurors);
  const jurorId = jurors.find((j) => numberOf(j) === body.juror);
  if (!jurorId) throw notFound(`Juror ${body.juror} in this round`);
  const card = db
    .prepare<[number, string, number, number, number], CardRow>(
      `SELECT sc.id AS scorecard_id, sc.status, c.id AS criterion_id, s.value, comp.scale_min, comp.scale_max,
              (SELECT name FROM jurors WHERE id = sc.juror_id) AS juror_name
       FROM scorecards sc JOIN competitions comp ON comp.id = ?
       JOIN criteria c ON c.competition_id = comp.id AND c.code = ?
       LEFT JOIN scores s ON s.scorecard_id = sc.id AND s.criterion_id = c.id
       WHERE sc.round_id = ? AND sc.juror_id = ? AND sc.entrant_id = ?`,
    )
    .get(round.competition_id, body.criterion, round.id, Number(jurorId), body.entrantId);
  if (!card) throw notFound('Scorecard or criterion');
  if (card.status !== 'submitted' || card.value === null) throw conflict('not-submitted', 'Only a submitted scorecard can be corrected', 'entrantId');
  if (body.value < card.scale_min || body.value > card.scale_max) {
    throw new AppError(400, 'VALIDATION_FAILED', `The value must be between ${card.scale_min} and ${card.scale_max}`, [
      { path: 'value', rule: 'out-of-scale', message: `${body.value} is outside ${card.scale_min}–${card.scale_max}` },
    ]);
  }
  if (body.value === card.value) throw conflict('unchanged', 'The score already has this value', 'value');
  const at = now.toISOString();
  const actor = `juror:${chairId}`;
  const oldValue = card.value;
  return db.transaction(() => {
    const id = Number(
      db.prepare(
        `INSERT INTO score_corrections (scorecard_id, criterion_id, old_value, new_value, reason, chair_juror_id, created_at, juror_number, juror_name)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(card.scorecard_id, card.criterion_id, oldValue, body.value, body.reason, chairId, at, body.juror, card.juror_name).lastInsertRowid,
    );
    db.prepare('UPDATE scores SET value = ?, revision = revision + 1, updated_at = ? WHERE scorecard_id = ? AND criterion_id = ?')
      .run(body.value, at, card.scorecard_id, card.criterion_id);
    appendEvent(db, {
      competitionId: round.competition_id,
      actor,
      type: 'score.corrected',
      payload: {
        roundId: round.id, correctionId: id, jurorId: Number(jurorId), jurorNumber: body.juror, jurorName: card.juror_name,
        entrantId: body.entrantId, criterion: body.criterion, oldValue, newValue: body.value, reason: body.reason,
      },
      at: now,
    });
    // The chair corrects from the deliberation, where the names may be hidden: the answer keeps them so.
    return { id, entrantId: body.entrantId, juror: body.juror, jurorName: null, criterion: body.criterion, oldValue, newValue: body.value, reason: body.reason, createdAt: at };
  })();
}
