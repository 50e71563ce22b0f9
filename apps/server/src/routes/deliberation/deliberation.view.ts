import type { Deliberation, DeliberationJuror, DeliberationRow } from '@palmares/contract';
import type { RankDetail, RankResult } from '@palmares/ranking';
import type { Db } from '../../db/open-db.js';
import { AppError } from '../../lib/errors.js';
import { correctedScorecards, type CorrectedCard } from '../../results/corrected.js';
import { disagreementGrid, scaledThreshold } from '../../results/grid.js';
import { differingCells, integrityView } from '../../results/integrity.js';
import { jurorNumbers } from '../../results/juror-numbers.js';
import { shown, shownText } from '../../results/numbers.js';
import type { RoundRankingInput } from '../../results/ranking-input.js';
import { robustnessView } from '../../results/robustness-view.js';
import { roundResult } from '../../results/round-result.js';
import { ruleNotes } from '../../results/rule-notes.js';
import { tieLog } from '../../results/tie-log.js';
import { deliberationQueries, type RoundRow } from './deliberation.queries.js';
import { selectionRulesView, selectionView } from './selection-view.js';
import { shortlistQuotas } from '../../results/axis-quotas.js';

/** A juror whose totals barely vary: spread under 0.5 point on a 1–10 scale (scaled to others). */
const LOW_SPREAD_ON_1_TO_10 = 0.5;

/** Deliberation happens once scoring is over: a closed round, or one confirmed since. */
export function assertDeliberating(round: RoundRow): void {
  if (round.state !== 'closed' && round.state !== 'confirmed') {
    throw new AppError(409, 'CONFLICT', `Deliberation opens when the round is closed; it is ${round.state}`, [
      { path: 'roundId', rule: 'round-closed', message: `round state is ${round.state}` },
    ]);
  }
}

function rows(input: RoundRankingInput, result: RankResult, detail: RankDetail, names: Map<string, { name: string; axis: string }>, numberOf: (j: string) => number, corrected: Set<string>): DeliberationRow[] {
  // The scorecards of each entrant, grouped once (a large round has tens of thousands).
  const byEntrant = new Map<string, { card: CorrectedCard; scores: Record<string, number> }[]>();
  correctedScorecards(input, detail).forEach((card, i) => {
    const list = byEntrant.get(card.entrant) ?? [];
    if (list.length === 0) byEntrant.set(card.entrant, list);
    list.push({ card, scores: input.evaluations[i]!.scores });
  });
  const selected = new Set(result.selection?.selected ?? []);
  return result.ranking.map((r) => ({
    entrantId: Number(r.entrant),
    name: names.get(r.entrant)?.name ?? r.entrant,
    axisCode: r.axis,
    rank: r.rank,
    score: r.score ? shownText(r.score, r.display) : null,
    rawMean: r.rawMean ? shownText(r.rawMean) : null,
    scored: r.scored,
    trimmed: r.trimmed,
    selected: selected.has(r.entrant),
    scorecards: (byEntrant.get(r.entrant) ?? [])
      .map(({ card: c, scores }) => ({
        juror: numberOf(c.juror),
        scores,
        total: shown(c.total),
        corrected: shown(c.corrected),
        trimmed: c.trimmed,
        correctedByChair: corrected.has(`${c.juror}:${c.entrant}`),
      }))
      .sort((a, b) => a.juror - b.juror),
  }));
}

function jurors(input: RoundRankingInput, result: RankResult, detail: RankDetail, names: Map<string, { name: string; is_chair: number }>, numberOf: (j: string) => number, reveal: boolean): DeliberationJuror[] {
  const report = new Map((result.robustness?.jurors ?? []).map((j) => [j.juror, j]));
  const flagsOf = new Map<string, RankResult['flags'][number]['code'][]>();
  for (const f of result.flags) if ('juror' in f) flagsOf.set(f.juror, [...(flagsOf.get(f.juror) ?? []), f.code]);
  const low = scaledThreshold(LOW_SPREAD_ON_1_TO_10, input.scale);
  const lowSpread = Number(low.n) / Number(low.d);
  return input.jurors
    .map((j) => {
      const r = report.get(j);
      const flags = flagsOf.get(j) ?? [];
      const offset = result.offsets[j];
      return {
        number: numberOf(j),
        id: reveal ? Number(j) : null,
        name: reveal ? (names.get(j)?.name ?? null) : null,
        isChair: reveal ? names.get(j)?.is_chair === 1 : null,
        offset: offset ? shownText(offset) : null,
        spread: r?.spread ?? null,
        consensus: r?.consensus ?? null,
        flags: [...new Set([...flags, ...(r?.flags ?? [])])],
        barelyVaries: flags.includes('NON_DISCRIMINATING_JUROR') || (r?.spread != null && r.spread < lowSpread),
        severity: detail.reading?.harsh === j ? ('harsh' as const) : detail.reading?.lenient === j ? ('lenient' as const) : null,
      };
    })
    .sort((a, b) => a.number - b.number);
}

/**
 * Everything the deliberation screen shows for a closed round: the ranking by the pre-registered
 * method with the raw mean beside it, each scorecard's corrected score and trim, the tie log,
 * the robustness report, the disagreement grid, the chair's decisions and corrections, and every
 * stored score the event log does not give. Jurors are "Juror n" unless `reveal`.
 */
export function buildDeliberation(db: Db, round: RoundRow, reveal: boolean): Deliberation {
  assertDeliberating(round);
  const q = deliberationQueries(db);
  const { input, result, detail, decisions } = roundResult(db, round.id, { report: true });
  const numberOf = jurorNumbers(round.id, input.jurors);
  const corrections = q.corrections(round.id, numberOf, reveal);
  const correctedCards = new Set(
    corrections.map((k) => `${input.jurors.find((j) => numberOf(j) === k.juror)}:${k.entrantId}`),
  );
  const entrantNames = q.entrants(round.competition_id);
  return {
    roundId: round.id,
    kind: round.kind,
    state: round.state,
    method: result.method,
    trim: input.trim,
    scale: input.scale,
    fingerprint: result.fingerprint,
    revealed: reveal,
    criteria: q.criteria(round.competition_id),
    ranking: rows(input, result, detail, entrantNames, numberOf, correctedCards),
    ties: tieLog(result.ties),
    tieRules: detail.tieRules,
    selection: selectionView(result, detail),
    selectionRules: selectionRulesView(input.selection, round.kind === 'shortlist' ? shortlistQuotas(db, round.competition_id) : undefined),
    jurors: jurors(input, result, detail, q.jurors(round.competition_id), numberOf, reveal),
    flags: result.flags.map((f) => ({
      code: f.code,
      juror: 'juror' in f ? numberOf(f.juror) : null,
      entrantId: 'entrant' in f ? Number(f.entrant) : null,
    })),
    robustness: result.robustness && detail.reading ? robustnessView(result.robustness, detail.reading, numberOf) : null,
    grid: disagreementGrid(input, numberOf),
    decisions: decisions.map((d) => ({ ...d, decidedBy: reveal ? d.decidedBy : d.decidedBy.startsWith('juror:') ? 'chair' : 'organiser' })),
    corrections,
    ruleNotes: ruleNotes(result, round.kind === 'final' ? 'final' : 'shortlist').map((n) => ({
      entrantId: Number(n.entrant), kind: n.kind, rule: n.rule, rank: n.rank, place: n.place, heldByIds: n.heldBy.map(Number),
    })),
    // Checked on every read, against the very input this result was computed from.
    integrity: integrityView(differingCells(db, round, input)),
  };
}
