import { CompetitionCreateSchema, CompetitionDetailSchema, CompetitionListResponseSchema, CompetitionStepsSchema, IdParamSchema } from '@palmares/contract';
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import type { AppEnv, Deps } from '../../deps.js';
import { notFound } from '../../lib/errors.js';
import { validate } from '../../lib/validate.js';
import { requireOrganiser } from '../../middleware/session.js';
import { createCompetition } from './competitions.create.js';
import { competitionQueries } from './competitions.queries.js';
import { competitionSteps } from './steps.js';

const json = (schema: Parameters<typeof resolver>[0], description: string) => ({
  200: { description, content: { 'application/json': { schema: resolver(schema) } } },
});

export function competitionRoutes(deps: Deps) {
  const q = competitionQueries(deps.db);
  return new Hono<AppEnv>()
    .use(requireOrganiser(deps))
    .get(
      '/',
      describeRoute({ tags: ['competitions'], summary: 'Competitions this organiser runs', responses: json(CompetitionListResponseSchema, 'The list') }),
      (c) => c.json({ competitions: q.listForUser(c.get('user').id) }, 200),
    )
    .post(
      '/',
      describeRoute({
        tags: ['competitions'],
        summary: 'Create a competition with the default axes and rubric, or from an earlier one (copyFrom); the signed-in organiser runs it',
        responses: {
          201: { description: 'The new competition', content: { 'application/json': { schema: resolver(CompetitionDetailSchema) } } },
          400: { description: 'VALIDATION_FAILED: a field is refused, or copyFrom names no competition of this organiser' },
        },
      }),
      validate('json', CompetitionCreateSchema),
      (c) => {
        const user = c.get('user');
        const id = createCompetition(deps.db, user.id, c.req.valid('json'), deps.clock.now());
        const detail = q.detailForUser(id, user.id);
        if (!detail) throw notFound('Competition');
        return c.json(detail, 201);
      },
    )
    .get(
      '/:id',
      describeRoute({ tags: ['competitions'], summary: 'A competition with its axes, rubric, entrants and rounds', responses: json(CompetitionDetailSchema, 'The competition') }),
      validate('param', IdParamSchema),
      (c) => {
        const detail = q.detailForUser(c.req.valid('param').id, c.get('user').id);
        // Another organiser's competition answers 404, not 403: its existence is not disclosed.
        if (!detail) throw notFound('Competition');
        return c.json(detail, 200);
      },
    )
    .get(
      '/:id/steps',
      describeRoute({
        tags: ['competitions'],
        summary: 'Where the competition stands: each step (set-up to publication), the next one, and what would be refused now',
        responses: json(CompetitionStepsSchema, 'The steps'),
      }),
      validate('param', IdParamSchema),
      (c) => {
        const { id } = c.req.valid('param');
        if (!q.runs(id, c.get('user').id)) throw notFound('Competition');
        return c.json(competitionSteps(deps.db, id), 200);
      },
    );
}
