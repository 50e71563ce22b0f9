import type { Context } from 'hono';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';

/** Organiser sign-in: at most 10 failed tries per email and address in 15 minutes. */
export const LOGIN_POLICY = { attempts: 10, windowMs: 15 * 60 * 1000 } as const;
/** Memory stays bounded whatever an attacker sends: the oldest keys go first. */
const MAX_KEYS = 10_000;

/** The caller's address as the socket saw it (absent in `app.request` tests). */
export function remoteAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/**
 * Counts failed sign-ins per (email, address) in a sliding window, in memory: a restart forgets
 * them, which only helps an attacker who can restart the server. A try is counted before the
 * slow hash is checked, so parallel tries cannot beat the limit; a success takes its try back.
 */
export function loginLimiter(clock: Clock, policy = LOGIN_POLICY) {
  const tries = new Map<string, number[]>();
  const recent = (key: string, now: number) => (tries.get(key) ?? []).filter((t) => t > now - policy.windowMs);

  return {
    /** Records a try, or throws 429 RATE_LIMITED (with Retry-After) when the window is full. */
    begin(c: Context, key: string): number {
      const now = clock.now().getTime();
      const inWindow = recent(key, now);
      if (inWindow.length >= policy.attempts) {
        const retryS = Math.max(1, Math.ceil(((inWindow[0] ?? now) + policy.windowMs - now) / 1000));
        c.header('Retry-After', String(retryS));
        throw new AppError(429, 'RATE_LIMITED', 'Too many failed sign-ins: wait a few minutes', [
          { path: 'email', rule: 'rate_limited', message: `Try again in ${retryS} s` },
        ]);
      }
      inWindow.push(now);
      tries.delete(key);
      tries.set(key, inWindow);
      if (tries.size > MAX_KEYS) tries.delete(tries.keys().next().value ?? '');
      return now;
    },
    /** A successful sign-in takes its own try back. */
    forgive(key: string, at: number): void {
      const left = [...(tries.get(key) ?? [])];
      const i = left.indexOf(at);
      if (i >= 0) left.splice(i, 1);
      if (left.length === 0) tries.delete(key);
      else tries.set(key, left);
    },
  };
}
