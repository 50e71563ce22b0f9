import type { ContactEvent } from '@palmares/contract';
import { getCookie } from 'hono/cookie';
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

interface BindingRow {
  binding_id: number;
  juror_id: number;
  name: string;
  is_chair: number;
  competition_id: number;
  pin_hash: string | null;
  locked_at: string | null;
  revoked_at: string | null;
  last_seen_at: string | null;
}

function bindingQueries(db: Db) {
  const byToken = db.prepare<[string], BindingRow>(
    `SELECT b.id AS binding_id, j.id AS juror_id, j.name, j.is_chair, j.competition_id, b.pin_hash,
            b.locked_at, b.revoked_at, b.last_seen_at
     FROM device_bindings b JOIN jurors j ON j.id = b.juror_id WHERE b.token_hash = ?`,
  );
  const touch = db.prepare('UPDATE device_bindings SET last_seen_at = ? WHERE id = ?');
  return { byToken: (hash: string) => byToken.get(hash), touch: (id: number, at: Date) => touch.run(at.toISOString(), id) };
}

/** The device token: an explicit `Authorization: Bearer` wins over the ambient HttpOnly cookie. */
function deviceToken(cookie: string | undefined, authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1] ?? cookie;
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
    const token = deviceToken(getCookie(c, DEVICE_COOKIE), c.req.header('authorization'));
    const row = token ? q.byToken(hashToken(token)) : undefined;
    if (!row || row.revoked_at) {
      throw new AppError(401, 'UNAUTHENTICATED', 'This tablet is not bound to a juror; open your invitation link again');
    }
    if (row.locked_at) {
      throw new AppError(423, 'BINDING_LOCKED', 'This tablet is locked after too many wrong PINs; ask the organiser to reset it');
    }
    const now = clock.now();
    if (!row.last_seen_at || now.getTime() - Date.parse(row.last_seen_at) >= LAST_SEEN_RESOLUTION_MS) {
      q.touch(row.binding_id, now);
      const data: ContactEvent = { jurorId: row.juror_id, bindingId: row.binding_id, at: now.toISOString() };
      live.publish(row.competition_id, { type: 'contact', data });
    }
    c.set('juror', {
      id: row.juror_id,
      name: row.name,
      isChair: row.is_chair === 1,
      competitionId: row.competition_id,
      bindingId: row.binding_id,
      pinSet: row.pin_hash !== null,
    });
    await next();
  });
}
