import { BACKUP_FILE_NAME } from '@palmares/contract';
import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from '../db/open-db.js';
import { AppError } from './errors.js';
import { verifyChain } from './event-log.js';

/** Pages copied per step: between steps the server keeps answering, and its writes go on. */
const PAGES_PER_STEP = 64;

export interface BackupReport {
  /** The copy's file name in the backups folder: never a path of the server's disk. */
  file: string;
  bytes: number;
  pages: number;
  integrity: string;
  eventLogEntries: number;
}

/**
 * How backups are kept (docs/security.md "Backup, export and import"): the newest `keep` copies
 * (`BACKUPS_KEEP`, 10 by default), at most one per `minIntervalMs` (`BACKUPS_MIN_INTERVAL_S`, a minute).
 */
export const backupPolicy = { keep: 10, minIntervalMs: 60_000 };
export function setBackupPolicy(policy: Partial<typeof backupPolicy>): void {
  Object.assign(backupPolicy, policy);
}

const NAME = BACKUP_FILE_NAME;

/** `backups/palmares-2026-06-13T09-00-00-000Z.sqlite` next to the database file. */
export function backupPath(db: Db, now: Date): string {
  return join(dirname(db.name), 'backups', `palmares-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
}

/** The backups in a folder, newest first, with the time their name carries. */
function backupsIn(folder: string): { name: string; at: number }[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const m = NAME.exec(name);
      return m ? { name, at: Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) } : null;
    })
    .filter((b): b is { name: string; at: number } => b !== null)
    .sort((a, b) => b.at - a.at);
}

/** The backups beside the database, newest first: name, size and when it was taken. An in-memory database has none. */
export function listBackups(db: Db): { file: string; bytes: number; takenAt: string }[] {
  if (db.memory) return [];
  const folder = dirname(backupPath(db, new Date(0)));
  return backupsIn(folder).flatMap(({ name, at }) => {
    try {
      return [{ file: name, bytes: statSync(join(folder, name)).size, takenAt: new Date(at).toISOString() }];
    } catch {
      return []; // pruned between the listing and the stat
    }
  });
}

/**
 * The path of the backup called `name`, or null. Only a name the backup folder lists and that
 * matches the backups' own pattern is ever joined to the folder: no separator, no "..", no other
 * file beside the database (docs/security.md "Backup, export and import").
 */
export function backupFile(db: Db, name: string): string | null {
  if (db.memory || !NAME.test(name)) return null;
  const folder = dirname(backupPath(db, new Date(0)));
  return backupsIn(folder).some((b) => b.name === name) ? join(folder, name) : null;
}

/**
 * Refuses a backup within `minIntervalMs` of the last one (429 with Retry-After): each copy is the whole
 * database, and a signed-in organiser must not be able to fill the disk. Read from the folder,
 * so a restart does not reset it.
 */
export function assertBackupAllowed(db: Db, now: Date, setRetryAfter: (seconds: number) => void): void {
  const last = backupsIn(dirname(backupPath(db, now)))[0];
  const wait = last ? last.at + backupPolicy.minIntervalMs - now.getTime() : 0;
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    setRetryAfter(seconds);
    throw new AppError(429, 'RATE_LIMITED', `A backup was taken moments ago (${last?.name}); try again in ${seconds} s`, [
      { path: 'backup', rule: 'rate_limited', message: `Try again in ${seconds} s` },
    ]);
  }
}

/**
 * Copies the live database with SQLite's online backup API, a few pages at a time, while the
 * server goes on writing (writes through this same connection are carried into the copy). The
 * copy is then opened on its own and checked: `PRAGMA integrity_check` and the event log's
 * hash chain. Throws when either fails, so a bad copy is never reported as a backup. The copy
 * holds password and PIN hashes and working links: its folder is 700 and the file 600, created so
 * before any byte is written. Once checked, only the newest `backupPolicy.keep` copies stay.
 */
export async function backupDatabase(db: Db, destination: string): Promise<BackupReport> {
  const folder = dirname(destination);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
  closeSync(openSync(destination, 'wx', 0o600));
  const { totalPages } = await db.backup(destination, { progress: () => PAGES_PER_STEP });
  chmodSync(destination, 0o600);
  // The copy carries the live database's WAL mode; back to a rollback journal, it is one file,
  // with no -wal or -shm companions left beside it (SQLite gives those the file's own mode).
  const copy = new Database(destination, { fileMustExist: true });
  let report: BackupReport;
  try {
    copy.pragma('journal_mode = DELETE');
    const integrity = String(copy.pragma('integrity_check', { simple: true }));
    const chain = verifyChain(copy);
    if (integrity !== 'ok' || !chain.ok) throw new Error(`backup ${basename(destination)} failed its check: integrity ${integrity}, chain ${JSON.stringify(chain)}`);
    report = { file: basename(destination), bytes: statSync(destination).size, pages: totalPages, integrity, eventLogEntries: chain.entries };
  } catch (err) {
    copy.close();
    // A copy that failed its check is no backup: it must not stay to be restored, nor push a good one out.
    unlinkSync(destination);
    throw err;
  }
  copy.close();
  for (const old of backupsIn(folder).slice(backupPolicy.keep)) unlinkSync(join(folder, old.name));
  return report;
}
