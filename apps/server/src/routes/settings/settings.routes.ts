import { AxesUpdateSchema, CompetitionDetailSchema, IdParamSchema, RubricUpdateSchema, SettingsUpdateSchema, TabletSettingsUpdateSchema } from '@palmares/contract';
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import type { AppEnv, Deps } from '../../deps.js';
import { AppError, notFound } from '../../lib/errors.js';
import { appendEvent } from '../../lib/event-log.js';
import { validate } from '../../lib/validate.js';
import { assertSettingsUnlocked, requireCompetitionOrganiser } from '../../middleware/competition-access.js';
import { replaceAxisQuotas, unknownQuotaAxes } from '../../results/axis-quotas.js';
import { competitionQueries } from '../competitions/competitions.queries.js';
import { rubricProblems, withoutBlankTranslations } from './rubric-check.js';
import { settingsQueries } from './settings.queries.js';

const detail = (summary: string) =>
  describeRoute({
    tags: ['settings'],
    summary,
    responses: {
      200: { description: 'The competition as it now stands', content: { 'application/json': { schema: resolver(CompetitionDetailSchema) } } },
      409: { description: 'SETTINGS_LOCKED: round 1 scoring has opened' },
    },
  });

/**
 * The set-up of a competition: event, rules, axes and rubric. Everything here is pre-registered:
 * once round 1's scoring opens, every change is refused with 409 SETTINGS_LOCKED and nothing written.
 */
export function settingsRoutes(deps: Deps) {
  const { db, clock } = deps;
  const q = settingsQueries(db);
  const competitions = competitionQueries(db);
  const answer = (id: number, userId: number) => {
    const d = competitions.detailForUser(id, userId);
    if (!d) throw notFound('Competition');
    return d;
  };
  const change = (id: number, userId: number, type: string, payload: unknown, write: () => void) =>
    db.transaction(() => {
      assertSettingsUnlocked(db, id);
      write();
      appendEvent(db, { competitionId: id, actor: `user:${userId}`, type, payload, at: clock.now() });
    })();

  return new Hono<AppEnv>()
    .use(requireCompetitionOrganiser(deps))
    .put('/', detail('Change the event and its rules'), validate('param', IdParamSchema), validate('json', SettingsUpdateSchema), (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const user = c.get('user');
      change(id, user.id, 'settings.updated', body, () => {
        const perAxis = body.shortlist.perAxis ?? [];
        const unknown = unknownQuotaAxes(db, id, perAxis);
        if (unknown.length > 0) {
          throw new AppError(400, 'VALIDATION_FAILED', 'A quota names an axis this competition does not have', unknown.map((u) => ({
            path: `shortlist.perAxis.${u.index}.axis`, rule: 'unknown', message: `no axis "${u.axis}"`,
          })));
        }
        q.updateSettings(id, body);
        replaceAxisQuotas(db, id, perAxis);
      });
      return c.json(answer(id, user.id), 200);
    })
    .put('/axes', detail('Replace the theme axes'), validate('param', IdParamSchema), validate('json', AxesUpdateSchema), (c) => {
      const { id } = c.req.valid('param');
      const { axes } = c.req.valid('json');
      const user = c.get('user');
      change(id, user.id, 'axes.updated', { axes }, () => {
        const used = q.axesStillUsed(id, new Set(axes.map((a) => a.code)));
        if (used.length > 0) {
          throw new AppError(409, 'CONFLICT', 'Entrants still compete in these axes; move them first', used.map((code) => ({ path: 'axes', rule: 'in_use', message: code })));
        }
        q.replaceAxes(id, axes);
      });
      return c.json(answer(id, user.id), 200);
    })
    .put('/rubric', detail('Replace the scale and the rubric'), validate('param', IdParamSchema), validate('json', RubricUpdateSchema), (c) => {
      const { id } = c.req.valid('param');
      const rubric = c.req.valid('json');
      const user = c.get('user');
      const defaultLanguage = q.defaultLanguage(id);
      const problems = rubricProblems(rubric, q.languages(id), defaultLanguage);
      if (problems.length > 0) throw new AppError(400, 'VALIDATION_FAILED', 'The rubric is incomplete for the event\'s languages', problems);
      const stored = withoutBlankTranslations(rubric, defaultLanguage);
      change(id, user.id, 'rubric.updated', stored, () => q.replaceRubric(id, stored.scale, stored.criteria));
      return c.json(answer(id, user.id), 200);
    })
    // How the tablets behave is not a rule of the competition: it stays editable on the day.
    .put('/tablets', describeRoute({
      tags: ['settings'],
      summary: "The jurors' tablets: minutes without a touch before a tablet asks for the PIN (1–60); editable after round 1 opens",
      responses: { 200: { description: 'The competition as it now stands', content: { 'application/json': { schema: resolver(CompetitionDetailSchema) } } } },
    }), validate('param', IdParamSchema), validate('json', TabletSettingsUpdateSchema), (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const user = c.get('user');
      db.transaction(() => {
        q.updateTablets(id, body.idleLockMinutes);
        appendEvent(db, { competitionId: id, actor: `user:${user.id}`, type: 'tablets.updated', payload: body, at: clock.now() });
      })();
      return c.json(answer(id, user.id), 200);
    });
}
