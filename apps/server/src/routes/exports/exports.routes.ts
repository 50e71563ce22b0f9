import { ResultsExportQuerySchema, ResultsIdParamSchema } from '@palmares/contract';
import { formatDisplay, type RankResult } from '@palmares/ranking';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppEnv, Deps } from '../../deps.js';
import { AppError } from '../../lib/errors.js';
import { validate } from '../../lib/validate.js';
import { requireCompetitionOrganiser } from '../../middleware/competition-access.js';
import { totalOf } from '../../results/corrected.js';
import { toText } from '../../results/numbers.js';
import { roundDecisions, roundResult } from '../../results/round-result.js';
import { resultsCsv } from './results-csv.js';
import { snapshotQueries } from '../results/snapshot.queries.js';
import { toCsv, type Cell } from '../../lib/csv.js';
import { exportQueries } from './exports.queries.js';

const LOCALES = { fr: 'fr-FR', en: 'en-GB', ar: 'ar-MA' } as const;
const csvDoc = { 200: { description: 'text/csv; UTF-8 with BOM, semicolons', content: { 'text/csv': { schema: { type: 'string' as const } } } } };

/** The organiser's CSV exports, mounted at /competitions/:id/exports. */
export function exportRoutes(deps: Deps) {
  const { db } = deps;
  const q = exportQueries(db);
  const snapshots = snapshotQueries(db);
  const decimal = (lang: keyof typeof LOCALES) => (text: string | null): Cell =>
    text === null ? null : { decimal: formatDisplay(text, { locale: LOCALES[lang], decimals: 2 }) ?? text };
  const send = (c: { header(n: string, v: string): void; body(b: string, s: 200): Response }, name: string, csv: string) => {
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${name}"`);
    return c.body(csv, 200);
  };

  return new Hono<AppEnv>()
    .use(requireCompetitionOrganiser(deps))
    .get(
      '/scorecards.csv',
      describeRoute({ tags: ['exports'], summary: 'Every scorecard of every round, recusals included, with the chair’s corrections', responses: csvDoc }),
      validate('param', ResultsIdParamSchema),
      validate('query', ResultsExportQuerySchema),
      (c) => {
        const { id } = c.req.valid('param');
        const lang = c.req.valid('query').lang ?? (q.defaultLanguage(id) as keyof typeof LOCALES);
        const criteria = q.criteria(id);
        const fix = decimal(lang);
        const corrections = q.corrections(id);
        const rows = q.scorecards(id).map((r): Cell[] => {
          const byId = r.scores ? (JSON.parse(r.scores) as Record<string, number>) : {};
          const scores = Object.fromEntries(criteria.map((k) => [k.code, byId[String(k.id)] ?? 0]));
          const complete = criteria.every((k) => byId[String(k.id)] !== undefined);
          const mine = corrections.filter((k) => k.juror_id === r.juror_id && k.entrant_id === r.entrant_id && k.round_kind === r.round_kind);
          return [
            r.round_kind, r.juror_name, r.entrant_name, r.axis, r.status,
            ...criteria.map((k) => byId[String(k.id)] ?? null),
            complete ? fix(toText(totalOf({ criteria: criteria.map((k) => ({ id: k.code, weight: k.weight })) }, scores))) : null,
            mine.map((k) => `${k.code}: ${k.old_value} → ${k.new_value} (${k.reason})`).join(' | '),
            r.feedback, r.submitted_at,
          ];
        });
        const header = ['round', 'juror', 'startup', 'axis', 'status', ...criteria.map((k) => `${k.code} (×${k.weight})`), 'total', 'corrections', 'feedback', 'submitted_at'];
        return send(c, `scorecards-${id}.csv`, toCsv([header, ...rows]));
      },
    )
    .get(
      '/results.csv',
      describeRoute({ tags: ['exports'], summary: 'A round’s ranking (the final’s snapshot when one exists)', responses: csvDoc }),
      validate('param', ResultsIdParamSchema),
      validate('query', ResultsExportQuerySchema),
      (c) => {
        const { id } = c.req.valid('param');
        const query = c.req.valid('query');
        const lang = query.lang ?? (q.defaultLanguage(id) as keyof typeof LOCALES);
        const kind = query.round ?? 'final';
        const round = q.round(id, kind);
        if (!round || (round.state !== 'closed' && round.state !== 'confirmed')) {
          throw new AppError(409, 'CONFLICT', 'Results exist once the round is closed', [{ path: 'round', rule: 'round-closed', message: `${kind} is not closed` }]);
        }
        const snapshot = kind === 'final' ? snapshots.latest(round.id) : undefined;
        const result = snapshot ? (snapshot.result as unknown as RankResult) : roundResult(db, round.id).result;
        const axes = q.axes(id);
        const { header, rows } = resultsCsv({
          lang,
          final: kind === 'final',
          result,
          names: q.names(id),
          axisLabel: (code) => axes.get(code)?.[lang] ?? code,
          decisions: snapshot ? snapshot.chairDecisions : roundDecisions(db, round.id),
          status: snapshot ? { publishedAt: snapshot.publishedAt, createdAt: snapshot.createdAt } : null,
        });
        return send(c, `results-${kind}-${id}.csv`, toCsv([header, ...rows]));
      },
    );
}
