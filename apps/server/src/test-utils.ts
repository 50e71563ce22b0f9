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

/** Any way of posting JSON to the server: `app.request` in-process, or `fetch` to a real process. */
export type PostJson = (path: string, body: unknown, headers?: Record<string, string>) => Promise<Response>;

/** The PIN test tablets choose on a juror's first tablet, and type at the link on the next. */
export const TEST_PIN = '2468';

/**
 * Binds a tablet the way a juror does (docs/decisions/013-second-tablet-needs-the-pin.md): the
 * invitation link, then the PIN, chosen on the juror's first tablet or typed at the link on the
 * next. Returns the device token, which works as `Authorization: Bearer`.
 */
export async function bindWithPin(post: PostJson, inviteToken: string, pin = TEST_PIN): Promise<string> {
  let res = await post('/api/juror/bind', { inviteToken });
  if (res.status === 401) res = await post('/api/juror/bind', { inviteToken, pin });
  if (res.status !== 201) throw new Error(`bind ${inviteToken}: ${res.status} ${await res.text()}`);
  const { deviceToken, pinSet } = (await res.json()) as { deviceToken: string; pinSet: boolean };
  if (!pinSet) {
    const set = await post('/api/juror/pin', { pin }, { authorization: `Bearer ${deviceToken}` });
    if (set.status !== 200) throw new Error(`PIN for ${inviteToken}: ${set.status} ${await set.text()}`);
  }
  return deviceToken;
}

/** postJson's `PostJson` for an in-process app. */
export const inProcess = (app: App): PostJson => (path, body, headers) => Promise.resolve(postJson(app, path, body, headers));

/** A digest of every table's rows, to prove a refused request changed nothing. */
export function dbDigest(db: Db): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
}
