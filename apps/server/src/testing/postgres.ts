import { randomBytes } from 'node:crypto';
import postgres, { type Sql } from 'postgres';
import { inject } from 'vitest';

export interface TestDatabase {
  /** A client on the new database. */
  sql: Sql;
  url: string;
  /** Closes every client made by `connect` and drops the database. */
  drop: () => Promise<void>;
  /** Another client on the same database (another server process's pool, say). */
  connect: () => Sql;
}

const quiet = { onnotice: () => {} };

/** A new, empty database on the run's throwaway cluster, for one test or one file. */
export async function freshDatabase(): Promise<TestDatabase> {
  const clusterUrl = inject('postgresUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(clusterUrl, { ...quiet, max: 1 });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = clusterUrl.replace(/\/[^/]+$/, `/${name}`);
  const clients: Sql[] = [];
  const connect = () => {
    const client = postgres(url, { ...quiet, max: 4 });
    clients.push(client);
    return client;
  };
  const sql = connect();
  return {
    sql,
    url,
    connect,
    drop: async () => {
      await Promise.all(clients.map((c) => c.end({ timeout: 5 })));
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end({ timeout: 5 });
    },
  };
}
