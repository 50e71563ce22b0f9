import { DeliberationParamSchema, DeliberationQuerySchema, DeliberationSchema } from '@palmares/contract';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppEnv, Deps } from '../../deps.js';
import { validate } from '../../lib/validate.js';
import { requireCompetitionOrganiser } from '../../middleware/competition-access.js';
import { buildDeliberation } from './deliberation.view.js';
import { responses } from './openapi.js';
import { roundOf } from './round-access.js';

/** The organiser's view of the deliberation, mounted at /competitions/:id/deliberation. */
export function deliberationRoutes(deps: Deps) {
  return new Hono<AppEnv>().use(requireCompetitionOrganiser(deps)).get(
    '/:roundId',
    describeRoute({
      tags: ['deliberation'],
      summary: 'Ranking, raw means, corrected scores, tie log, robustness report and disagreement grid of a closed round',
      responses: responses(200, DeliberationSchema, 'The deliberation', { 404: 'Not this organiser’s round', 409: 'The round is not closed' }),
    }),
    validate('param', DeliberationParamSchema),
    validate('query', DeliberationQuerySchema),
    (c) => {
      const { id, roundId } = c.req.valid('param');
      return c.json(buildDeliberation(deps.db, roundOf(deps.db, id, roundId), c.req.valid('query').reveal), 200);
    },
  );
}
