import {
  EntrantAdminSchema,
  EntrantCreateSchema,
  EntrantImportRequestSchema,
  EntrantImportResponseSchema,
  EntrantListResponseSchema,
  EntrantParamSchema,
  EntrantUpdateSchema,
  IdParamSchema,
  WithdrawEntrantSchema,
} from '@palmares/contract';
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import type { AppEnv, Deps } from '../../deps.js';
import { AppError, notFound } from '../../lib/errors.js';
import { appendEvent } from '../../lib/event-log.js';
import { validate } from '../../lib/validate.js';
import { assertSettingsUnlocked, requireCompetitionOrganiser } from '../../middleware/competition-access.js';
import { toCsv } from '../../lib/csv.js';
import { entrantQueries } from './entrants.queries.js';
import { planImport } from './import.js';

const ok = (schema: Parameters<typeof resolver>[0], description: string, status = 200) => ({
  [status]: { description, content: { 'application/json': { schema: resolver(schema) } } },
});
const EXPORT_HEADER = ['name', 'axis', 'founders', 'pitch', 'contact_email', 'access_token'];

/**
 * Entrants of a competition: by hand, by CSV import (dry run first), CSV export. The list is fixed
 * once round 1's scoring opens (no additions, removals or axis moves); details stay editable, and
 * an entrant can then be withdrawn with a reason: kept, out of every ranking (decision 024).
 */
export function entrantRoutes(deps: Deps) {
  const { db, clock } = deps;
  const q = entrantQueries(db);
  const settingsLockedAt = db.prepare<[number], string | null>('SELECT settings_locked_at FROM competitions WHERE id = ?').pluck();
  const log = (competitionId: number, userId: number, type: string, payload: unknown) =>
    appendEvent(db, { competitionId, actor: `user:${userId}`, type, payload, at: clock.now() });
  const axisOf = (competitionId: number, axisId: number) => {
    if (!q.axes(competitionId).some((a) => a.id === axisId)) {
      throw new AppError(400, 'VALIDATION_FAILED', 'Unknown axis', [{ path: 'axisId', rule: 'unknown', message: `no axis ${axisId} in this competition` }]);
    }
  };
  const uniqueName = (competitionId: number, name: string, exceptId = 0) => {
    if (q.nameTaken(competitionId, name, exceptId)) {
      throw new AppError(409, 'CONFLICT', `An entrant is already called "${name}"`, [{ path: 'name', rule: 'unique', message: 'already registered' }]);
    }
  };

  return new Hono<AppEnv>()
    .use(requireCompetitionOrganiser(deps))
    .get('/', describeRoute({ tags: ['entrants'], summary: 'Entrants with their private-link tokens', responses: ok(EntrantListResponseSchema, 'The entrants') }),
      validate('param', IdParamSchema),
      (c) => c.json({ entrants: q.list(c.req.valid('param').id) }, 200))
    .post('/', describeRoute({ tags: ['entrants'], summary: 'Add an entrant by hand', responses: ok(EntrantAdminSchema, 'The entrant', 201) }),
      validate('param', IdParamSchema),
      validate('json', EntrantCreateSchema),
      (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const userId = c.get('user').id;
        const entrantId = db.transaction(() => {
          assertSettingsUnlocked(db, id);
          axisOf(id, body.axisId);
          uniqueName(id, body.name);
          const entrantId = q.insert(id, body, clock.now().toISOString());
          log(id, userId, 'entrant.created', { entrantId, ...body });
          return entrantId;
        })();
        return c.json(q.get(id, entrantId)!, 201);
      })
    .patch('/:entrantId', describeRoute({ tags: ['entrants'], summary: 'Edit an entrant', responses: ok(EntrantAdminSchema, 'The entrant') }),
      validate('param', EntrantParamSchema),
      validate('json', EntrantUpdateSchema),
      (c) => {
        const { id, entrantId } = c.req.valid('param');
        const changes = c.req.valid('json');
        const userId = c.get('user').id;
        db.transaction(() => {
          const current = q.get(id, entrantId);
          if (!current) throw notFound('Entrant');
          if (changes.axisId !== undefined && changes.axisId !== current.axisId) {
            assertSettingsUnlocked(db, id);
            axisOf(id, changes.axisId);
          }
          if (changes.name !== undefined) uniqueName(id, changes.name, entrantId);
          q.update(entrantId, { ...current, ...changes });
          log(id, userId, 'entrant.updated', { entrantId, changes });
        })();
        return c.json(q.get(id, entrantId)!, 200);
      })
    .delete('/:entrantId', describeRoute({ tags: ['entrants'], summary: 'Remove an entrant (before round 1 opens)', responses: { 204: { description: 'Removed' } } }),
      validate('param', EntrantParamSchema),
      (c) => {
        const { id, entrantId } = c.req.valid('param');
        const userId = c.get('user').id;
        db.transaction(() => {
          const current = q.get(id, entrantId);
          if (!current) throw notFound('Entrant');
          assertSettingsUnlocked(db, id);
          q.remove(entrantId);
          log(id, userId, 'entrant.removed', { entrantId, name: current.name, axisId: current.axisId });
        })();
        return c.body(null, 204);
      })
    .post('/:entrantId/withdraw', describeRoute({
      tags: ['entrants'],
      summary: 'Withdraw an entrant once round 1 has opened (kept, shown as withdrawn, out of every ranking from now on); the reason is logged',
      responses: { ...ok(EntrantAdminSchema, 'The withdrawn entrant'), 409: { description: 'CONFLICT: round 1 has not opened (remove the entrant instead), or the entrant is already withdrawn' } },
    }),
      validate('param', EntrantParamSchema),
      validate('json', WithdrawEntrantSchema),
      (c) => {
        const { id, entrantId } = c.req.valid('param');
        const { reason } = c.req.valid('json');
        const userId = c.get('user').id;
        db.transaction(() => {
          const current = q.get(id, entrantId);
          if (!current) throw notFound('Entrant');
          if (!settingsLockedAt.get(id)) {
            throw new AppError(409, 'CONFLICT', 'Round 1 has not opened: remove the entrant instead of withdrawing it', [{ path: 'entrant', rule: 'not_started', message: 'remove it instead' }]);
          }
          if (current.withdrawal) {
            throw new AppError(409, 'CONFLICT', `${current.name} was withdrawn at ${current.withdrawal.at}`, [{ path: 'entrant', rule: 'already_withdrawn', message: 'already withdrawn' }]);
          }
          q.withdraw(entrantId, reason, clock.now().toISOString());
          log(id, userId, 'entrant.withdrawn', { entrantId, name: current.name, reason });
        })();
        return c.json(q.get(id, entrantId)!, 200);
      })
    .post('/:entrantId/rotate-token', describeRoute({ tags: ['entrants'], summary: 'Give the entrant a new private link; the old one stops working', responses: ok(EntrantAdminSchema, 'The entrant') }),
      validate('param', EntrantParamSchema),
      (c) => {
        const { id, entrantId } = c.req.valid('param');
        const userId = c.get('user').id;
        db.transaction(() => {
          if (!q.get(id, entrantId)) throw notFound('Entrant');
          q.rotateToken(entrantId);
          log(id, userId, 'entrant.link-rotated', { entrantId });
        })();
        return c.json(q.get(id, entrantId)!, 200);
      })
    .post('/import', describeRoute({ tags: ['entrants'], summary: 'Import a CSV: a dry run reports each row; confirming creates the valid rows', responses: ok(EntrantImportResponseSchema, 'The per-row report') }),
      validate('param', IdParamSchema),
      validate('json', EntrantImportRequestSchema),
      (c) => {
        const { id } = c.req.valid('param');
        const { csv, dryRun } = c.req.valid('json');
        const userId = c.get('user').id;
        const report = db.transaction(() => {
          assertSettingsUnlocked(db, id);
          const plan = planImport(csv, q.axes(id), (name) => q.nameTaken(id, name));
          const at = clock.now().toISOString();
          const rows = plan.rows.map(({ entrant, ...row }) =>
            !dryRun && entrant ? { ...row, entrantId: q.insert(id, entrant, at) } : row,
          );
          const created = rows.filter((r) => r.entrantId !== null);
          if (!dryRun) log(id, userId, 'entrants.imported', { entrants: created.map((r) => ({ id: r.entrantId, name: r.name, line: r.line })) });
          return {
            dryRun,
            delimiter: plan.delimiter,
            ignoredColumns: plan.ignoredColumns,
            rows,
            toCreate: rows.filter((r) => r.status === 'create').length,
            created: created.length,
            rejected: rows.filter((r) => r.status === 'rejected').length,
          };
        })();
        return c.json(report, 200);
      })
    .get('/export', describeRoute({ tags: ['entrants'], summary: 'The entrants as CSV for a French Excel (UTF-8 BOM, semicolons)', responses: { 200: { description: 'text/csv' } } }),
      validate('param', IdParamSchema),
      (c) => {
        const { id } = c.req.valid('param');
        const rows = q.list(id).map((e) => [e.name, e.axisCode, e.founders, e.pitch, e.contactEmail, e.accessToken]);
        c.header('content-type', 'text/csv; charset=utf-8');
        c.header('content-disposition', `attachment; filename="entrants-${id}.csv"`);
        return c.body(toCsv([EXPORT_HEADER, ...rows]), 200);
      });
}
