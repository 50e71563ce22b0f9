import { BackupResponseSchema, CompetitionExportSchema, CompetitionImportResponseSchema, IdParamSchema } from '@palmares/contract';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppEnv, Deps } from '../../deps.js';
import { assertBackupAllowed, backupDatabase, backupPath } from '../../lib/backup.js';
import { exportCompetition, importCompetition } from '../../lib/competition-transfer.js';
import { AppError } from '../../lib/errors.js';
import { validate } from '../../lib/validate.js';
import { requireCompetitionOrganiser } from '../../middleware/competition-access.js';
import { requireOrganiser } from '../../middleware/session.js';
import { responses } from '../deliberation/openapi.js';

const tags = ['admin'];

/**
 * Mounted at /admin: an online backup of the database (written on the server, next to the
 * database, never sent over the network), and a competition exported and imported as one JSON
 * document (docs/security.md says who may do what).
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
        summary: 'Import an exported competition (ids kept) into a database that does not hold it; the caller runs it',
        responses: responses(201, CompetitionImportResponseSchema, 'Imported', { 400: 'Not a competition document', 409: 'Ids already used here' }),
      }),
      requireOrganiser(deps),
      validate('json', CompetitionExportSchema),
      (c) => c.json(importCompetition(db, c.req.valid('json'), c.get('user').id, clock.now()), 201),
    );
}
