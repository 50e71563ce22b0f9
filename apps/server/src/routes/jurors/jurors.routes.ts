import {
  BindingsChangedResponseSchema,
  CreateJurorRequestSchema,
  IdParamSchema,
  JurorAdminSchema,
  JurorListResponseSchema,
  JurorParamSchema,
} from '@palmares/contract';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { describeRoute, resolver } from 'hono-openapi';
import type { AppEnv, Deps } from '../../deps.js';
import { notFound } from '../../lib/errors.js';
import { appendEvent } from '../../lib/event-log.js';
import { newToken } from '../../lib/tokens.js';
import { validate } from '../../lib/validate.js';
import { requireOrganiser } from '../../middleware/session.js';
import { chairRule } from './chair-rule.js';
import { jurorsQueries } from './jurors.queries.js';

const json = (status: 200 | 201, schema: Parameters<typeof resolver>[0], description: string) => ({
  [status]: { description, content: { 'application/json': { schema: resolver(schema) } } },
});

/** The organiser's jurors of one competition (mounted at /competitions/:id/jurors). */
export function jurorAdminRoutes(deps: Deps) {
  const { db, clock } = deps;
  const q = jurorsQueries(db);
  const chair = chairRule(db);
  // Another organiser's competition answers 404: its existence is not disclosed.
  const organiserOfCompetition = createMiddleware<AppEnv>(async (c, next) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0 || !q.isOrganiser(id, c.get('user').id)) throw notFound('Competition');
    await next();
  });
  const jurorOf = (competitionId: number, jurorId: number) => {
    const juror = q.one(jurorId, competitionId);
    if (!juror) throw notFound('Juror');
    return juror;
  };
  const log = (competitionId: number, userId: number, type: string, payload: unknown) =>
    appendEvent(db, { competitionId, actor: `user:${userId}`, type, payload, at: clock.now() });

  const bindingAction = (action: 'reset' | 'revoke', summary: string) =>
    [
      describeRoute({ tags: ['jurors'], summary, responses: json(200, BindingsChangedResponseSchema, 'How many tablets it touched') }),
      validate('param', JurorParamSchema),
    ] as const;

  return new Hono<AppEnv>()
    .use(requireOrganiser(deps), organiserOfCompetition)
    .get(
      '/',
      describeRoute({ tags: ['jurors'], summary: 'Jurors with their invitation link, tablets and last contact', responses: json(200, JurorListResponseSchema, 'The jury') }),
      validate('param', IdParamSchema),
      (c) => c.json({ jurors: q.list(c.req.valid('param').id) }, 200),
    )
    .post(
      '/',
      describeRoute({
        tags: ['jurors'],
        summary: 'Invite a juror (a new invitation link); one chair per competition, fixed once the rules are locked',
        responses: { ...json(201, JurorAdminSchema, 'The new juror'), 409: { description: 'CHAIR_TAKEN: the competition has a chair; CHAIR_FIXED: the rules are locked' } },
      }),
      validate('param', IdParamSchema),
      validate('json', CreateJurorRequestSchema),
      (c) => {
        const competitionId = c.req.valid('param').id;
        const body = c.req.valid('json');
        const id = db.transaction(() => {
          if (body.isChair) chair.assertCanSeat(competitionId);
          const jurorId = q.insert(competitionId, body, newToken(), clock.now());
          log(competitionId, c.get('user').id, 'juror.created', { jurorId, name: body.name, isChair: body.isChair });
          return jurorId;
        })();
        return c.json(jurorOf(competitionId, id), 201);
      },
    )
    .post('/:jurorId/bindings/reset', ...bindingAction('reset', "Unlock the juror's tablets locked after too many wrong PINs (each chooses a new PIN); the others keep theirs"), (c) => {
      const { id, jurorId } = c.req.valid('param');
      jurorOf(id, jurorId);
      const bindings = db.transaction(() => {
        const ids = q.lockedBindings(jurorId);
        q.reset(jurorId);
        log(id, c.get('user').id, 'bindings.reset', { jurorId, bindingIds: ids });
        return ids.length;
      })();
      return c.json({ bindings }, 200);
    })
    .post(
      '/:jurorId/invite/rotate',
      describeRoute({ tags: ['jurors'], summary: 'Replace the invitation link (the old one stops binding; bound tablets stay bound)', responses: json(200, JurorAdminSchema, 'The juror with the new link') }),
      validate('param', JurorParamSchema),
      (c) => {
        const { id, jurorId } = c.req.valid('param');
        jurorOf(id, jurorId);
        chair.assertCanRebind(id, jurorId, "the chair's invitation link cannot be replaced now");
        db.transaction(() => {
          q.rotateInvite(jurorId, newToken());
          log(id, c.get('user').id, 'juror.invite-rotated', { jurorId });
        })();
        return c.json(jurorOf(id, jurorId), 200);
      },
    )
    .post('/:jurorId/bindings/revoke', ...bindingAction('revoke', "Revoke every tablet of the juror; the invitation link binds a new one"), (c) => {
      const { id, jurorId } = c.req.valid('param');
      jurorOf(id, jurorId);
      chair.assertCanRebind(id, jurorId, "the chair's tablets cannot be revoked now (the chair binds another from the same link with their PIN)");
      const bindings = db.transaction(() => {
        const ids = q.liveBindings(jurorId);
        q.revoke(jurorId, clock.now());
        log(id, c.get('user').id, 'bindings.revoked', { jurorId, bindingIds: ids });
        return ids.length;
      })();
      return c.json({ bindings }, 200);
    })
    .post(
      '/:jurorId/chair',
      describeRoute({
        tags: ['jurors'],
        summary: 'Make this juror the jury chair (the current chair becomes a juror); logged, and refused once the rules are locked',
        responses: { ...json(200, JurorListResponseSchema, 'The jury, with its new chair'), 409: { description: 'CHAIR_FIXED: the rules are locked' } },
      }),
      validate('param', JurorParamSchema),
      (c) => {
        const { id, jurorId } = c.req.valid('param');
        jurorOf(id, jurorId);
        db.transaction(() => {
          chair.assertCanMove(id);
          const from = chair.chairOf(id)?.id ?? null;
          if (from === jurorId) return;
          // Unseat first: the database holds one chair per competition at every statement.
          q.setChair(id, null);
          q.setChair(id, jurorId);
          log(id, c.get('user').id, 'juror.chair-changed', { from, to: jurorId });
        })();
        return c.json({ jurors: q.list(id) }, 200);
      },
    );
}
