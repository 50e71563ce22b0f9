import type { ConfirmShortlistResponse, RoundRankingResponse, ShortlistReplacement } from '@palmares/contract';
import { rankDetailed, type RankDetail, type RankResult } from '@palmares/ranking';
import { AppError } from '../../lib/errors.js';
import { appendEvent } from '../../lib/event-log.js';
import { boundsOf, shortlistQuotas } from '../../results/axis-quotas.js';
import { roundRankingInput, type RoundRankingInput } from '../../results/ranking-input.js';
import type { Db } from '../../db/open-db.js';
import { pairKey } from './assignments.js';
import type { RoundQueries, RoundRow } from './rounds.queries.js';
import { applyReplacements, recordReplacements, roundOverrides } from './overrides.js';
import { assertState } from './transitions.js';

interface Ctx {
  db: Db;
  q: RoundQueries;
  competitionId: number;
  actor: string;
  now: Date;
}

interface ChairDecisionRow {
  id: number;
  entrant_order: string;
  reason: string;
  decided_by: string;
  created_at: string;
}

const latestDecision = (db: Db, roundId: number) =>
  db.prepare<[number], ChairDecisionRow>('SELECT * FROM chair_decisions WHERE round_id = ? ORDER BY id DESC LIMIT 1').get(roundId);

/**
 * Ranks a closed round with the pre-registered rules and the chair's latest order. Input the
 * ranking refuses (an entrant nobody scored after a forced close, infeasible quotas) answers 409
 * with the ranking's own problem list.
 */
export function rankRound(db: Db, roundId: number): { input: RoundRankingInput; result: RankResult; detail: RankDetail; decision: ChairDecisionRow | undefined } {
  const decision = latestDecision(db, roundId);
  const chairOrder = decision ? (JSON.parse(decision.entrant_order) as number[]).map(String) : undefined;
  const input = roundRankingInput(db, roundId, chairOrder ? { chairOrder } : {});
  const outcome = rankDetailed(input);
  if (!outcome.ok) {
    throw new AppError(409, 'CONFLICT', 'The ranking cannot be computed from this round\'s scorecards', outcome.errors.map((e) => ({
      path: e.path ?? [e.entrant, e.juror].filter(Boolean).join(':'), rule: e.code, message: e.message,
    })));
  }
  return { input, result: outcome.result, detail: outcome.detail, decision };
}

/** The proposal in words: why each skipped entrant was passed over, and which tie the chair must settle. */
export function rankingResponse(ctx: Ctx, round: RoundRow): RoundRankingResponse {
  assertState(round, ['closed', 'confirmed'], 'rank');
  const { result, detail, decision } = rankRound(ctx.db, round.id);
  const entrants = ctx.db
    .prepare<[number], { id: number; name: string; axisCode: string }>(
      `SELECT e.id, e.name, a.code AS axisCode FROM round_entrants re JOIN entrants e ON e.id = re.entrant_id
       JOIN axes a ON a.id = e.axis_id WHERE re.round_id = ? ORDER BY e.id`,
    )
    .all(round.id);
  const awardAxisMax = ctx.db.prepare<[number], number | null>('SELECT award_axis_max FROM competitions WHERE id = ?').pluck().get(ctx.competitionId) ?? null;
  const quotas = shortlistQuotas(ctx.db, ctx.competitionId);
  const byId = new Map(entrants.map((e) => [String(e.id), e]));
  const label = (id: string) => byId.get(id)?.name ?? id;
  const explanations: RoundRankingResponse['explanations'] = (result.selection?.skipped ?? []).map((s) => {
    const axis = byId.get(s.entrant)?.axisCode ?? '';
    const axisMax = round.kind === 'shortlist' ? boundsOf(quotas, axis).max : awardAxisMax;
    return {
      entrantId: Number(s.entrant),
      reason: s.reason,
      message:
        s.reason === 'axis-max'
          ? `${label(s.entrant)} was passed over: its axis "${axis}" already had the maximum of ${axisMax} selected.`
          : quotas.perAxis.length === 0
            ? `${label(s.entrant)} was passed over: the seats left were reserved for axes still below their minimum of ${quotas.axisMin}.`
            : `${label(s.entrant)} was passed over: the seats left were reserved for axes still below their own minimum.`,
    };
  });
  const pending = result.selection?.needsChairDecision;
  if (pending) {
    explanations.push({
      entrantId: Number(pending.entrants[0]),
      reason: 'needs-chair-decision',
      message: `${pending.entrants.map(label).join(', ')} are tied by every rule for ${pending.seats} seat(s): the chair must order them, with a reason.`,
    });
  }
  return {
    roundId: round.id,
    state: round.state,
    result,
    entrants,
    explanations,
    openSeats: detail.openSeats,
    chairDecision: decision
      ? { id: decision.id, entrantIds: JSON.parse(decision.entrant_order) as number[], reason: decision.reason, decidedBy: decision.decided_by, createdAt: decision.created_at }
      : null,
    ...(round.kind === 'shortlist' ? confirmedView(ctx, round) : {}),
  };
}

/** A confirmed shortlist beside its proposal: the finalists of the final it created, and each replacement. */
function confirmedView(ctx: Ctx, round: RoundRow): Pick<RoundRankingResponse, 'confirmed' | 'overrides'> {
  if (round.state !== 'confirmed') return { confirmed: null, overrides: [] };
  const final = ctx.q.byKind(ctx.competitionId, 'final');
  return { confirmed: final ? ctx.q.roundEntrantIds(final.id) : null, overrides: roundOverrides(ctx.db, round.id) };
}

/** Records the order the chair gave to a tie the rules left open; later rankings pass it as `chairOrder`. */
export function recordChairDecision(ctx: Ctx, round: RoundRow, entrantIds: number[], reason: string): void {
  assertState(round, ['closed'], 'settle a tie in');
  const inRound = new Set(ctx.q.roundEntrantIds(round.id));
  const unknown = entrantIds.map((id, i) => ({ id, i })).filter(({ id }) => !inRound.has(id));
  if (unknown.length > 0) {
    throw new AppError(400, 'VALIDATION_FAILED', 'Entrants not in this round', unknown.map(({ id, i }) => ({ path: `entrantIds.${i}`, rule: 'unknown', message: `entrant ${id} is not in this round` })));
  }
  const id = Number(
    ctx.db.prepare('INSERT INTO chair_decisions (round_id, entrant_order, reason, decided_by, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(round.id, JSON.stringify(entrantIds), reason, ctx.actor, ctx.now.toISOString()).lastInsertRowid,
  );
  appendEvent(ctx.db, { competitionId: ctx.competitionId, actor: ctx.actor, type: 'chair-decision.recorded', payload: { roundId: round.id, decisionId: id, entrantIds, reason }, at: ctx.now });
}

/**
 * Confirms the shortlist: the round becomes `confirmed`, the ranking is frozen in a snapshot
 * (fingerprint of its input), and the final round is created in `draft` with the selected
 * entrants and every juror assigned to every finalist they have no conflict with. The organiser
 * then draws the pitch order and opens it.
 */
export function confirmShortlist(ctx: Ctx, round: RoundRow, replacements: ShortlistReplacement[] = []): ConfirmShortlistResponse {
  if (round.kind !== 'shortlist') throw new AppError(409, 'CONFLICT', 'Only the shortlist is confirmed here; the final is signed off with its results', [{ path: 'kind', rule: 'shortlist_only', message: 'round is the final' }]);
  assertState(round, ['closed'], 'confirm');
  const { input, result, decision } = rankRound(ctx.db, round.id);
  const selection = result.selection;
  if (!selection || selection.needsChairDecision) {
    const pending = selection?.needsChairDecision;
    throw new AppError(409, 'CONFLICT', 'A tie the rules leave open must be settled by the chair first', (pending?.entrants ?? []).map((e) => ({
      path: 'chairDecision', rule: 'needs_chair_decision', message: `entrant ${e} is tied for ${pending?.seats} seat(s)`,
    })));
  }
  const proposed = selection.selected.map(Number);
  const selected = applyReplacements(ctx.db, ctx.competitionId, result, replacements);
  const at = ctx.now.toISOString();
  const overrides = recordReplacements(ctx.db, round.id, replacements, ctx.actor, at);
  ctx.q.setState(round.id, 'confirmed', { confirmed_at: at });
  const rubricVersion = ctx.db.prepare('SELECT rubric_version FROM competitions WHERE id = ?').pluck().get(ctx.competitionId) as number;
  ctx.db.prepare(
    `INSERT INTO result_snapshots (round_id, method, rubric_version, fingerprint, input, result, chair_decisions, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(round.id, result.method, rubricVersion, result.fingerprint, JSON.stringify(input), JSON.stringify(result), JSON.stringify(decision ? [decision] : []), at);
  const finalRoundId = ctx.q.createRound(ctx.competitionId, 'final', selected);
  const conflicts = ctx.q.conflicts(ctx.competitionId);
  const pairs = selected.flatMap((e) => ctx.q.jurors(ctx.competitionId).filter((j) => !conflicts.has(pairKey(j.id, e))).map((j) => ({ jurorId: j.id, entrantId: e })));
  ctx.q.replaceAssignments(finalRoundId, pairs);
  appendEvent(ctx.db, {
    competitionId: ctx.competitionId,
    actor: ctx.actor,
    type: 'shortlist.confirmed',
    payload: {
      roundId: round.id, entrantIds: selected, skipped: selection.skipped, fingerprint: result.fingerprint, finalRoundId,
      ...(replacements.length > 0 ? { proposed, replacements } : {}),
    },
    at: ctx.now,
  });
  return { roundId: round.id, selected, proposed, replacements: overrides, finalRoundId, fingerprint: result.fingerprint };
}

/** Publishing the confirmed shortlist lets each startup see whether it pitches in the final. */
export function publishShortlist(ctx: Ctx, round: RoundRow): void {
  if (round.kind !== 'shortlist') throw new AppError(409, 'CONFLICT', 'Only the shortlist is published here', [{ path: 'kind', rule: 'shortlist_only', message: 'round is the final' }]);
  assertState(round, ['confirmed'], 'publish');
  if (round.published_at) throw new AppError(409, 'CONFLICT', `The shortlist was published at ${round.published_at}`, [{ path: 'publishedAt', rule: 'once', message: round.published_at }]);
  ctx.q.setState(round.id, 'confirmed', { published_at: ctx.now.toISOString() });
  appendEvent(ctx.db, { competitionId: ctx.competitionId, actor: ctx.actor, type: 'shortlist.published', payload: { roundId: round.id }, at: ctx.now });
}
