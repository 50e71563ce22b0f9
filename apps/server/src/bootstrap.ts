import type { Db } from './db/open-db.js';
import type { Env } from './env.js';
import { appendEvent } from './lib/event-log.js';
import { hashSecret } from './lib/tokens.js';

/**
 * Outside demo mode there is no default password: the first organiser comes from the
 * environment (ORGANISER_EMAIL, ORGANISER_PASSWORD) and only when no user exists yet.
 */
export async function ensureFirstOrganiser(db: Db, env: Env, now = new Date()): Promise<'created' | 'exists' | 'missing'> {
  const count = db.prepare('SELECT COUNT(*) FROM users').pluck().get() as number;
  if (count > 0) return 'exists';
  if (!env.ORGANISER_EMAIL || !env.ORGANISER_PASSWORD) {
    console.warn('No organiser yet: set ORGANISER_EMAIL and ORGANISER_PASSWORD to create the first one.');
    return 'missing';
  }
  const hash = await hashSecret(env.ORGANISER_PASSWORD);
  db.transaction(() => {
    const id = db
      .prepare('INSERT INTO users (email, name, password_hash, created_at) VALUES (?, ?, ?, ?)')
      .run(env.ORGANISER_EMAIL, env.ORGANISER_NAME, hash, now.toISOString()).lastInsertRowid;
    appendEvent(db, { competitionId: null, actor: 'system', type: 'user.created', payload: { userId: Number(id) }, at: now });
  })();
  return 'created';
}
