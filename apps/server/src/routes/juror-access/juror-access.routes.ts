import {
  BindRequestSchema,
  BindResponseSchema,
  ErrorEnvelopeSchema,
  JurorBindingStatusSchema,
  OFFLINE_PIN_KDF,
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
import { checkPin, type PinCounter } from './pin-attempts.js';

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
  // Only what gets a tablet to its PIN answers before it has one.
  const jurorWithoutPin = requireJuror(deps, { withoutPin: true });
  const bindingStatus = requireJuror(deps, { withoutPin: true, whenLocked: true });
  const cookieOptions = { httpOnly: true, sameSite: 'Lax', secure: deps.secureCookies, path: '/' } as const;

  /** Wrong PINs typed at a juror's invitation link, counted apart from every tablet's own. */
  const linkCounter = (jurorId: number, competitionId: number): PinCounter => ({
    failuresSince: (since) => q.linkFailuresSince(jurorId, since),
    recordFailure: (now) => db.transaction(() => q.recordLinkFailure(jurorId, now))(),
    forgive: () => q.forgiveLinkFailures(jurorId),
    lock: (now, failedPins) =>
      db.transaction(() => {
        q.lockLink(jurorId, now);
        appendEvent(db, { competitionId, actor: `juror:${jurorId}`, type: 'invite.locked', payload: { jurorId, failedPins }, at: now });
      })(),
  });

  return new Hono<AppEnv>()
    .post(
      '/bind',
      describeRoute({
        tags: ['juror'],
        summary: "Bind this tablet to the juror of an invitation link (with the juror's PIN once one of their tablets has one)",
        responses: {
          ...json(201, BindResponseSchema, 'Bound; the device cookie is set'),
          ...refused(401, "PIN_REQUIRED: the juror has a PIN, send it; INVALID_CREDENTIALS: wrong PIN, details give the tries left"),
          ...refused(404, 'Unknown invitation'),
          ...refused(423, 'The link is blocked after too many wrong PINs until the organiser issues a new one'),
          ...refused(429, 'Too many tries; Retry-After says when to try again'),
        },
      }),
      validate('json', BindRequestSchema),
      async (c) => {
        const { inviteToken, pin } = c.req.valid('json');
        const invited = q.jurorByInvite(inviteToken);
        if (!invited) throw notFound('Invitation');
        if (invited.link_locked_at !== null) throw linkLocked();
        const now = clock.now();
        // Once one of the juror's tablets has a PIN, the link alone binds no other: a link seen
        // over a shoulder or forwarded must not give a second tablet the juror's scorecards.
        const hashes = q.jurorPinHashes(invited.id);
        let pinHash: string | null = null;
        if (hashes.length > 0) {
          if (pin === undefined) {
            throw new AppError(401, 'PIN_REQUIRED', "This juror already has a tablet: type the juror's PIN to bind another", [
              { path: 'pin', rule: 'required', message: "Type the juror's PIN" },
            ]);
          }
          pinHash = await checkPin({
            counter: linkCounter(invited.id, invited.competition_id),
            now,
            verify: async () => {
              for (const hash of hashes) if (await verifySecret(pin, hash)) return hash;
              return null;
            },
            retryAfter: (s) => c.header('Retry-After', String(s)),
            locked: linkLocked,
          });
        }
        const token = newToken();
        const bindingId = db.transaction(() => {
          const id = q.insertBinding(invited.id, hashToken(token), pinHash, now);
          appendEvent(db, {
            competitionId: invited.competition_id,
            actor: `juror:${invited.id}`,
            type: 'binding.created',
            payload: { bindingId: id, withPin: pinHash !== null, userAgent: c.req.header('user-agent')?.slice(0, 200) ?? '' },
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
            pinSet: pinHash !== null,
          },
          201,
        );
      },
    )
    .get(
      '/binding',
      describeRoute({
        tags: ['juror'],
        summary: 'Who this tablet is bound to, whether it has its PIN and whether it is locked (answers before the PIN, and while locked)',
        responses: { ...json(200, JurorBindingStatusSchema, 'The binding'), ...refused(401, 'Not bound') },
      }),
      bindingStatus,
      (c) => {
        const j = c.get('juror');
        const competition = q.competitionName(j.competitionId);
        return c.json(
          {
            juror: { id: j.id, name: j.name, isChair: j.isChair },
            competition: { id: j.competitionId, name: competition },
            binding: { id: j.bindingId, pinSet: j.pinSet, locked: j.locked },
          },
          200,
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
      jurorWithoutPin,
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
        // requireJuror let only a tablet with its PIN through.
        const stored = q.pinHash(bindingId) ?? '';
        const { pin } = c.req.valid('json');
        const counter: PinCounter = {
          failuresSince: (since) => q.failuresSince(bindingId, since),
          recordFailure: (now) => db.transaction(() => q.recordFailure(bindingId, now))(),
          forgive: () => q.forgiveFailure(bindingId),
          lock: (now, failedPins) =>
            db.transaction(() => {
              q.lock(bindingId, now);
              appendEvent(db, { competitionId, actor: `juror:${id}`, type: 'binding.locked', payload: { bindingId, failedPins }, at: now });
            })(),
        };
        await checkPin({
          counter,
          now: clock.now(),
          verify: async () => ((await verifySecret(pin, stored)) ? true : null),
          retryAfter: (s) => c.header('Retry-After', String(s)),
          locked: () => new AppError(423, 'BINDING_LOCKED', 'Too many wrong PINs: this tablet is locked until the organiser resets it'),
        });
        return c.body(null, 204);
      },
    )
    .post(
      '/unbind',
      describeRoute({ tags: ['juror'], summary: 'Unbind this tablet (its token stops working; the cookie is cleared)', responses: { 204: { description: 'Unbound' } } }),
      jurorWithoutPin,
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

const linkLocked = () =>
  new AppError(423, 'BINDING_LOCKED', 'Too many wrong PINs at this invitation link: ask the organiser for a new link', [
    { path: 'inviteToken', rule: 'locked', message: 'The link is blocked until the organiser issues a new one' },
  ]);

const alreadySet = () =>
  new AppError(409, 'CONFLICT', 'This tablet already has a PIN: unlock with it, or ask the organiser to reset the tablet');
