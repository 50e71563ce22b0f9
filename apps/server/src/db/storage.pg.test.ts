import { freshDatabase } from '../testing/postgres.js';
import { describeStorageContract } from '../testing/storage-contract.js';
import { PostgresStorage } from './storage.js';

describeStorageContract('PostgreSQL', async () => {
  const db = await freshDatabase();
  return { storage: new PostgresStorage(db.connect()), cleanup: db.drop };
});
