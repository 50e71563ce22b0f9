import type { User } from '@palmares/contract';
import type { Db } from './db/open-db.js';
import type { Clock } from './lib/clock.js';
import type { LiveHub } from './lib/live-hub.js';

/** What every route module is built from: the database and the clock. */
export interface Deps {
  db: Db;
  clock: Clock;
  /** Session cookies get `Secure` when the app is served over HTTPS. */
  secureCookies: boolean;
  /** Live updates pushed to browsers (SSE). */
  live: LiveHub;
}

export type AppEnv = {
  Variables: {
    user: User;
  };
};
