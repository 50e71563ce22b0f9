import {
  ChairRoundParamSchema,
  DeliberationCorrectionRequestSchema,
  DeliberationCorrectionSchema,
  DeliberationDecisionRequestSchema,
  DeliberationDecisionResponseSchema,
  DeliberationQuerySchema,
  DeliberationSchema,
} from '@palmares/contract';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { Deps } from '../../deps.js';
import { validate } from '../../lib/validate.js';
import type { JurorContext, JurorEnv } from '../../middleware/juror.js';
import { roundResult } from '../../results/round-result.js';
import { resultsActions, resultsDocs } from '../results/results.shared.js';
import { publishScorecardChanged } from '../juror/juror.live.js';
import { correctScore, decideTie } from './actions.js';
import { requireChair } from './chair-auth.js';
import { buildDeliberation } from './deliberation.view.js';
import { responses } from './openapi.js';
import { selectionView } from './selection-view.js';

const tags = ['chair'];

/**
 * The jury chair's actions, from their bound tablet, mounted at /chair: the deliberation, tie
 * decisions, late corrections, the snapshot, the chair's sign-off, and the checks.
 */
export function chairRoutes(deps: Deps) {
  const { db, clock } = deps;
  const results = resultsActions(deps);
  const docs = resultsDocs(tags, 'chair');
  /** The round of the chair's own competition; any other answers 404. */
  const round = (chair: JurorContext, param: { roundId: number }) => results.round(chair.competitionId, param.roundId);
  const actor = (chair: JurorContext) => `juror:${chair.id}`;
  // The correction names the juror by their anonymous number; their tablets need who they are.
  const correctedJuror = db
    .prepare<[number], number>('SELECT sc.juror_id FROM score_corrections c JOIN scorecards sc ON sc.id = c.scorecard_id WHERE c.id = ?')
    .pluck();
  return new Hono<JurorEnv>()
    .use(requireChair(deps))
    .get('/event-log/verify', docs.eventLog, (c) => c.json(results.eventLog(c.get('juror').competitionId), 200))
    .get(
      '/rounds/:roundId/deliberation',
      describeRoute({ tags, summary: 'The deliberation of a closed round (jurors anonymised unless reveal=true)', responses: responses(200, DeliberationSchema, 'The deliberation', { 403: 'Not the chair', 409: 'Round not closed' }) }),
      validate('param', ChairRoundParamSchema),
      validate('query', DeliberationQuerySchema),
      (c) => c.json(buildDeliberation(db, round(c.get('juror'), c.req.valid('param')), c.req.valid('query').reveal), 200),
    )
    .post(
      '/rounds/:roundId/decisions',
      describeRoute({ tags, summary: 'Orders a tie the rules left open, with a written reason', responses: responses(201, DeliberationDecisionResponseSchema, 'The decision and the selection it leads to', { 409: 'Not an open tie, or results published' }) }),
      validate('param', ChairRoundParamSchema),
      validate('json', DeliberationDecisionRequestSchema),
      (c) => {
        const chair = c.get('juror');
        const r = round(chair, c.req.valid('param'));
        const decision = decideTie(db, r, actor(chair), c.req.valid('json'), clock.now());
        deps.live.publish(chair.competitionId, { type: 'deliberation', data: { roundId: r.id, change: 'decision' } });
        const after = roundResult(db, r.id);
        return c.json({ decision, selection: selectionView(after.result, after.detail) }, 201);
      },
    )
    .post(
      '/rounds/:roundId/corrections',
      describeRoute({ tags, summary: 'Corrects a submitted score after the close, with a reason; both values are kept', responses: responses(201, DeliberationCorrectionSchema, 'The correction', { 400: 'Out of scale', 404: 'No such scorecard', 409: 'Not closed, or published' }) }),
      validate('param', ChairRoundParamSchema),
      validate('json', DeliberationCorrectionRequestSchema),
      (c) => {
        const chair = c.get('juror');
        const r = round(chair, c.req.valid('param'));
        const correction = correctScore(db, r, chair.id, c.req.valid('json'), clock.now());
        deps.live.publish(chair.competitionId, { type: 'deliberation', data: { roundId: r.id, change: 'correction' } });
        // The corrected juror's tablets show the new value, and say the chair changed it.
        const jurorId = correctedJuror.get(correction.id);
        if (jurorId !== undefined) publishScorecardChanged(deps.live, chair.competitionId, { jurorId, roundId: r.id, entrantId: correction.entrantId, bindingId: null });
        return c.json(correction, 201);
      },
    )
    .get('/rounds/:roundId/results', docs.latest, validate('param', ChairRoundParamSchema), (c) => c.json(results.latest(round(c.get('juror'), c.req.valid('param'))), 200))
    .post('/rounds/:roundId/snapshot', docs.snapshot, validate('param', ChairRoundParamSchema), (c) => {
      const chair = c.get('juror');
      const { snapshot, created } = results.snapshot(round(chair, c.req.valid('param')), actor(chair));
      return c.json(snapshot, created ? 201 : 200);
    })
    .post('/rounds/:roundId/signoff', docs.signOff, validate('param', ChairRoundParamSchema), (c) => {
      const chair = c.get('juror');
      const email = (db.prepare('SELECT email FROM jurors WHERE id = ?').pluck().get(chair.id) as string | undefined) ?? '';
      return c.json(results.signOff(round(chair, c.req.valid('param')), { role: 'chair', actor: actor(chair), email }), 201);
    })
    .get('/rounds/:roundId/verify', docs.verify, validate('param', ChairRoundParamSchema), (c) => c.json(results.verify(round(c.get('juror'), c.req.valid('param'))), 200));
}
