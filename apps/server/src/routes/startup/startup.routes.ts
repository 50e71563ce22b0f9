import { LangSchema, StartupPageSchema, StartupTokenParamSchema, TranslatedSchema, type StartupPage } from '@palmares/contract';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { RankResult } from '@palmares/ranking';
import { overrideOf } from '../rounds/overrides.js';
import type { AppEnv, Deps } from '../../deps.js';
import type { RoundRankingInput } from '../../results/ranking-input.js';
import { notFound } from '../../lib/errors.js';
import { parseJsonColumn } from '../../lib/json-column.js';
import { validate } from '../../lib/validate.js';
import { responses } from '../deliberation/openapi.js';
import { snapshotQueries } from '../results/snapshot.queries.js';
import { startupQueries } from './startup.queries.js';
import { roundResult } from '../../results/round-result.js';
import { startupResult, startupRound1 } from './startup.result.js';

/**
 * The startup's page, by its private link (`/s/<token>`), with no session: only its own data,
 * and only what has been published (its status and pitch slot before, its result after).
 */
const overrideView = (o: ReturnType<typeof overrideOf>) => (o ? { side: o.side, grounds: o.grounds, reason: o.reason } : null);

export function startupRoutes({ db }: Deps) {
  const q = startupQueries(db);
  const snapshots = snapshotQueries(db);
  // Round 1 as confirmed: its snapshot when the screens confirmed it, else the frozen round itself.
  const round1Of = (row: NonNullable<ReturnType<typeof q.byToken>>) => {
    const round = q.publishedShortlist(row.competition_id);
    if (!round) return null;
    const snapshot = snapshots.latest(round.id);
    const stored = snapshot
      ? { input: snapshot.input as unknown as RoundRankingInput, result: snapshot.result as unknown as RankResult, decisions: snapshot.chairDecisions }
      : roundResult(db, round.id);
    return startupRound1(q, row, { id: round.id, ...stored });
  };
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
      const round1 = shortlistPublished && !slot && row.round1_feedback === 1 ? round1Of(row) : null;
      const page: StartupPage = {
        competition: { name: row.competition_name, languages: parseJsonColumn(z.array(LangSchema), row.languages), defaultLanguage: row.default_language },
        startup: { name: row.name, axis: { code: row.axis_code, color: row.axis_color, labels: parseJsonColumn(TranslatedSchema, row.axis_labels) } },
        status: result ? 'results' : !shortlistPublished ? 'registered' : slot ? 'shortlisted' : 'not-shortlisted',
        pitch: slot?.pitch_position ? { position: slot.pitch_position, of: slot.of } : null,
        result,
        round1,
        override: shortlistPublished ? overrideView(overrideOf(db, row.id)) : null,
      };
      c.header('Cache-Control', 'no-store');
      c.header('Referrer-Policy', 'no-referrer');
      return c.json(page, 200);
    },
  );
}
