import { LangSchema, ResultsIdParamSchema, ResultsWinnersSchema, TranslatedSchema, type ResultsWinners } from '@palmares/contract';
import type { RankResult } from '@palmares/ranking';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv, Deps } from '../../deps.js';
import { parseJsonColumn } from '../../lib/json-column.js';
import { validate } from '../../lib/validate.js';
import { prizePlaces } from '../../results/prizes.js';
import { prizeRules } from '../../results/rule-notes.js';
import { responses } from '../deliberation/openapi.js';
import { snapshotQueries } from '../results/snapshot.queries.js';

/** What anyone may see without signing in: the winners, once published (public page, ceremony). */
export function publicRoutes({ db }: Deps) {
  const snapshots = snapshotQueries(db);
  const competition = db.prepare<[number], { id: number; name: string; languages: string; default_language: string }>(
    'SELECT id, name, languages, default_language FROM competitions WHERE id = ?',
  );
  const axes = db.prepare<[number], { code: string; color: string; labels: string }>('SELECT code, color, labels FROM axes WHERE competition_id = ? ORDER BY position');
  const names = db.prepare<[number], { id: number; name: string; axis: string }>(
    'SELECT e.id, e.name, a.code AS axis FROM entrants e JOIN axes a ON a.id = e.axis_id WHERE e.competition_id = ?',
  );
  return new Hono<AppEnv>().get(
    '/competitions/:id/winners',
    describeRoute({ tags: ['public'], summary: 'The award winners in prize order, once the results are published', responses: responses(200, ResultsWinnersSchema.nullable(), 'The winners; null while nothing is published (or no such competition)') }),
    validate('param', ResultsIdParamSchema),
    (c) => {
      const { id } = c.req.valid('param');
      const comp = competition.get(id);
      const snapshot = comp ? snapshots.publishedFinal(id) : undefined;
      // An unknown competition and unpublished results look the same: nothing to show yet. That is
      // an answer, not an error: the winners page and the ceremony wait without a failing request.
      if (!comp || !snapshot?.publishedAt) return c.json(null, 200);
      const byId = new Map(names.all(id).map((e) => [String(e.id), e]));
      const body: ResultsWinners = {
        competition: { id: comp.id, name: comp.name, languages: parseJsonColumn(z.array(LangSchema), comp.languages), defaultLanguage: comp.default_language },
        axes: axes.all(id).map((a) => ({ code: a.code, color: a.color, labels: parseJsonColumn(TranslatedSchema, a.labels) })),
        publishedAt: snapshot.publishedAt,
        rules: prizeRules(snapshot.input as { selection?: { count: number; axisMax?: number } }),
        places: prizePlaces(snapshot.result as unknown as RankResult).map((p) => ({
          place: p.place,
          exAequo: p.exAequo,
          winners: p.entrants.map((e) => ({ entrantId: Number(e), name: byId.get(e)?.name ?? e, axisCode: byId.get(e)?.axis ?? '' })),
        })),
      };
      return c.json(body, 200);
    },
  );
}
