import {
  BackupFileParamSchema,
  BackupListResponseSchema,
  BackupResponseSchema,
  CompetitionExportSchema,
  CompetitionImportQuerySchema,
  CompetitionImportResponseSchema,
  IdParamSchema,
} from '@palmares/contract';
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppEnv, Deps } from '../../deps.js';
import { assertBackupAllowed, backupDatabase, backupFile, backupPath, backupPolicy, listBackups } from '../../lib/backup.js';
import { exportCompetition, importCompetition } from '../../lib/competition-transfer.js';
import { AppError, notFound } from '../../lib/errors.js';
import { appendEvent } from '../../lib/event-log.js';
import { validate } from '../../lib/validate.js';
import { requireCompetitionOrganiser } from '../../middleware/competition-access.js';
import { requireOrganiser } from '../../middleware/session.js';
import { responses } from '../deliberation/openapi.js';

const tags = ['admin'];

/**
 * Mounted at /admin: an online backup of the database (written on the server, next to the
 * database), the list of backups and one downloaded by its name (logged), and a competition
 * exported and imported as one JSON document, the import checked first by a dry run
 * (docs/security.md says who may do what).
 */
export function adminRoutes(deps: Deps) {
  const { db, clock } = deps;
  return new Hono<AppEnv>()
    .post(
      '/backup',
      describeRoute({
        tags,
        summary: "Back the database up online into backups/ beside it (SQLite's backup API, folder 700, file 600), checked before it is reported; one a minute, the newest BACKUPS_KEEP kept",
        responses: responses(201, BackupResponseSchema, 'The checked copy, by file name', { 409: 'An in-memory database has no file to copy', 429: 'RATE_LIMITED: a backup was taken less than a minute ago' }),
      }),
      requireOrganiser(deps),
      async (c) => {
        if (db.memory) throw new AppError(409, 'CONFLICT', 'This server runs on an in-memory database: there is nothing to back up');
        const now = clock.now();
        assertBackupAllowed(db, now, (seconds) => c.header('Retry-After', String(seconds)));
        const report = await backupDatabase(db, backupPath(db, now));
        return c.json({ ...report, takenAt: now.toISOString() }, 201);
      },
    )
    .get(
      '/backups',
      describeRoute({ tags, summary: 'The backups kept beside the database, newest first (name, size, time taken)', responses: responses(200, BackupListResponseSchema, 'The backups') }),
      requireOrganiser(deps),
      (c) => c.json({ backups: listBackups(db), keep: backupPolicy.keep, minIntervalSeconds: Math.round(backupPolicy.minIntervalMs / 1000) }, 200),
    )
    .get(
      '/backups/:file',
      describeRoute({
        tags,
        summary: 'Download one backup by its file name (a name the list gives, never a path); logged',
        responses: { 200: { description: 'The SQLite file (application/vnd.sqlite3)' }, 404: { description: 'No backup of that name' } },
      }),
      requireOrganiser(deps),
      validate('param', BackupFileParamSchema),
      (c) => {
        const { file } = c.req.valid('param');
        const path = backupFile(db, file);
        if (!path) throw notFound('Backup');
        appendEvent(db, { competitionId: null, actor: `user:${c.get('user').id}`, type: 'backup.downloaded', payload: { file }, at: clock.now() });
        c.header('Content-Type', 'application/vnd.sqlite3');
        c.header('Content-Length', String(statSync(path).size));
        c.header('Content-Disposition', `attachment; filename="${file}"`);
        c.header('Cache-Control', 'no-store');
        return c.body(Readable.toWeb(createReadStream(path)) as ReadableStream, 200);
      },
    )
    .get(
      '/competitions/:id/export.json',
      describeRoute({ tags, summary: 'The whole competition as one JSON document (no accounts, no tablets)', responses: responses(200, CompetitionExportSchema, 'The document') }),
      requireCompetitionOrganiser(deps),
      validate('param', IdParamSchema),
      (c) => {
        const doc = exportCompetition(db, c.req.valid('param').id, clock.now());
        c.header('Content-Disposition', `attachment; filename="competition-${doc.competitionId}.json"`);
        c.header('Cache-Control', 'no-store');
        return c.json(doc, 200);
      },
    )
    .post(
      '/competitions/import',
      describeRoute({
        tags,
        summary: 'Import an exported competition (ids kept) into a database that does not hold it; the caller runs it. With ?dryRun=true every check runs and nothing is written',
        responses: {
          ...responses(201, CompetitionImportResponseSchema, 'Imported', { 400: 'Not a competition document', 409: 'Ids already used here' }),
          ...responses(200, CompetitionImportResponseSchema, 'Dry run: every check passed; nothing was written'),
        },
      }),
      requireOrganiser(deps),
      validate('query', CompetitionImportQuerySchema),
      validate('json', CompetitionExportSchema),
      (c) => {
        const dryRun = c.req.valid('query').dryRun === 'true';
        const result = importCompetition(db, c.req.valid('json'), c.get('user').id, clock.now(), { dryRun });
        return c.json(result, dryRun ? 200 : 201);
      },
    );
}
