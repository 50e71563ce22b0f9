import { ResultsExportQuerySchema, ResultsIdParamSchema } from '@palmares/contract';
import { formatDisplay, type RankResult } from '@palmares/ranking';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppEnv, Deps } from '../../deps.js';
import { AppError } from '../../lib/errors.js';
import { validate } from '../../lib/validate.js';
import { requireCompetitionOrganiser } from '../../middleware/competition-access.js';
import { totalOf } from '../../results/corrected.js';
import { differingCells, type StoredCell } from '../../results/integrity.js';
import { roundRankingInput } from '../../results/ranking-input.js';
import { toText } from '../../results/numbers.js';
import { roundDecisions, roundResult } from '../../results/round-result.js';
import { resultsCsv } from './results-csv.js';
import { snapshotQueries } from '../results/snapshot.queries.js';
import { toCsv, type Cell } from '../../lib/csv.js';
import { exportQueries } from './exports.queries.js';

const LOCALES = { fr: 'fr-FR', en: 'en-GB', ar: 'ar-MA' } as const;

/** The scorecards CSV's mark on a score the event log does not give (decision 027), in the export's language. */
const LOG_CHECK: Record<keyof typeof LOCALES, (criterion: string, stored: number | null, logged: number | null) => string> = {
  en: (c, s, l) => `differs from the event log: ${c} stored ${s ?? '—'}, in the log ${l ?? '—'}`,
  fr: (c, s, l) => `diffère du journal : ${c} enregistré ${s ?? '—'}, au journal ${l ?? '—'}`,
  ar: (c, s, l) => `يخالف سجل الأحداث: ${c} المخزَّن ${s ?? '—'}، في السجل ${l ?? '—'}`,
};

/** The cells that differ from the log in each round, by scorecard; `take` hands each card's out once. */
function cellsByCard(db: Deps['db'], rounds: { id: number; competition_id: number }[]) {
  const byCard = new Map<string, StoredCell[]>();
  for (const round of rounds) {
    for (const cell of differingCells(db, round, roundRankingInput(db, round.id))) {
      const key = `${round.id}:${cell.jurorId}:${cell.entrantId}`;
      byCard.set(key, [...(byCard.get(key) ?? []), cell]);
    }
  }
  return {
    take: (roundId: number, jurorId: number, entrantId: number) => {
      const key = `${roundId}:${jurorId}:${entrantId}`;
      const cells = byCard.get(key);
      byCard.delete(key);
      return cells;
    },
    rest: () => byCard.entries(),
  };
}
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
      describeRoute({ tags: ['exports'], summary: 'Every scorecard of every round, recusals included, with the chair’s corrections; scores the event log does not give are marked', responses: csvDoc }),
      validate('param', ResultsIdParamSchema),
      validate('query', ResultsExportQuerySchema),
      (c) => {
        const { id } = c.req.valid('param');
        const lang = c.req.valid('query').lang ?? (q.defaultLanguage(id) as keyof typeof LOCALES);
        const criteria = q.criteria(id);
        const fix = decimal(lang);
        const corrections = q.corrections(id);
        const rounds = q.rounds(id);
        const unlogged = cellsByCard(db, rounds);
        const mark = (cells: StoredCell[] | undefined) => (cells ?? []).map((k) => LOG_CHECK[lang](k.criterion, k.stored, k.logged)).join(' | ');
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
            r.status === 'recused' ? '' : mark(unlogged.take(r.round_id, r.juror_id, r.entrant_id)),
          ];
        });
        // Scorecards the log has and the database no longer does: a row each, marked, scores empty.
        const people = q.people(id);
        for (const [key, cells] of unlogged.rest()) {
          const [roundId, jurorId, entrantId] = key.split(':').map(Number) as [number, number, number];
          const entrant = people.entrants.get(entrantId);
          rows.push([
            rounds.find((x) => x.id === roundId)?.kind ?? '', people.jurors.get(jurorId) ?? '', entrant?.name ?? '', entrant?.axis ?? '', 'missing',
            ...criteria.map(() => null), null, '', '', null, mark(cells),
          ]);
        }
        const header = ['round', 'juror', 'startup', 'axis', 'status', ...criteria.map((k) => `${k.code} (×${k.weight})`), 'total', 'corrections', 'feedback', 'submitted_at', 'log_check'];
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
