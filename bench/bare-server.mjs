// The baseline of the score-submission benchmark: bare Hono + better-sqlite3, one prepared INSERT
// per request, with the server's durability settings (WAL, synchronous=NORMAL, as
// apps/server/src/db/open-db.ts). No auth, no validation, no event log.
// Env: PORT, DATABASE_PATH.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../apps/server/package.json', import.meta.url));
const Database = require('better-sqlite3');
const { Hono } = require('hono');
const { serve } = require('@hono/node-server');

const db = new Database(process.env.DATABASE_PATH);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`CREATE TABLE IF NOT EXISTS changes (
  id INTEGER PRIMARY KEY, entrant_id INTEGER NOT NULL, criterion TEXT NOT NULL,
  value INTEGER NOT NULL, revision INTEGER NOT NULL, received_at TEXT NOT NULL)`);
const insert = db.prepare('INSERT INTO changes (entrant_id, criterion, value, revision, received_at) VALUES (?, ?, ?, ?, ?)');

const write = db.transaction((changes, at) => {
  for (const ch of changes) insert.run(ch.entrantId, ch.criterion, ch.value, ch.revision, at);
});

const app = new Hono();
app.get('/health', (c) => c.json({ ok: true }));
app.post('/changes', async (c) => {
  const { changes } = await c.req.json();
  const at = new Date().toISOString();
  write(changes, at);
  return c.json({ applied: changes.length }, 200);
});
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
process.on('SIGTERM', () => {
  db.close();
  process.exit(0);
});
