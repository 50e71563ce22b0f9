import { createMiddleware } from 'hono/factory';
import type { AppEnv, Deps } from '../deps.js';
import type { Db } from '../db/open-db.js';
import { AppError, notFound } from '../lib/errors.js';
import { requireOrganiser } from './session.js';

/**
 * Lets the request through only for an organiser of the competition named by `:id`. Anyone else
 * gets 404, as if it did not exist: another organiser's competition is not disclosed.
 */
export function requireCompetitionOrganiser(deps: Deps) {
  const session = requireOrganiser(deps);
  const isOrganiser = deps.db.prepare<[number, number], number>(
    'SELECT 1 FROM competition_organisers WHERE competition_id = ? AND user_id = ?',
  ).pluck();
  return createMiddleware<AppEnv>(async (c, next) =>
    session(c, async () => {
      const id = Number(c.req.param('id'));
      if (!Number.isSafeInteger(id) || id <= 0 || !isOrganiser.get(id, c.get('user').id)) throw notFound('Competition');
      await next();
    }),
  );
}

/** The competition's id from the path, once {@link requireCompetitionOrganiser} has let it through. */
export const competitionIdOf = (c: { req: { param(name: 'id'): string | undefined } }) => Number(c.req.param('id'));

/** Refuses a change to the pre-registered rules once round 1's scoring has opened (409 SETTINGS_LOCKED). */
export function assertSettingsUnlocked(db: Db, competitionId: number): void {
  const lockedAt = db
    .prepare<[number], string | null>('SELECT settings_locked_at FROM competitions WHERE id = ?')
    .pluck()
    .get(competitionId);
  if (lockedAt) {
    throw new AppError(
      409,
      'SETTINGS_LOCKED',
      `The competition's settings are locked since ${lockedAt}, when round 1's scoring opened; they were pre-registered`,
      [{ path: 'settings', rule: 'locked', message: `locked at ${lockedAt}` }],
    );
  }
}
