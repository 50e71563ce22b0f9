import type { Context } from 'hono';
import type { Db } from '../../db/open-db.js';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';

/**
 * Organiser sign-in: at most 10 failed tries per account (whatever the address) and 30 per
 * address (whatever the account) in 15 minutes. The address allows more, so one organiser's typos
 * do not lock a colleague out at the same venue; changing address does not reset an account.
 */
export const LOGIN_POLICY = { attempts: 10, addressAttempts: 30, windowMs: 15 * 60 * 1000 } as const;

/** The caller's address as the socket saw it (absent in `app.request` tests). */
export function remoteAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

export interface AttemptPolicy {
  /** Tries per account in the window. */
  attempts: number;
  /** Tries per address in the window. */
  addressAttempts: number;
  windowMs: number;
}

/**
 * Failed tries counted in the database (`auth_failures`, migration 0013), per account and per
 * address, in a sliding window: a restart forgets nothing and no number of junk addresses evicts
 * an account's count. A try is recorded before the slow hash is checked, inside one synchronous
 * transaction with its count, so parallel tries cannot beat the limit; a success takes its own
 * try back. `scope` names the action (`login`; the same for a password reset when it exists).
 */
export function attemptLimiter(db: Db, clock: Clock, scope: string, policy: AttemptPolicy = LOGIN_POLICY) {
  const prune = db.prepare<[string]>('DELETE FROM auth_failures WHERE at <= ?');
  const inWindow = db.prepare<[string, string, string], { count: number; oldest: string | null }>(
    'SELECT COUNT(*) AS count, MIN(at) AS oldest FROM auth_failures WHERE scope = ? AND key = ? AND at > ?',
  );
  const record = db.prepare<[string, string, string]>('INSERT INTO auth_failures (scope, key, at) VALUES (?, ?, ?)');
  const forgive = db.prepare<[number]>('DELETE FROM auth_failures WHERE rowid = ?');

  const begin = db.transaction((c: Context, account: string, address: string): number[] => {
    const now = clock.now();
    const since = new Date(now.getTime() - policy.windowMs).toISOString();
    prune.run(since);
    const limits = [
      { key: `${scope}:account`, value: account, max: policy.attempts },
      { key: `${scope}:address`, value: address, max: policy.addressAttempts },
    ];
    for (const { key, value, max } of limits) {
      const { count, oldest } = inWindow.get(key, value, since) ?? { count: 0, oldest: null };
      if (count >= max) {
        const retryS = Math.max(1, Math.ceil((Date.parse(oldest ?? now.toISOString()) + policy.windowMs - now.getTime()) / 1000));
        c.header('Retry-After', String(retryS));
        throw new AppError(429, 'RATE_LIMITED', 'Too many failed sign-ins: wait a few minutes', [
          { path: 'email', rule: 'rate_limited', message: `Try again in ${retryS} s` },
        ]);
      }
    }
    return limits.map(({ key, value }) => Number(record.run(key, value, now.toISOString()).lastInsertRowid));
  });

  return {
    /** Records a try for the account and the address, or throws 429 RATE_LIMITED (with Retry-After). */
    begin: (c: Context, account: string, address: string) => begin(c, account.trim().toLowerCase(), address),
    /** A successful try takes its own rows back. */
    forgive(tries: number[]): void {
      for (const id of tries) forgive.run(id);
    },
  };
}
