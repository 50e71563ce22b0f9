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
  locked: boolean;
}

export type JurorEnv = {
  Variables: AppEnv['Variables'] & { juror: JurorContext };
};

interface Binding {
  bindingId: number;
  jurorId: number;
  name: string;
  isChair: boolean;
  competitionId: number;
  pinSet: boolean;
  locked: boolean;
  revoked: boolean;
  lastSeenAt: string | null;
}

type Flag = 'isChair' | 'pinSet' | 'locked' | 'revoked';
/** A binding as SQLite answers it: flags as 0/1. */
type BindingRow = Omit<Binding, Flag> & Record<Flag, number>;

/** Far above any competition's tablets; past it the cache starts again empty. */
const MAX_CACHED_BINDINGS = 10_000;
const caches = new WeakMap<Db, Map<string, Binding>>();

/**
 * Bindings by token hash, read once and kept until something they show changes. Every juror
 * request looks its tablet up, and the read transaction SQLite wraps around a lone SELECT costs
 * several times the query itself. Temporary triggers of this connection (the server's only one)
 * empty the cache inside any statement that changes a binding (revoked, locked, PIN set or reset)
 * or a juror (renamed, made chair, deleted), so no later request can read a stale binding; a
 * change rolled back afterwards only costs a re-read. Unknown tokens are never cached.
 */
function bindingCache(db: Db): Map<string, Binding> {
  const existing = caches.get(db);
  if (existing) return existing;
  const cache = new Map<string, Binding>();
  caches.set(db, cache);
  db.function('palmares_forget_bindings', { deterministic: false }, () => {
    cache.clear();
    return null;
  });
  const forget = 'BEGIN SELECT palmares_forget_bindings(); END';
  db.exec(`
    CREATE TEMP TRIGGER IF NOT EXISTS forget_bindings_binding_changed
      AFTER UPDATE OF juror_id, token_hash, pin_hash, locked_at, revoked_at ON main.device_bindings ${forget};
    CREATE TEMP TRIGGER IF NOT EXISTS forget_bindings_binding_deleted AFTER DELETE ON main.device_bindings ${forget};
    CREATE TEMP TRIGGER IF NOT EXISTS forget_bindings_juror_changed AFTER UPDATE ON main.jurors ${forget};
    CREATE TEMP TRIGGER IF NOT EXISTS forget_bindings_juror_deleted AFTER DELETE ON main.jurors ${forget};
  `);
  return cache;
}

function bindingQueries(db: Db) {
  const byToken = db.prepare<[string], BindingRow>(
    `SELECT b.id AS bindingId, j.id AS jurorId, j.name, j.is_chair AS isChair, j.competition_id AS competitionId,
            b.pin_hash IS NOT NULL AS pinSet, b.locked_at IS NOT NULL AS locked, b.revoked_at IS NOT NULL AS revoked,
            b.last_seen_at AS lastSeenAt
     FROM device_bindings b JOIN jurors j ON j.id = b.juror_id WHERE b.token_hash = ?`,
  );
  const touch = db.prepare('UPDATE device_bindings SET last_seen_at = ? WHERE id = ?');
  const cache = bindingCache(db);
  return {
    byToken(hash: string): Binding | undefined {
      const cached = cache.get(hash);
      if (cached) return cached;
      const row = byToken.get(hash);
      if (!row) return undefined;
      const binding = { ...row, isChair: row.isChair === 1, pinSet: row.pinSet === 1, locked: row.locked === 1, revoked: row.revoked === 1 };
      if (cache.size >= MAX_CACHED_BINDINGS) cache.clear();
      cache.set(hash, binding);
      return binding;
    },
    touch(binding: Binding, at: Date) {
      const iso = at.toISOString();
      touch.run(iso, binding.bindingId);
      binding.lastSeenAt = iso;
    },
  };
}

/** The device token: an explicit `Authorization: Bearer` wins over the ambient HttpOnly cookie. */
function deviceToken(c: Context): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1] ?? getCookie(c, DEVICE_COOKIE);
}

/**
 * Which tablets a route admits besides a live one with a PIN. Only the routes that get a tablet
 * to its PIN (choose it, unbind, read who it is bound to) say `withoutPin`; only the binding's
 * status says `whenLocked`, so a locked tablet can notice the organiser's reset.
 */
export interface JurorGate {
  withoutPin?: boolean;
  whenLocked?: boolean;
}

/** What a tablet without a PIN gets from every route that needs one (the chair's included). */
export const pinRequired = () =>
  new AppError(403, 'PIN_REQUIRED', "Choose this tablet's PIN first: no juror route answers before the tablet has one");

/**
 * Lets the request through only from a live device binding (not revoked, not locked) that has
 * its PIN, and puts the juror on the context; everything a juror route reads is then scoped to
 * that juror and their competition. The invitation link alone is not enough: until the tablet
 * has a PIN (its own, or the juror's typed at the link) it reaches nothing but its PIN set-up.
 * Each contact (at most every 10 s) is recorded and published as `contact` for the organiser's
 * live board.
 */
export function requireJuror({ db, clock, live }: Deps, gate: JurorGate = {}) {
  const q = bindingQueries(db);
  return createMiddleware<JurorEnv>(async (c, next) => {
    const token = deviceToken(c);
    const row = token ? q.byToken(hashToken(token)) : undefined;
    if (!row || row.revoked) {
      throw new AppError(401, 'UNAUTHENTICATED', 'This tablet is not bound to a juror; open your invitation link again');
    }
    const { bindingId, jurorId, name, isChair, competitionId, pinSet, locked, lastSeenAt } = row;
    if (locked && !gate.whenLocked) {
      throw new AppError(423, 'BINDING_LOCKED', 'This tablet is locked after too many wrong PINs; ask the organiser to reset it');
    }
    if (!pinSet && !gate.withoutPin) throw pinRequired();
    const now = clock.now();
    if (!lastSeenAt || now.getTime() - Date.parse(lastSeenAt) >= LAST_SEEN_RESOLUTION_MS) {
      q.touch(row, now);
      const data: ContactEvent = { jurorId, bindingId, at: now.toISOString() };
      live.publish(competitionId, { type: 'contact', data });
    }
    c.set('juror', { id: jurorId, name, isChair, competitionId, bindingId, pinSet, locked });
    await next();
  });
}
