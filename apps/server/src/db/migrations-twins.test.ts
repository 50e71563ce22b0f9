import { expect, test } from 'vitest';
import { sqliteMigrationNames } from './migrate.js';
import { postgresMigrationNames } from './postgres/migrate.js';

// Decision 023: every migration exists for both engines under the same name, so a database of
// either engine at migration N has the same schema in meaning. The schemas themselves are compared
// column by column against a real PostgreSQL in postgres/migrate.pg.test.ts.
test('every SQLite migration has its PostgreSQL twin, numbered and named the same, and no other', () => {
  expect(postgresMigrationNames()).toEqual(sqliteMigrationNames());
});
