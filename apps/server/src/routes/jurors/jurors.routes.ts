import {
  BindingsChangedResponseSchema,
  CreateJurorRequestSchema,
  IdParamSchema,
  JurorAdminSchema,
  JurorListResponseSchema,
  JurorParamSchema,
  ReplaceJurorRequestSchema,
  UpdateJurorRequestSchema,
} from '@palmares/contract';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { describeRoute, resolver } from 'hono-openapi';
import type { AppEnv, Deps } from '../../deps.js';
import { AppError, notFound } from '../../lib/errors.js';
import { appendEvent } from '../../lib/event-log.js';
import { newToken } from '../../lib/tokens.js';
import { validate } from '../../lib/validate.js';
import { requireOrganiser } from '../../middleware/session.js';
import { chairRule } from './chair-rule.js';
import { jurorsQueries } from './jurors.queries.js';

const conflict = (rule: string, message: string) => new AppError(409, 'CONFLICT', message, [{ path: 'juror', rule, message }]);

const json = (status: 200 | 201, schema: Parameters<typeof resolver>[0], description: string) => ({
  [status]: { description, content: { 'application/json': { schema: resolver(schema) } } },
});

/**
 * The organiser's jurors of one competition (mounted at /competitions/:id/jurors): invited, edited,
 * removed while they have no scorecard, replaced mid-competition (decision 024).
 */
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
    )
    .patch(
      '/:jurorId',
      describeRoute({ tags: ['jurors'], summary: "Edit a juror's name, title or e-mail; logged", responses: json(200, JurorAdminSchema, 'The juror') }),
      validate('param', JurorParamSchema),
      validate('json', UpdateJurorRequestSchema),
      (c) => {
        const { id, jurorId } = c.req.valid('param');
        const changes = c.req.valid('json');
        db.transaction(() => {
          const current = jurorOf(id, jurorId);
          q.update(jurorId, { name: current.name, email: current.email, title: current.title, ...changes });
          log(id, c.get('user').id, 'juror.updated', { jurorId, changes });
        })();
        return c.json(jurorOf(id, jurorId), 200);
      },
    )
    .delete(
      '/:jurorId',
      describeRoute({
        tags: ['jurors'],
        summary: 'Remove a juror who has no scorecard yet (their tablets, assignments and declared conflicts go with them); logged',
        responses: { 204: { description: 'Removed' }, 409: { description: 'CONFLICT: the juror has scorecards or was replaced (replace them instead); CHAIR_FIXED: the chair, once the rules are locked' } },
      }),
      validate('param', JurorParamSchema),
      (c) => {
        const { id, jurorId } = c.req.valid('param');
        db.transaction(() => {
          const juror = jurorOf(id, jurorId);
          chair.assertCanRebind(id, jurorId, 'the chair cannot be removed now');
          if (juror.scorecards > 0) throw conflict('has_scorecards', `${juror.name} has ${juror.scorecards} scorecard(s): replace the juror instead, so they are kept`);
          if (juror.replacedAt) throw conflict('replaced', `${juror.name} was replaced; the record stays`);
          q.remove(jurorId);
          log(id, c.get('user').id, 'juror.removed', { jurorId, name: juror.name, email: juror.email, title: juror.title, isChair: juror.isChair });
        })();
        return c.body(null, 204);
      },
    )
    .post(
      '/:jurorId/replace',
      describeRoute({
        tags: ['jurors'],
        summary: "Replace a juror mid-competition: their submitted scorecards stay, their link and tablets stop working, and a new juror with a new invitation link takes over their unfinished assignments; logged with the reason",
        responses: { ...json(201, JurorAdminSchema, 'The replacement, with its invitation link'), 409: { description: 'CONFLICT: already replaced; CHAIR_FIXED: the chair, once the rules are locked' } },
      }),
      validate('param', JurorParamSchema),
      validate('json', ReplaceJurorRequestSchema),
      (c) => {
        const { id, jurorId } = c.req.valid('param');
        const { reason, ...replacement } = c.req.valid('json');
        const newId = db.transaction(() => {
          const juror = jurorOf(id, jurorId);
          chair.assertCanRebind(id, jurorId, "the chair cannot be replaced now (the chair's signature stands for the jury)");
          if (juror.replacedAt) throw conflict('already_replaced', `${juror.name} was already replaced by ${juror.replacedBy?.name ?? 'another juror'}`);
          const now = clock.now();
          const { id: newId, moved } = q.replace(id, jurorId, replacement, newToken(), now);
          const bindingIds = q.liveBindings(jurorId);
          q.revoke(jurorId, now);
          if (juror.isChair) {
            q.setChair(id, null);
            q.setChair(id, newId);
          }
          log(id, c.get('user').id, 'juror.replaced', { jurorId, name: juror.name, replacementId: newId, replacement: replacement.name, reason, assignmentsMoved: moved, bindingIds });
          return newId;
        })();
        return c.json(jurorOf(id, newId), 201);
      },
    );
}
