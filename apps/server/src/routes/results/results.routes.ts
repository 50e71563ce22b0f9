import { ResultsDisclosureSchema, ResultsDisclosureUpdateSchema, ResultsRoundParamSchema, ResultsSnapshotSchema, type ResultsDisclosure } from '@palmares/contract';
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
  const disclosure = db.prepare<[number], { place: ResultsDisclosure['placeDisplay']; feedback: number }>(
    'SELECT startup_place_display AS place, round1_feedback AS feedback FROM competitions WHERE id = ?',
  );
  const disclosureOf = (id: number): ResultsDisclosure => {
    const row = disclosure.get(id)!;
    return { placeDisplay: row.place, round1Feedback: row.feedback === 1 };
  };
  return new Hono<AppEnv>()
    .use(requireCompetitionOrganiser(deps))
    .get('/event-log/verify', docs.eventLog, (c) => c.json(results.eventLog(competitionIdOf(c)), 200))
    .get(
      '/disclosure',
      describeRoute({ tags, summary: 'What startups are shown: their place exactly or as a band, and round 1’s feedback to those not shortlisted', responses: responses(200, ResultsDisclosureSchema, 'The setting') }),
      (c) => c.json(disclosureOf(competitionIdOf(c)), 200),
    )
    .put(
      '/disclosure',
      describeRoute({ tags, summary: 'Changes what startups are shown (a setting left out is kept)', responses: responses(200, ResultsDisclosureSchema, 'The setting') }),
      validate('json', ResultsDisclosureUpdateSchema),
      (c) => {
        const id = competitionIdOf(c);
        const body = c.req.valid('json');
        db.transaction(() => {
          if (body.placeDisplay !== undefined) db.prepare('UPDATE competitions SET startup_place_display = ? WHERE id = ?').run(body.placeDisplay, id);
          if (body.round1Feedback !== undefined) db.prepare('UPDATE competitions SET round1_feedback = ? WHERE id = ?').run(body.round1Feedback ? 1 : 0, id);
          appendEvent(db, { competitionId: id, actor: actor(c.get('user')), type: 'results.disclosure', payload: body, at: clock.now() });
        })();
        return c.json(disclosureOf(id), 200);
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
