import {
  ResultsDisclosureSchema,
  ResultsEventLogCheckSchema,
  ResultsRoundParamSchema,
  ResultsSnapshotSchema,
  ResultsVerifySchema,
} from '@palmares/contract';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppEnv, Deps } from '../../deps.js';
import { notFound } from '../../lib/errors.js';
import { appendEvent, verifyChain } from '../../lib/event-log.js';
import { validate } from '../../lib/validate.js';
import { competitionIdOf, requireCompetitionOrganiser } from '../../middleware/competition-access.js';
import { responses } from '../deliberation/openapi.js';
import { roundOf } from '../deliberation/round-access.js';
import { snapshotQueries } from './snapshot.queries.js';
import { createSnapshot, publish, signOff, verifySnapshot } from './snapshot.js';

const tags = ['results'];

/** The organiser's side of sign-off and publication, mounted at /competitions/:id/results. */
export function resultsRoutes(deps: Deps) {
  const { db, clock } = deps;
  const latest = (competitionId: number, roundId: number) => {
    const snapshot = snapshotQueries(db).latest(roundOf(db, competitionId, roundId).id);
    if (!snapshot) throw notFound('Results snapshot');
    return snapshot;
  };
  return new Hono<AppEnv>()
    .use(requireCompetitionOrganiser(deps))
    .get(
      '/event-log/verify',
      describeRoute({ tags, summary: 'Checks the event log’s hash chain end to end', responses: responses(200, ResultsEventLogCheckSchema, 'The check') }),
      (c) => {
        const check = verifyChain(db);
        return c.json({ ok: check.ok, entries: check.entries, brokenAt: check.ok ? null : check.brokenAt }, 200);
      },
    )
    .put(
      '/disclosure',
      describeRoute({ tags, summary: 'How startups see their place: exact, or a band ("top 6")', responses: responses(200, ResultsDisclosureSchema, 'The setting') }),
      validate('json', ResultsDisclosureSchema),
      (c) => {
        const id = competitionIdOf(c);
        const body = c.req.valid('json');
        db.transaction(() => {
          db.prepare('UPDATE competitions SET startup_place_display = ? WHERE id = ?').run(body.placeDisplay, id);
          appendEvent(db, { competitionId: id, actor: `user:${c.get('user').id}`, type: 'results.disclosure', payload: body, at: clock.now() });
        })();
        return c.json(body, 200);
      },
    )
    .get(
      '/:roundId',
      describeRoute({ tags, summary: 'The current results snapshot with its sign-offs', responses: responses(200, ResultsSnapshotSchema, 'The snapshot', { 404: 'None taken yet' }) }),
      validate('param', ResultsRoundParamSchema),
      (c) => c.json(latest(c.req.valid('param').id, c.req.valid('param').roundId), 200),
    )
    .post(
      '/:roundId/snapshot',
      describeRoute({ tags, summary: 'Freezes the results into a snapshot (refused while a tie awaits the chair)', responses: responses(201, ResultsSnapshotSchema, 'The snapshot', { 409: 'Chair decision pending, round not closed' }) }),
      validate('param', ResultsRoundParamSchema),
      (c) => {
        const { id, roundId } = c.req.valid('param');
        const { snapshot, created } = createSnapshot(db, roundOf(db, id, roundId), `user:${c.get('user').id}`, clock.now());
        return c.json(snapshot, created ? 201 : 200);
      },
    )
    .post(
      '/:roundId/signoff',
      describeRoute({ tags, summary: 'The organiser signs the current snapshot off', responses: responses(201, ResultsSnapshotSchema, 'The signed snapshot', { 409: 'Already signed, same person, or stale' }) }),
      validate('param', ResultsRoundParamSchema),
      (c) => {
        const { id, roundId } = c.req.valid('param');
        const user = c.get('user');
        const snapshot = signOff(db, roundOf(db, id, roundId), { role: 'organiser', actor: `user:${user.id}`, email: user.email }, clock.now());
        deps.live.publish(id, { type: 'deliberation', data: { roundId, change: 'signoff' } });
        return c.json(snapshot, 201);
      },
    )
    .post(
      '/:roundId/publish',
      describeRoute({ tags, summary: 'Publishes the signed snapshot (both sign-offs needed)', responses: responses(200, ResultsSnapshotSchema, 'The published snapshot', { 409: 'A sign-off is missing, or the snapshot is stale' }) }),
      validate('param', ResultsRoundParamSchema),
      (c) => {
        const { id, roundId } = c.req.valid('param');
        const snapshot = publish(db, roundOf(db, id, roundId), `user:${c.get('user').id}`, clock.now());
        deps.live.publish(id, { type: 'results-published', data: { roundId, snapshotId: snapshot.id } });
        return c.json(snapshot, 200);
      },
    )
    .get(
      '/:roundId/verify',
      describeRoute({ tags, summary: 'Recomputes the snapshot from the stored scorecards and compares', responses: responses(200, ResultsVerifySchema, 'The comparison', { 404: 'No snapshot' }) }),
      validate('param', ResultsRoundParamSchema),
      (c) => c.json(verifySnapshot(db, latest(c.req.valid('param').id, c.req.valid('param').roundId)), 200),
    );
}
