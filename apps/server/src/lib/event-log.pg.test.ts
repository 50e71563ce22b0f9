import { migratePostgres } from '../db/postgres/migrate.js';
import { PostgresStorage } from '../db/storage.js';
import { describeEventLogContract } from '../testing/event-log-contract.js';
import { freshDatabase } from '../testing/postgres.js';

describeEventLogContract('PostgreSQL', async () => {
  const db = await freshDatabase();
  await migratePostgres(db.sql);
  // Two pools on one database: two server processes.
  return { first: new PostgresStorage(db.connect()), second: new PostgresStorage(db.connect()), cleanup: db.drop };
});
