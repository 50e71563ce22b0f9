import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../db/open-db.js';
import { verifyChain } from './event-log.js';

/** Pages copied per step: between steps the server keeps answering, and its writes go on. */
const PAGES_PER_STEP = 64;

export interface BackupReport {
  file: string;
  bytes: number;
  pages: number;
  integrity: string;
  eventLogEntries: number;
}

/** `backups/palmares-2026-06-13T09-00-00-000Z.sqlite` next to the database file. */
export function backupPath(db: Db, now: Date): string {
  return join(dirname(db.name), 'backups', `palmares-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
}

/**
 * Copies the live database with SQLite's online backup API, a few pages at a time, while the
 * server goes on writing (writes through this same connection are carried into the copy). The
 * copy is then opened on its own and checked: `PRAGMA integrity_check` and the event log's
 * hash chain. Throws when either fails, so a bad copy is never reported as a backup.
 */
export async function backupDatabase(db: Db, destination: string): Promise<BackupReport> {
  mkdirSync(dirname(destination), { recursive: true });
  const { totalPages } = await db.backup(destination, { progress: () => PAGES_PER_STEP });
  const copy = new Database(destination, { readonly: true, fileMustExist: true });
  try {
    const integrity = String(copy.pragma('integrity_check', { simple: true }));
    const chain = verifyChain(copy);
    if (integrity !== 'ok' || !chain.ok) throw new Error(`backup ${destination} failed its check: integrity ${integrity}, chain ${JSON.stringify(chain)}`);
    return { file: destination, bytes: statSync(destination).size, pages: totalPages, integrity, eventLogEntries: chain.entries };
  } finally {
    copy.close();
  }
}
