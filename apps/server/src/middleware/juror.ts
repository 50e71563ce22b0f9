import type { ContactEvent } from '@palmares/contract';
import { getCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Deps } from '../deps.js';
import type { Db } from '../db/open-db.js';
import { AppError } from '../lib/errors.js';
import { hashToken } from '../lib/tokens.js';

export const DEVICE_COOKIE = 'palmares_device';
/** Browsers cap cookie lifetimes at 400 days; the binding itself lives until revoked. */
export const DEVICE_COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;
/** last_seen_at is written at most this often per binding, not on every request. */
const LAST_SEEN_RESOLUTION_MS = 10_000;

/** The juror behind a bound tablet, as the juror routes see it. */
export interface JurorContext {
  id: number;
  name: string;
  isChair: boolean;
  competitionId: number;
  bindingId: number;
  pinSet: boolean;
}

export type JurorEnv = {
  Variables: AppEnv['Variables'] & { juror: JurorContext };
};

// Read as an array on every juror request: better-sqlite3 builds row objects column by column, slowly.
type BindingRow = [
  bindingId: number,
  jurorId: number,
  name: string,
  isChair: number,
  competitionId: number,
  pinSet: number,
  locked: number,
  revoked: number,
  lastSeenAt: string | null,
];

function bindingQueries(db: Db) {
  const byToken = db.prepare<[string], BindingRow>(
    `SELECT b.id, j.id, j.name, j.is_chair, j.competition_id, b.pin_hash IS NOT NULL,
            b.locked_at IS NOT NULL, b.revoked_at IS NOT NULL, b.last_seen_at
     FROM device_bindings b JOIN jurors j ON j.id = b.juror_id WHERE b.token_hash = ?`,
  ).raw();
  const touch = db.prepare('UPDATE device_bindings SET last_seen_at = ? WHERE id = ?');
  return {
    byToken(hash: string) {
      const row = byToken.get(hash);
      if (!row) return undefined;
      const [bindingId, jurorId, name, isChair, competitionId, pinSet, locked, revoked, lastSeenAt] = row;
      return {
        bindingId,
        jurorId,
        name,
        isChair: isChair === 1,
        competitionId,
        pinSet: pinSet === 1,
        locked: locked === 1,
        revoked: revoked === 1,
        lastSeenAt,
      };
    },
    touch: (id: number, at: Date) => touch.run(at.toISOString(), id),
  };
}

/** The device token: an explicit `Authorization: Bearer` wins over the ambient HttpOnly cookie. */
function deviceToken(c: Context): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1] ?? getCookie(c, DEVICE_COOKIE);
}

/**
 * Lets the request through only from a live device binding (not revoked, not locked) and puts
 * the juror on the context; everything a juror route reads is then scoped to that juror and
 * their competition. Each contact (at most every 10 s) is recorded and published as `contact`
 * for the organiser's live board.
 */
export function requireJuror({ db, clock, live }: Deps) {
  const q = bindingQueries(db);
  return createMiddleware<JurorEnv>(async (c, next) => {
    const token = deviceToken(c);
    const row = token ? q.byToken(hashToken(token)) : undefined;
    if (!row || row.revoked) {
      throw new AppError(401, 'UNAUTHENTICATED', 'This tablet is not bound to a juror; open your invitation link again');
    }
    const { bindingId, jurorId, name, isChair, competitionId, pinSet, locked, lastSeenAt } = row;
    if (locked) {
      throw new AppError(423, 'BINDING_LOCKED', 'This tablet is locked after too many wrong PINs; ask the organiser to reset it');
    }
    const now = clock.now();
    if (!lastSeenAt || now.getTime() - Date.parse(lastSeenAt) >= LAST_SEEN_RESOLUTION_MS) {
      q.touch(bindingId, now);
      const data: ContactEvent = { jurorId, bindingId, at: now.toISOString() };
      live.publish(competitionId, { type: 'contact', data });
    }
    c.set('juror', { id: jurorId, name, isChair, competitionId, bindingId, pinSet });
    await next();
  });
}
