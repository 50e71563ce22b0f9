import {
  AnnounceClosingSchema,
  AssignmentRequestSchema,
  AssignmentsResponseSchema,
  ChairDecisionRequestSchema,
  ClosingAnnouncementSchema,
  CloseRoundSchema,
  CompetitionRoundParamSchema,
  ConfirmShortlistRequestSchema,
  ConfirmShortlistResponseSchema,
  CreateRoundSchema,
  IdParamSchema,
  ProgressResponseSchema,
  RoundDetailSchema,
  RoundListResponseSchema,
  RoundRankingResponseSchema,
} from '@palmares/contract';
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import type { AppEnv, Deps } from '../../deps.js';
import { AppError, notFound } from '../../lib/errors.js';
import { appendEvent } from '../../lib/event-log.js';
import { validate } from '../../lib/validate.js';
import { requireCompetitionOrganiser } from '../../middleware/competition-access.js';
import { roundQueries } from './rounds.queries.js';
import { confirmShortlist, publishShortlist, rankingResponse, recordChairDecision } from './shortlist.js';
import { announceClosing, assignRound, closeRound, openRound, summarise } from './transitions.js';

const doc = (summary: string, schema: Parameters<typeof resolver>[0], status = 200) =>
  describeRoute({
    tags: ['rounds'],
    summary,
    responses: {
      [status]: { description: 'OK', content: { 'application/json': { schema: resolver(schema) } } },
      409: { description: 'CONFLICT: not allowed in the round\'s state (the details say why)' },
    },
  });

/**
 * Rounds of a competition: the shortlist (round 1) and the final. Every change runs in one
 * transaction with its event-log entry; a transition the state does not allow answers 409.
 */
export function roundRoutes(deps: Deps) {
  const { db, clock, live } = deps;
  const q = roundQueries(db);
  const ctxOf = (competitionId: number, userId: number) => ({ db, q, competitionId, actor: `user:${userId}`, now: clock.now() });
  const roundOf = (competitionId: number, roundId: number) => {
    const round = q.get(competitionId, roundId);
    if (!round) throw notFound('Round');
    return round;
  };
  /** Runs `act` on the round inside one transaction, then answers the round as it now stands. */
  const transition = (competitionId: number, roundId: number, userId: number, act: (ctx: ReturnType<typeof ctxOf>, round: ReturnType<typeof roundOf>) => void) =>
    db.transaction(() => {
      act(ctxOf(competitionId, userId), roundOf(competitionId, roundId));
      return q.detail(roundOf(competitionId, roundId));
    })();

  return new Hono<AppEnv>()
    .use(requireCompetitionOrganiser(deps))
    .get('/', doc('The rounds', RoundListResponseSchema), validate('param', IdParamSchema), (c) =>
      c.json({ rounds: q.list(c.req.valid('param').id) }, 200))
    .post('/', doc('Create round 1 (the shortlist), in draft', RoundDetailSchema, 201), validate('param', IdParamSchema), validate('json', CreateRoundSchema), (c) => {
      const { id } = c.req.valid('param');
      const detail = db.transaction(() => {
        if (q.byKind(id, 'shortlist')) throw new AppError(409, 'CONFLICT', 'Round 1 already exists', [{ path: 'kind', rule: 'unique', message: 'one shortlist round per competition' }]);
        const roundId = q.createRound(id, 'shortlist', q.entrants(id).map((e) => e.id));
        appendEvent(db, { competitionId: id, actor: `user:${c.get('user').id}`, type: 'round.created', payload: { roundId, kind: 'shortlist' }, at: clock.now() });
        return q.detail(roundOf(id, roundId));
      })();
      return c.json(detail, 201);
    })
    .get('/:roundId', doc('A round', RoundDetailSchema), validate('param', CompetitionRoundParamSchema), (c) => {
      const { id, roundId } = c.req.valid('param');
      return c.json(q.detail(roundOf(id, roundId)), 200);
    })
    .get('/:roundId/assignments', doc('Who scores whom', AssignmentsResponseSchema), validate('param', CompetitionRoundParamSchema), (c) => {
      const { id, roundId } = c.req.valid('param');
      roundOf(id, roundId);
      return c.json(summarise(roundId, q.assignments(roundId), q.jurors(id).map((j) => j.id), q.roundEntrantIds(roundId)), 200);
    })
    .put('/:roundId/assignments', doc('Assign jurors (draft rounds): all, balanced or manual', AssignmentsResponseSchema),
      validate('param', CompetitionRoundParamSchema), validate('json', AssignmentRequestSchema), (c) => {
        const { id, roundId } = c.req.valid('param');
        const body = c.req.valid('json');
        const result = db.transaction(() => assignRound(ctxOf(id, c.get('user').id), roundOf(id, roundId), body))();
        return c.json(result, 200);
      })
    .post('/:roundId/open', doc('Open scoring (round 1 locks the settings)', RoundDetailSchema), validate('param', CompetitionRoundParamSchema), (c) => {
      const { id, roundId } = c.req.valid('param');
      return c.json(transition(id, roundId, c.get('user').id, openRound), 200);
    })
    .get('/:roundId/progress', doc('Submitted scorecards per juror and per entrant', ProgressResponseSchema), validate('param', CompetitionRoundParamSchema), (c) => {
      const { id, roundId } = c.req.valid('param');
      return c.json(q.progress(id, roundOf(id, roundId)), 200);
    })
    .post('/:roundId/closing', doc('Announce that scoring closes in N minutes (open rounds): pushed to every tablet as `round-closing`', ClosingAnnouncementSchema),
      validate('param', CompetitionRoundParamSchema), validate('json', AnnounceClosingSchema), (c) => {
        const { id, roundId } = c.req.valid('param');
        const { minutes } = c.req.valid('json');
        const result = db.transaction(() => announceClosing(ctxOf(id, c.get('user').id), roundOf(id, roundId), minutes))();
        // Published once committed: every tablet of the competition starts its countdown.
        live.publish(id, { type: 'round-closing', data: result });
        return c.json(result, 200);
      })
    .post('/:roundId/close', doc('Close scoring; a reason is required when scorecards are missing', RoundDetailSchema),
      validate('param', CompetitionRoundParamSchema), validate('json', CloseRoundSchema), (c) => {
        const { id, roundId } = c.req.valid('param');
        const { reason } = c.req.valid('json');
        const detail = transition(id, roundId, c.get('user').id, (ctx, round) => closeRound(ctx, round, reason));
        // The tablets read their state again: a draft left unsubmitted now says it did not count.
        live.publish(id, { type: 'round-closed', data: { roundId } });
        return c.json(detail, 200);
      })
    .get('/:roundId/ranking', doc('The ranking and the proposed selection, every quota skip explained', RoundRankingResponseSchema), validate('param', CompetitionRoundParamSchema), (c) => {
      const { id, roundId } = c.req.valid('param');
      return c.json(rankingResponse(ctxOf(id, c.get('user').id), roundOf(id, roundId)), 200);
    })
    .post('/:roundId/chair-decision', doc('Record the chair\'s order for a tie the rules left open, with a reason', RoundRankingResponseSchema),
      validate('param', CompetitionRoundParamSchema), validate('json', ChairDecisionRequestSchema), (c) => {
        const { id, roundId } = c.req.valid('param');
        const { entrantIds, reason } = c.req.valid('json');
        const ctx = ctxOf(id, c.get('user').id);
        db.transaction(() => recordChairDecision(ctx, roundOf(id, roundId), entrantIds, reason))();
        return c.json(rankingResponse(ctx, roundOf(id, roundId)), 200);
      })
    .post('/:roundId/confirm', doc('Confirm the shortlist, optionally replacing proposed finalists with a reason; creates the final round in draft', ConfirmShortlistResponseSchema),
      validate('param', CompetitionRoundParamSchema), validate('json', ConfirmShortlistRequestSchema), (c) => {
      const { id, roundId } = c.req.valid('param');
      const { replacements } = c.req.valid('json');
      const result = db.transaction(() => confirmShortlist(ctxOf(id, c.get('user').id), roundOf(id, roundId), replacements))();
      return c.json(result, 200);
    })
    .post('/:roundId/publish', doc('Publish the confirmed shortlist to the startups', RoundDetailSchema), validate('param', CompetitionRoundParamSchema), (c) => {
      const { id, roundId } = c.req.valid('param');
      return c.json(transition(id, roundId, c.get('user').id, publishShortlist), 200);
    });
}
