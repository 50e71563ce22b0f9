import { ResultsDisclosureSchema, ResultsRoundParamSchema, ResultsSnapshotSchema } from '@palmares/contract';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppEnv, Deps } from '../../deps.js';
import { appendEvent } from '../../lib/event-log.js';
import { validate } from '../../lib/validate.js';
import { competitionIdOf, requireCompetitionOrganiser } from '../../middleware/competition-access.js';
import { responses } from '../deliberation/openapi.js';
import { publish } from './snapshot.js';
import { resultsActions, resultsDocs } from './results.shared.js';

const tags = ['results'];

/** The organiser's side of sign-off and publication, mounted at /competitions/:id/results. */
export function resultsRoutes(deps: Deps) {
  const { db, clock } = deps;
  const results = resultsActions(deps);
  const docs = resultsDocs(tags, 'organiser');
  const round = (param: { id: number; roundId: number }) => results.round(param.id, param.roundId);
  const actor = (user: { id: number }) => `user:${user.id}`;
  return new Hono<AppEnv>()
    .use(requireCompetitionOrganiser(deps))
    .get('/event-log/verify', docs.eventLog, (c) => c.json(results.eventLog(competitionIdOf(c)), 200))
    .put(
      '/disclosure',
      describeRoute({ tags, summary: 'How startups see their place: exact, or a band ("top 6")', responses: responses(200, ResultsDisclosureSchema, 'The setting') }),
      validate('json', ResultsDisclosureSchema),
      (c) => {
        const id = competitionIdOf(c);
        const body = c.req.valid('json');
        db.transaction(() => {
          db.prepare('UPDATE competitions SET startup_place_display = ? WHERE id = ?').run(body.placeDisplay, id);
          appendEvent(db, { competitionId: id, actor: actor(c.get('user')), type: 'results.disclosure', payload: body, at: clock.now() });
        })();
        return c.json(body, 200);
      },
    )
    .get('/:roundId', docs.latest, validate('param', ResultsRoundParamSchema), (c) => c.json(results.latest(round(c.req.valid('param'))), 200))
    .post('/:roundId/snapshot', docs.snapshot, validate('param', ResultsRoundParamSchema), (c) => {
      const { snapshot, created } = results.snapshot(round(c.req.valid('param')), actor(c.get('user')));
      return c.json(snapshot, created ? 201 : 200);
    })
    .post('/:roundId/signoff', docs.signOff, validate('param', ResultsRoundParamSchema), (c) => {
      const user = c.get('user');
      return c.json(results.signOff(round(c.req.valid('param')), { role: 'organiser', actor: actor(user), email: user.email }), 201);
    })
    .post(
      '/:roundId/publish',
      describeRoute({ tags, summary: 'Publishes the signed snapshot (both sign-offs needed)', responses: responses(200, ResultsSnapshotSchema, 'The published snapshot', { 409: 'A sign-off is missing, or the snapshot is stale' }) }),
      validate('param', ResultsRoundParamSchema),
      (c) => {
        const { id, roundId } = c.req.valid('param');
        const snapshot = publish(db, round(c.req.valid('param')), actor(c.get('user')), clock.now());
        deps.live.publish(id, { type: 'results-published', data: { roundId, snapshotId: snapshot.id } });
        return c.json(snapshot, 200);
      },
    )
    .get('/:roundId/verify', docs.verify, validate('param', ResultsRoundParamSchema), (c) => c.json(results.verify(round(c.req.valid('param'))), 200));
}
