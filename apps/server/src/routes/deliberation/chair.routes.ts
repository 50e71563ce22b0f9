import {
  ChairRoundParamSchema,
  DeliberationCorrectionRequestSchema,
  DeliberationCorrectionSchema,
  DeliberationDecisionRequestSchema,
  DeliberationDecisionResponseSchema,
  DeliberationQuerySchema,
  DeliberationSchema,
  ResultsEventLogCheckSchema,
  ResultsSnapshotSchema,
  ResultsVerifySchema,
} from '@palmares/contract';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { Deps } from '../../deps.js';
import { notFound } from '../../lib/errors.js';
import { verifyChain } from '../../lib/event-log.js';
import { validate } from '../../lib/validate.js';
import type { JurorEnv } from '../../middleware/juror.js';
import { roundResult } from '../../results/round-result.js';
import { snapshotQueries } from '../results/snapshot.queries.js';
import { createSnapshot, signOff, verifySnapshot } from '../results/snapshot.js';
import { correctScore, decideTie } from './actions.js';
import { requireChair } from './chair-auth.js';
import { buildDeliberation } from './deliberation.view.js';
import { responses } from './openapi.js';
import { roundOf } from './round-access.js';
import { selectionView } from './selection-view.js';

const tags = ['chair'];

/**
 * The jury chair's actions, from their bound tablet, mounted at /chair: the deliberation, tie
 * decisions, late corrections, the snapshot, the chair's sign-off, and the checks.
 */
export function chairRoutes(deps: Deps) {
  const { db, clock } = deps;
  return new Hono<JurorEnv>()
    .use(requireChair(deps))
    .get(
      '/event-log/verify',
      describeRoute({ tags, summary: 'Checks the event log’s hash chain end to end', responses: responses(200, ResultsEventLogCheckSchema, 'The check') }),
      (c) => {
        const check = verifyChain(db);
        return c.json({ ok: check.ok, entries: check.entries, brokenAt: check.ok ? null : check.brokenAt }, 200);
      },
    )
    .get(
      '/rounds/:roundId/deliberation',
      describeRoute({ tags, summary: 'The deliberation of a closed round (jurors anonymised unless reveal=true)', responses: responses(200, DeliberationSchema, 'The deliberation', { 403: 'Not the chair', 409: 'Round not closed' }) }),
      validate('param', ChairRoundParamSchema),
      validate('query', DeliberationQuerySchema),
      (c) => c.json(buildDeliberation(db, roundOf(db, c.get('juror').competitionId, c.req.valid('param').roundId), c.req.valid('query').reveal), 200),
    )
    .post(
      '/rounds/:roundId/decisions',
      describeRoute({ tags, summary: 'Orders a tie the rules left open, with a written reason', responses: responses(201, DeliberationDecisionResponseSchema, 'The decision and the selection it leads to', { 409: 'Not an open tie, or results published' }) }),
      validate('param', ChairRoundParamSchema),
      validate('json', DeliberationDecisionRequestSchema),
      (c) => {
        const juror = c.get('juror');
        const round = roundOf(db, juror.competitionId, c.req.valid('param').roundId);
        const decision = decideTie(db, round, `juror:${juror.id}`, c.req.valid('json'), clock.now());
        deps.live.publish(juror.competitionId, { type: 'deliberation', data: { roundId: round.id, change: 'decision' } });
        return c.json({ decision, selection: selectionView(roundResult(db, round.id).result) }, 201);
      },
    )
    .post(
      '/rounds/:roundId/corrections',
      describeRoute({ tags, summary: 'Corrects a submitted score after the close, with a reason; both values are kept', responses: responses(201, DeliberationCorrectionSchema, 'The correction', { 400: 'Out of scale', 404: 'No such scorecard', 409: 'Not closed, or published' }) }),
      validate('param', ChairRoundParamSchema),
      validate('json', DeliberationCorrectionRequestSchema),
      (c) => {
        const juror = c.get('juror');
        const round = roundOf(db, juror.competitionId, c.req.valid('param').roundId);
        const correction = correctScore(db, round, juror.id, c.req.valid('json'), clock.now());
        deps.live.publish(juror.competitionId, { type: 'deliberation', data: { roundId: round.id, change: 'correction' } });
        return c.json(correction, 201);
      },
    )
    .get(
      '/rounds/:roundId/results',
      describeRoute({ tags, summary: 'The current results snapshot', responses: responses(200, ResultsSnapshotSchema, 'The snapshot', { 404: 'None taken yet' }) }),
      validate('param', ChairRoundParamSchema),
      (c) => {
        const round = roundOf(db, c.get('juror').competitionId, c.req.valid('param').roundId);
        const snapshot = snapshotQueries(db).latest(round.id);
        if (!snapshot) throw notFound('Results snapshot');
        return c.json(snapshot, 200);
      },
    )
    .post(
      '/rounds/:roundId/snapshot',
      describeRoute({ tags, summary: 'Freezes the results into a snapshot (refused while a tie awaits the chair)', responses: responses(201, ResultsSnapshotSchema, 'The snapshot', { 409: 'Chair decision pending' }) }),
      validate('param', ChairRoundParamSchema),
      (c) => {
        const juror = c.get('juror');
        const { snapshot, created } = createSnapshot(db, roundOf(db, juror.competitionId, c.req.valid('param').roundId), `juror:${juror.id}`, clock.now());
        return c.json(snapshot, created ? 201 : 200);
      },
    )
    .post(
      '/rounds/:roundId/signoff',
      describeRoute({ tags, summary: 'The chair signs the current snapshot off', responses: responses(201, ResultsSnapshotSchema, 'The signed snapshot', { 409: 'Already signed, same person, or stale' }) }),
      validate('param', ChairRoundParamSchema),
      (c) => {
        const juror = c.get('juror');
        const round = roundOf(db, juror.competitionId, c.req.valid('param').roundId);
        const email = (db.prepare('SELECT email FROM jurors WHERE id = ?').pluck().get(juror.id) as string | undefined) ?? '';
        const snapshot = signOff(db, round, { role: 'chair', actor: `juror:${juror.id}`, email }, clock.now());
        deps.live.publish(juror.competitionId, { type: 'deliberation', data: { roundId: round.id, change: 'signoff' } });
        return c.json(snapshot, 201);
      },
    )
    .get(
      '/rounds/:roundId/verify',
      describeRoute({ tags, summary: 'Recomputes the snapshot from the stored scorecards and compares', responses: responses(200, ResultsVerifySchema, 'The comparison', { 404: 'No snapshot' }) }),
      validate('param', ChairRoundParamSchema),
      (c) => {
        const round = roundOf(db, c.get('juror').competitionId, c.req.valid('param').roundId);
        const snapshot = snapshotQueries(db).latest(round.id);
        if (!snapshot) throw notFound('Results snapshot');
        return c.json(verifySnapshot(db, snapshot), 200);
      },
    );
}
