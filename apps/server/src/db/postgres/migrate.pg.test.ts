import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../testing/postgres.js';
import { migrate, sqliteMigrationNames } from '../migrate.js';
import { migratePostgres } from './migrate.js';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

interface Column {
  table: string;
  column: string;
  type: string;
  notNull: boolean;
  primaryKey: boolean;
}

function sqliteColumns(): Column[] {
  const lite = new Database(':memory:');
  migrate(lite);
  const tables = lite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const columns = tables.flatMap((table) =>
    (lite.pragma(`table_info(${table})`) as { name: string; type: string; notnull: number; pk: number }[]).map((c) => ({
      table,
      column: c.name,
      type: c.type.toLowerCase(),
      // SQLite lets a primary-key column be NULL unless declared NOT NULL; PostgreSQL never does.
      notNull: c.notnull === 1 || c.pk > 0,
      primaryKey: c.pk > 0,
    })),
  );
  lite.close();
  return columns;
}

async function postgresColumns(sql: TestDatabase['sql']): Promise<Column[]> {
  const rows = await sql<{ table: string; column: string; type: string; not_null: boolean; primary_key: boolean }[]>`
    SELECT c.table_name AS table, c.column_name AS column, c.data_type AS type, c.is_nullable = 'NO' AS not_null,
           EXISTS (
             SELECT 1 FROM information_schema.table_constraints tc
             JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name
             WHERE tc.table_name = c.table_name AND tc.constraint_type = 'PRIMARY KEY' AND k.column_name = c.column_name
           ) AS primary_key
    FROM information_schema.columns c WHERE c.table_schema = 'public'`;
  return rows.map((r) => ({ table: r.table, column: r.column, type: r.type, notNull: r.not_null, primaryKey: r.primary_key }));
}

const byName = (a: Column, b: Column) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`);

describe('PostgreSQL migrations', () => {
  test('apply in order on an empty database, once: a second start applies nothing', async () => {
    db = await freshDatabase();
    expect(await migratePostgres(db.sql)).toBe(sqliteMigrationNames().length);
    expect(await migratePostgres(db.sql)).toBe(0);
    const names = await db.sql<{ name: string }[]>`SELECT name FROM schema_migrations ORDER BY name`;
    expect(names.map((r) => r.name)).toEqual(sqliteMigrationNames());
  });

  test('give the same schema in meaning as SQLite: the same tables, columns, types, nullability and primary keys', async () => {
    db = await freshDatabase();
    await migratePostgres(db.sql);
    expect((await postgresColumns(db.sql)).sort(byName)).toEqual(sqliteColumns().sort(byName));
  });

  test('two server processes starting together on one database migrate it once', async () => {
    db = await freshDatabase();
    const [first, second] = await Promise.all([migratePostgres(db.sql), migratePostgres(db.connect())]);
    expect(first + second).toBe(sqliteMigrationNames().length);
    const [row] = await db.sql<{ count: number }[]>`SELECT count(*)::int AS count FROM schema_migrations`;
    expect(row?.count).toBe(sqliteMigrationNames().length);
  });

  test('keep the event log append-only, as the SQLite triggers do', async () => {
    db = await freshDatabase();
    await migratePostgres(db.sql);
    await db.sql`INSERT INTO events (seq, competition_id, at, actor, type, payload, prev_hash, hash)
                 VALUES (1, NULL, '2026-12-07T00:00:00.000Z', 'system', 'test', '{}', ${'0'.repeat(64)}, ${'1'.repeat(64)})`;
    await expect(db.sql`UPDATE events SET payload = '{"forged":true}' WHERE seq = 1`).rejects.toThrow('events are append-only');
    await expect(db.sql`DELETE FROM events WHERE seq = 1`).rejects.toThrow('events are append-only');
    const [row] = await db.sql<{ payload: string }[]>`SELECT payload FROM events WHERE seq = 1`;
    expect(row?.payload).toBe('{}');
  });

  test('assign ids and compare e-mail addresses without case, as SQLite does', async () => {
    db = await freshDatabase();
    await migratePostgres(db.sql);
    const [user] = await db.sql<{ id: number }[]>`
      INSERT INTO users (email, name, password_hash, created_at) VALUES ('Karima@example.ma', 'Karima', 'x', 'now') RETURNING id`;
    expect(user?.id).toBe(1);
    await expect(db.sql`INSERT INTO users (email, name, password_hash, created_at) VALUES ('karima@EXAMPLE.ma', 'K', 'x', 'now')`).rejects.toThrow(
      /users_email_nocase/,
    );
  });

  test('hold one chair per competition, fixed once the rules are locked, as SQLite does', async () => {
    db = await freshDatabase();
    await migratePostgres(db.sql);
    const sql = db.sql;
    await sql`INSERT INTO competitions (id, name, starts_on, ends_on, languages, default_language, created_at)
              VALUES (1, 'Casablanca', '2026-12-07', '2026-12-08', '["fr"]', 'fr', 'now')`;
    const juror = (id: number, chair: number) =>
      sql`INSERT INTO jurors (id, competition_id, name, is_chair, invite_token, created_at) VALUES (${id}, 1, ${'J' + id}, ${chair}, ${'t' + id}, 'now')`;
    await juror(1, 1);
    await expect(juror(2, 1)).rejects.toThrow(/jurors_one_chair/);
    await juror(2, 0);
    await sql`UPDATE competitions SET settings_locked_at = 'now' WHERE id = 1`;
    await expect(sql`UPDATE jurors SET is_chair = 0 WHERE id = 1`).rejects.toThrow('the jury chair is fixed');
    await sql`UPDATE jurors SET name = 'Karima' WHERE id = 1`;
  });
});
