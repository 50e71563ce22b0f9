// `pnpm demo:reset`: deletes the demo database and creates the demo again, in its initial state.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDb } from '../db/open-db.js';
import { parseEnv } from '../env.js';
import { seedDemo } from './seed-demo.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const env = parseEnv(process.env, process.env.INIT_CWD ?? repoRoot);
for (const suffix of ['', '-wal', '-shm']) rmSync(env.DATABASE_PATH + suffix, { force: true });
const db = openDb(env.DATABASE_PATH);
await seedDemo(db);
db.close();
console.log(`Demo reset: ${env.DATABASE_PATH}`);
