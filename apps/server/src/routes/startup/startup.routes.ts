import { LangSchema, StartupPageSchema, StartupTokenParamSchema, TranslatedSchema, type StartupPage } from '@palmares/contract';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { overrideOf } from '../rounds/overrides.js';
import type { AppEnv, Deps } from '../../deps.js';
import { notFound } from '../../lib/errors.js';
import { parseJsonColumn } from '../../lib/json-column.js';
import { validate } from '../../lib/validate.js';
import { responses } from '../deliberation/openapi.js';
import { snapshotQueries } from '../results/snapshot.queries.js';
import { startupQueries } from './startup.queries.js';
import { startupResult } from './startup.result.js';

/**
 * The startup's page, by its private link (`/s/<token>`), with no session: only its own data,
 * and only what has been published (its status and pitch slot before, its result after).
 */
const overrideView = (o: ReturnType<typeof overrideOf>) => (o ? { side: o.side, grounds: o.grounds, reason: o.reason } : null);

export function startupRoutes({ db }: Deps) {
  const q = startupQueries(db);
  const snapshots = snapshotQueries(db);
  return new Hono<AppEnv>().get(
    '/:token',
    describeRoute({ tags: ['startup'], summary: 'A startup’s status, and once published its own result', responses: responses(200, StartupPageSchema, 'The page', { 404: 'Unknown link' }) }),
    validate('param', StartupTokenParamSchema),
    (c) => {
      const row = q.byToken(c.req.valid('param').token);
      if (!row) throw notFound('Startup');
      const shortlistPublished = q.shortlistPublished(row.competition_id);
      const slot = shortlistPublished ? q.finalSlot(row.competition_id, row.id) : undefined;
      const published = slot ? snapshots.publishedFinal(row.competition_id) : undefined;
      const result = published ? startupResult(q, row, published) : null;
      const page: StartupPage = {
        competition: { name: row.competition_name, languages: parseJsonColumn(z.array(LangSchema), row.languages), defaultLanguage: row.default_language },
        startup: { name: row.name, axis: { code: row.axis_code, color: row.axis_color, labels: parseJsonColumn(TranslatedSchema, row.axis_labels) } },
        status: result ? 'results' : !shortlistPublished ? 'registered' : slot ? 'shortlisted' : 'not-shortlisted',
        pitch: slot?.pitch_position ? { position: slot.pitch_position, of: slot.of } : null,
        result,
        override: shortlistPublished ? overrideView(overrideOf(db, row.id)) : null,
      };
      c.header('Cache-Control', 'no-store');
      c.header('Referrer-Policy', 'no-referrer');
      return c.json(page, 200);
    },
  );
}
