import type { Db } from '../db/open-db.js';

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Job {
  work: () => unknown;
  settle: (outcome: Outcome) => void;
}

/**
 * Group commit (docs/decisions/010-score-submission-path.md): write jobs that reach the server
 * during one turn of the event loop run in a single SQLite transaction, each inside its own
 * savepoint, and each caller's promise settles only once that transaction has committed.
 *
 * - A job is all or nothing: if it throws, its savepoint is rolled back and only its caller gets
 *   the error; the other jobs of the group are unaffected.
 * - Nothing is acknowledged before the commit: if the commit fails, or SQLite rolls the whole
 *   transaction back (disk full, I/O error), every caller of the group gets the error and nothing
 *   of the group is stored.
 * - Jobs run in arrival order and see each other's writes, exactly as one transaction per job
 *   would; a job is synchronous (better-sqlite3), so nothing else runs between its statements.
 *
 * It pays the commit (WAL frames, locks) once per group instead of once per request.
 */
export function groupCommit(db: Db): <T>(work: () => T) => Promise<T> {
  let queue: Job[] = [];

  const inSavepoint = db.transaction((work: () => unknown) => work());
  const runGroup = db.transaction((jobs: Job[]): Outcome[] =>
    jobs.map((job): Outcome => {
      try {
        return { ok: true, value: inSavepoint(job.work) };
      } catch (error) {
        // SQLite ends the whole transaction on some errors (disk full, I/O): then every job of the
        // group fails, and no later job may run outside the transaction.
        if (!db.inTransaction) throw error;
        return { ok: false, error };
      }
    }),
  );

  function flush() {
    const jobs = queue;
    queue = [];
    let outcomes: Outcome[];
    try {
      outcomes = runGroup(jobs);
    } catch (error) {
      outcomes = jobs.map(() => ({ ok: false, error }));
    }
    jobs.forEach((job, i) => job.settle(outcomes[i] ?? { ok: false, error: new Error('group commit lost a job') }));
  }

  return <T>(work: () => T) =>
    new Promise<T>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ work, settle: (o) => (o.ok ? resolve(o.value as T) : reject(o.error)) });
    });
}
