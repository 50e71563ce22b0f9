import {
  BindRequestSchema,
  BindResponseSchema,
  ErrorEnvelopeSchema,
  OFFLINE_PIN_KDF,
  PIN_POLICY,
  PinRequestSchema,
  PinSetResponseSchema,
} from '@palmares/contract';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { describeRoute, resolver } from 'hono-openapi';
import type { AppEnv, Deps } from '../../deps.js';
import { AppError, notFound } from '../../lib/errors.js';
import { appendEvent } from '../../lib/event-log.js';
import { hashSecret, hashToken, newToken, verifySecret } from '../../lib/tokens.js';
import { validate } from '../../lib/validate.js';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S, requireJuror } from '../../middleware/juror.js';
import { jurorAccessQueries } from './juror-access.queries.js';

const json = (status: 200 | 201, schema: Parameters<typeof resolver>[0], description: string) => ({
  [status]: { description, content: { 'application/json': { schema: resolver(schema) } } },
});
const refused = (status: number, description: string) => ({
  [status]: { description, content: { 'application/json': { schema: resolver(ErrorEnvelopeSchema) } } },
});

/** Binding a tablet from the invitation link, choosing its PIN, and unlocking it online. */
export function jurorAccessRoutes(deps: Deps) {
  const { db, clock } = deps;
  const q = jurorAccessQueries(db);
  const juror = requireJuror(deps);
  const cookieOptions = { httpOnly: true, sameSite: 'Lax', secure: deps.secureCookies, path: '/' } as const;

  return new Hono<AppEnv>()
    .post(
      '/bind',
      describeRoute({
        tags: ['juror'],
        summary: 'Bind this tablet to the juror of an invitation link',
        responses: { ...json(201, BindResponseSchema, 'Bound; the device cookie is set'), ...refused(404, 'Unknown invitation') },
      }),
      validate('json', BindRequestSchema),
      (c) => {
        const invited = q.jurorByInvite(c.req.valid('json').inviteToken);
        if (!invited) throw notFound('Invitation');
        const token = newToken();
        const now = clock.now();
        const bindingId = db.transaction(() => {
          const id = q.insertBinding(invited.id, hashToken(token), now);
          appendEvent(db, {
            competitionId: invited.competition_id,
            actor: `juror:${invited.id}`,
            type: 'binding.created',
            payload: { bindingId: id, userAgent: c.req.header('user-agent')?.slice(0, 200) ?? '' },
            at: now,
          });
          return id;
        })();
        setCookie(c, DEVICE_COOKIE, token, { ...cookieOptions, maxAge: DEVICE_COOKIE_MAX_AGE_S });
        return c.json(
          {
            deviceToken: token,
            bindingId,
            juror: { id: invited.id, name: invited.name, isChair: invited.is_chair === 1 },
            competition: { id: invited.competition_id, name: invited.competition_name },
          },
          201,
        );
      },
    )
    .post(
      '/pin',
      describeRoute({
        tags: ['juror'],
        summary: "Choose this tablet's PIN (once; the organiser's reset clears it)",
        responses: { ...json(200, PinSetResponseSchema, 'PIN set, with the parameters of the offline check'), ...refused(409, 'A PIN is already set') },
      }),
      juror,
      validate('json', PinRequestSchema),
      async (c) => {
        const { bindingId, competitionId, id } = c.get('juror');
        if (q.pinHash(bindingId) !== null) throw alreadySet();
        const hash = await hashSecret(c.req.valid('json').pin);
        const now = clock.now();
        db.transaction(() => {
          // Re-checked in the write: two tablets' requests racing cannot both set it.
          if (!q.setPin(bindingId, hash)) throw alreadySet();
          appendEvent(db, { competitionId, actor: `juror:${id}`, type: 'binding.pin-set', payload: { bindingId }, at: now });
        })();
        return c.json({ pinSet: true as const, offline: { ...OFFLINE_PIN_KDF } }, 200);
      },
    )
    .post(
      '/unlock',
      describeRoute({
        tags: ['juror'],
        summary: 'Check the PIN online (5 wrong tries per 5 minutes; the 10th in a row locks the tablet)',
        responses: {
          204: { description: 'Right PIN' },
          ...refused(401, 'Wrong PIN; details give the tries left'),
          ...refused(423, 'Locked until the organiser resets it'),
          ...refused(429, 'Too many tries; Retry-After says when to try again'),
        },
      }),
      juror,
      validate('json', PinRequestSchema),
      async (c) => {
        const { bindingId, competitionId, id } = c.get('juror');
        const stored = q.pinHash(bindingId);
        if (stored === null) throw new AppError(409, 'CONFLICT', 'No PIN is set on this tablet yet: choose one first');
        const now = clock.now();
        const window = q.failuresSince(bindingId, new Date(now.getTime() - PIN_POLICY.windowMs));
        if (window.count >= PIN_POLICY.attemptsPerWindow) {
          const retryMs = Date.parse(window.oldest ?? now.toISOString()) + PIN_POLICY.windowMs - now.getTime();
          c.header('Retry-After', String(Math.max(1, Math.ceil(retryMs / 1000))));
          throw new AppError(429, 'RATE_LIMITED', 'Too many wrong PINs: wait a few minutes', [
            { path: 'pin', rule: 'rate_limited', message: `Try again in ${Math.max(1, Math.ceil(retryMs / 1000))} s` },
          ]);
        }
        const failedInARow = db.transaction(() => q.recordFailure(bindingId, now))();
        if (await verifySecret(c.req.valid('json').pin, stored)) {
          q.forgiveFailure(bindingId);
          return c.body(null, 204);
        }
        if (failedInARow >= PIN_POLICY.lockAfter) {
          db.transaction(() => {
            q.lock(bindingId, now);
            appendEvent(db, { competitionId, actor: `juror:${id}`, type: 'binding.locked', payload: { bindingId, failedPins: failedInARow }, at: now });
          })();
          throw new AppError(423, 'BINDING_LOCKED', 'Too many wrong PINs: this tablet is locked until the organiser resets it');
        }
        const leftInWindow = PIN_POLICY.attemptsPerWindow - window.count - 1;
        const leftBeforeLock = PIN_POLICY.lockAfter - failedInARow;
        throw new AppError(401, 'INVALID_CREDENTIALS', 'Wrong PIN', [
          { path: 'pin', rule: 'mismatch', message: 'Wrong PIN' },
          { path: 'attemptsLeft', rule: 'remaining', message: String(Math.min(leftInWindow, leftBeforeLock)) },
          { path: 'attemptsBeforeLock', rule: 'remaining', message: String(leftBeforeLock) },
        ]);
      },
    )
    .post(
      '/unbind',
      describeRoute({ tags: ['juror'], summary: 'Unbind this tablet (its token stops working; the cookie is cleared)', responses: { 204: { description: 'Unbound' } } }),
      juror,
      (c) => {
        const { bindingId, competitionId, id } = c.get('juror');
        const now = clock.now();
        db.transaction(() => {
          q.revoke(bindingId, now);
          appendEvent(db, { competitionId, actor: `juror:${id}`, type: 'binding.unbound', payload: { bindingId }, at: now });
        })();
        deleteCookie(c, DEVICE_COOKIE, cookieOptions);
        return c.body(null, 204);
      },
    );
}

const alreadySet = () =>
  new AppError(409, 'CONFLICT', 'This tablet already has a PIN: unlock with it, or ask the organiser to reset the tablet');
