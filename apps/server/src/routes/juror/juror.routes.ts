import {
  ChangeBatchResponseSchema,
  ChangeBatchSchema,
  ErrorEnvelopeSchema,
  JurorStateSchema,
  RecusalRequestSchema,
  RecusalResponseSchema,
  JurorRoundParamSchema,
  JurorScorecardParamSchema,
  ScorecardStatusResponseSchema,
  type JurorProgress,
  type ProgressEvent,
} from '@palmares/contract';
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import type { AppEnv, Deps } from '../../deps.js';
import { groupCommit } from '../../lib/group-commit.js';
import { validate } from '../../lib/validate.js';
import { requireJuror, type JurorContext } from '../../middleware/juror.js';
import { jurorAccessRoutes } from '../juror-access/juror-access.routes.js';
import { jurorQueries, toJurorRound } from './juror.queries.js';
import { jurorLive, publishScorecardChanged } from './juror.live.js';
import { applyBatch, declareRecusal, reopenScorecard, scoringStatements, submitScorecard, type Progress } from './scoring.js';

const json = (status: 200 | 201, schema: Parameters<typeof resolver>[0], description: string) => ({
  [status]: { description, content: { 'application/json': { schema: resolver(schema) } } },
});
const refusals = {
  400: { description: 'Bad input (field and rule named); nothing written', content: { 'application/json': { schema: resolver(ErrorEnvelopeSchema) } } },
  403: { description: 'NOT_ASSIGNED or RECUSED', content: { 'application/json': { schema: resolver(ErrorEnvelopeSchema) } } },
  409: { description: 'ROUND_CLOSED, REVISION_CONFLICT or CONFLICT; nothing written', content: { 'application/json': { schema: resolver(ErrorEnvelopeSchema) } } },
};

/** Everything a bound tablet does: its state, its outbox, submit/reopen, recusals, the live cursor. */
export function jurorRoutes(deps: Deps) {
  const { db, clock, live } = deps;
  const q = jurorQueries(db);
  const st = scoringStatements(db);
  const juror = requireJuror(deps);
  // Score batches arrive by the hundred during a pitch: they share commits (lib/group-commit.ts).
  const commit = groupCommit(db);
  const submit = db.transaction((j: JurorContext, roundId: number, entrantId: number) => submitScorecard(db, st, j, roundId, entrantId, clock.now()));
  const reopen = db.transaction((j: JurorContext, roundId: number, entrantId: number) => reopenScorecard(db, st, j, roundId, entrantId, clock.now()));
  const recuse = db.transaction((j: JurorContext, entrantId: number, reason: string) => declareRecusal(db, st, j, entrantId, reason, clock.now()));

  const publish = (j: JurorContext, progress: Progress[]) => {
    for (const p of progress) {
      const data: ProgressEvent = { ...p, jurorId: j.id };
      live.publish(j.competitionId, { type: 'progress', data });
    }
  };
  /** The juror's other tablets follow this one's changes (issue 14 point 2). */
  const scorecardChanged = (j: JurorContext, roundId: number, entrantIds: Iterable<number>) => {
    for (const entrantId of entrantIds) publishScorecardChanged(live, j.competitionId, { jurorId: j.id, roundId, entrantId, bindingId: j.bindingId });
  };

  return new Hono<AppEnv>()
    .route('/', jurorAccessRoutes(deps))
    .get(
      '/state',
      describeRoute({ tags: ['juror'], summary: "The juror's competition, current round, entrants and own scorecards", responses: json(200, JurorStateSchema, 'State') }),
      juror,
      (c) => {
        const j = c.get('juror');
        const round = q.currentRound(j.competitionId);
        const entrants = round ? q.entrants(round.id, j.id) : [];
        const count = (s: string) => entrants.filter((e) => e.state === s).length;
        const progress: JurorProgress = {
          total: entrants.length,
          notStarted: count('not-started'),
          draft: count('draft'),
          submitted: count('submitted'),
          recused: count('recused'),
        };
        return c.json(
          {
            juror: { id: j.id, name: j.name, isChair: j.isChair },
            binding: { id: j.bindingId, pinSet: j.pinSet },
            competition: q.competition(j.competitionId),
            round: round ? toJurorRound(round) : null,
            entrants,
            progress,
            serverTime: clock.now().toISOString(),
          },
          200,
        );
      },
    )
    .post(
      '/rounds/:roundId/changes',
      describeRoute({
        tags: ['juror'],
        summary: "Apply a batch of the tablet's outbox: whole or nothing, each change once, the highest revision kept",
        responses: { ...json(200, ChangeBatchResponseSchema, 'Applied'), ...refusals },
      }),
      juror,
      validate('param', JurorRoundParamSchema),
      validate('json', ChangeBatchSchema),
      async (c) => {
        const j = c.get('juror');
        const { roundId } = c.req.valid('param');
        const { changes } = c.req.valid('json');
        const { response, progress, changedEntrants } = await commit(() => applyBatch(db, st, j, roundId, changes, clock.now()));
        publish(j, progress);
        scorecardChanged(j, roundId, changedEntrants);
        return c.json(response, 200);
      },
    )
    .post(
      '/rounds/:roundId/scorecards/:entrantId/submit',
      describeRoute({
        tags: ['juror'],
        summary: 'Submit a complete scorecard (again: no change)',
        responses: { ...json(200, ScorecardStatusResponseSchema, 'Submitted'), ...refusals },
      }),
      juror,
      validate('param', JurorScorecardParamSchema),
      (c) => {
        const j = c.get('juror');
        const { roundId, entrantId } = c.req.valid('param');
        const { card, changed } = submit(j, roundId, entrantId);
        if (changed) {
          publish(j, [{ roundId, entrantId, status: 'submitted' }]);
          scorecardChanged(j, roundId, [entrantId]);
        }
        return c.json({ roundId, entrantId, state: 'submitted' as const, submittedAt: card.submitted_at }, 200);
      },
    )
    .post(
      '/rounds/:roundId/scorecards/:entrantId/reopen',
      describeRoute({
        tags: ['juror'],
        summary: 'Reopen a submitted scorecard while the round is open',
        responses: { ...json(200, ScorecardStatusResponseSchema, 'Back to draft'), ...refusals },
      }),
      juror,
      validate('param', JurorScorecardParamSchema),
      (c) => {
        const j = c.get('juror');
        const { roundId, entrantId } = c.req.valid('param');
        const { changed } = reopen(j, roundId, entrantId);
        if (changed) {
          publish(j, [{ roundId, entrantId, status: 'draft' }]);
          scorecardChanged(j, roundId, [entrantId]);
        }
        return c.json({ roundId, entrantId, state: 'draft' as const, submittedAt: null }, 200);
      },
    )
    .post(
      '/recusals',
      describeRoute({
        tags: ['juror'],
        summary: "Declare a conflict of interest; withdraws this juror's scorecard for the entrant in open rounds",
        responses: { ...json(201, RecusalResponseSchema, 'Declared'), ...json(200, RecusalResponseSchema, 'Already declared'), ...refusals },
      }),
      juror,
      validate('json', RecusalRequestSchema),
      (c) => {
        const j = c.get('juror');
        const { entrantId, reason } = c.req.valid('json');
        const { progress, ...result } = recuse(j, entrantId, reason);
        publish(j, progress);
        for (const p of progress) scorecardChanged(j, p.roundId, [entrantId]);
        return c.json({ entrantId, ...result }, result.alreadyDeclared ? 200 : 201);
      },
    )
    .get(
      '/live',
      describeRoute({
        tags: ['juror'],
        summary:
          "Server-Sent Events: `now-pitching` ({ roundId, entrantId }), the current value first; `scorecard` (ScorecardEvent) when one of this juror's scorecards changed from their other tablet or by the chair; a comment every 15 s",
        responses: {
          200: { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
          429: { description: 'RATE_LIMITED: the server holds its maximum of live streams (3 per tablet: a new one closes the oldest)' },
        },
      }),
      juror,
      (c) => jurorLive(c, live, q),
    );
}
