import { createApp } from './app.js';
import { openDb, type Db } from './db/open-db.js';
import { fixedClock } from './lib/clock.js';
import { hashSecret } from './lib/tokens.js';

/** A fresh, migrated in-memory database and the app over it, with a steppable clock. */
export function testApp() {
  const db = openDb(':memory:');
  const clock = fixedClock('2026-06-13T09:00:00Z');
  const app = createApp({ db, clock });
  return { db, clock, app };
}

export async function insertOrganiser(db: Db, email = 'org@example.com', password = 'correct horse battery') {
  const hash = await hashSecret(password);
  const id = Number(
    db.prepare('INSERT INTO users (email, name, password_hash, created_at) VALUES (?, ?, ?, ?)')
      .run(email, 'Org', hash, '2026-01-01T00:00:00Z').lastInsertRowid,
  );
  return { id, email, password };
}

type App = ReturnType<typeof createApp>;

/** Signs in through the real route and returns the Cookie header for later requests. */
export async function login(app: App, email: string, password: string): Promise<string> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}

export function postJson(app: App, path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A digest of every table's rows, to prove a refused request changed nothing. */
export function dbDigest(db: Db): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
}
