import type { AssignmentRequest, AssignmentsResponse, ClosingAnnouncement, ErrorDetail } from '@palmares/contract';
import type { Db } from '../../db/open-db.js';
import { AppError } from '../../lib/errors.js';
import { appendEvent } from '../../lib/event-log.js';
import { newToken } from '../../lib/tokens.js';
import { AssignmentInfeasible, allPairs, balancedPairs, isConnected, pairKey, panels, type Pair } from './assignments.js';
import { preRegistrationProblems } from './pre-registration.js';
import type { RoundQueries, RoundRow } from './rounds.queries.js';

/**
 * A round moves draft → open → closed → confirmed, never back. Anything else answers 409 CONFLICT
 * naming the round's state.
 */
export function assertState(round: RoundRow, allowed: RoundRow['state'][], action: string): void {
  if (!allowed.includes(round.state)) {
    throw new AppError(409, 'CONFLICT', `Cannot ${action} a round that is ${round.state}`, [
      { path: 'state', rule: 'transition', message: `${action} needs a round that is ${allowed.join(' or ')}`, params: { state: round.state } },
    ]);
  }
}

interface Ctx {
  db: Db;
  q: RoundQueries;
  competitionId: number;
  actor: string;
  now: Date;
}

const log = (ctx: Ctx, type: string, payload: unknown) =>
  appendEvent(ctx.db, { competitionId: ctx.competitionId, actor: ctx.actor, type, payload, at: ctx.now });

const invalid = (message: string, details: ErrorDetail[]) => new AppError(400, 'VALIDATION_FAILED', message, details);

function checkManual(ctx: Ctx, pairs: Pair[], entrantIds: number[]): Pair[] {
  const jurors = new Set(ctx.q.jurors(ctx.competitionId).map((j) => j.id));
  const entrants = new Set(entrantIds);
  const conflicts = ctx.q.conflicts(ctx.competitionId);
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  pairs.forEach((p, i) => {
    if (!jurors.has(p.jurorId)) details.push({ path: `pairs.${i}.jurorId`, rule: 'unknown', message: `no juror ${p.jurorId} in this competition` });
    if (!entrants.has(p.entrantId)) details.push({ path: `pairs.${i}.entrantId`, rule: 'unknown', message: `entrant ${p.entrantId} is not in this round` });
    if (conflicts.has(pairKey(p.jurorId, p.entrantId))) details.push({ path: `pairs.${i}`, rule: 'conflict', message: 'the juror declared a conflict with this entrant' });
    if (seen.has(pairKey(p.jurorId, p.entrantId))) details.push({ path: `pairs.${i}`, rule: 'duplicate', message: 'this pair is listed twice' });
    seen.add(pairKey(p.jurorId, p.entrantId));
  });
  if (details.length > 0) throw invalid('Some pairs cannot be assigned', details);
  return pairs;
}

function disconnected(parts: { jurors: number[]; entrants: number[] }[]) {
  return new AppError(409, 'CONFLICT', 'The assignment splits the jury into panels that never meet, so jurors cannot be put on one scale', parts.map((p, i) => ({
    path: 'pairs', rule: 'disconnected', message: `panel ${i + 1}: jurors ${p.jurors.join(', ')}; entrants ${p.entrants.join(', ')}`,
  })));
}

/** Replaces a draft round's assignments (see AssignmentRequestSchema for the three modes). */
export function assignRound(ctx: Ctx, round: RoundRow, request: AssignmentRequest): AssignmentsResponse {
  assertState(round, ['draft'], 'assign jurors in');
  const entrantIds = round.kind === 'shortlist' ? ctx.q.entrants(ctx.competitionId).map((e) => e.id) : ctx.q.roundEntrantIds(round.id);
  const design = { jurors: ctx.q.jurors(ctx.competitionId).map((j) => j.id), entrants: entrantIds, conflicts: ctx.q.conflicts(ctx.competitionId) };
  if (design.jurors.length === 0 || design.entrants.length === 0) {
    throw new AppError(409, 'CONFLICT', 'Add jurors and entrants before assigning', [{ path: 'mode', rule: 'empty', message: `${design.jurors.length} jurors, ${design.entrants.length} entrants` }]);
  }
  let pairs: Pair[];
  let repairs = 0;
  let seed: string | null = null;
  if (request.mode === 'all') pairs = allPairs(design);
  else if (request.mode === 'manual') pairs = checkManual(ctx, request.pairs, entrantIds);
  else {
    seed = newToken();
    try {
      ({ pairs, repairs } = balancedPairs(design, request.perEntrant, seed));
    } catch (err) {
      if (!(err instanceof AssignmentInfeasible)) throw err;
      throw new AppError(409, 'CONFLICT', err.message, err.problems.map((p) => ({
        path: p.entrantId === undefined ? 'perEntrant' : `entrants.${p.entrantId}`, rule: 'infeasible', message: p.message,
      })));
    }
  }
  const parts = panels(pairs);
  if (parts.length > 1) throw disconnected(parts);
  if (round.kind === 'shortlist') ctx.q.resetRoundEntrants(round.id, entrantIds);
  ctx.q.replaceAssignments(round.id, pairs);
  log(ctx, 'assignments.replaced', { roundId: round.id, mode: request.mode, seed, repairs, pairs });
  return summarise(round.id, pairs, design.jurors, entrantIds, repairs);
}

export function summarise(roundId: number, pairs: Pair[], jurors: number[], entrants: number[], repairs = 0): AssignmentsResponse {
  return {
    roundId,
    pairs,
    perJuror: jurors.map((j) => ({ jurorId: j, count: pairs.filter((p) => p.jurorId === j).length })),
    perEntrant: entrants.map((e) => ({ entrantId: e, count: pairs.filter((p) => p.entrantId === e).length })),
    connected: isConnected(pairs),
    repairs,
  };
}

/**
 * Why a draft round cannot open yet, one detail per reason (none: it can). The shortlist round's
 * opening locks the competition's settings (pre-registration), so it waits while those rules could
 * not be applied (see preRegistrationProblems) or the entrants changed since the assignments. Any
 * round waits while an entrant has no juror, while a conflict declared since the assignment leaves
 * an entrant fewer scorecards than the assignment gave it, or while the design is disconnected.
 * The final also waits for the shortlist to be published: until then the finalists' own pages say
 * "registered" while they pitch. The competition's step list shows the same reasons beforehand.
 */
export function openRoundProblems(ctx: Pick<Ctx, 'db' | 'q' | 'competitionId'>, round: RoundRow): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const inRound = ctx.q.roundEntrantIds(round.id);
  if (round.kind === 'shortlist') {
    problems.push(...preRegistrationProblems(ctx.db, ctx.competitionId));
    const now = ctx.q.entrants(ctx.competitionId).map((e) => e.id);
    if (now.length !== inRound.length || now.some((e) => !inRound.includes(e))) {
      problems.push({ path: 'assignments', rule: 'stale', message: 'entrants were added or removed since the assignments; assign again' });
    }
  } else if (!ctx.q.byKind(ctx.competitionId, 'shortlist')?.published_at) {
    problems.push({ path: 'shortlist', rule: 'shortlist_unpublished', message: 'publish the shortlist first: the finalists\' pages still say "registered"' });
  }
  const conflicts = ctx.q.conflicts(ctx.competitionId);
  const assigned = ctx.q.assignments(round.id);
  const pairs = assigned.filter((p) => !conflicts.has(pairKey(p.jurorId, p.entrantId)));
  for (const e of inRound) {
    const promised = assigned.filter((p) => p.entrantId === e).length;
    const left = pairs.filter((p) => p.entrantId === e).length;
    if (left === 0) problems.push({ path: `entrants.${e}`, rule: 'unassigned', message: `entrant ${e} has no juror`, params: { entrantId: e } });
    else if (left < promised) {
      problems.push({
        path: `entrants.${e}`,
        rule: 'fewer_scorecards',
        message: `entrant ${e} would get ${left} of the ${promised} scorecards assigned: a conflict was declared since; assign again`,
        params: { entrantId: e, count: left, max: promised },
      });
    }
  }
  if (inRound.length === 0) problems.push({ path: 'entrants', rule: 'empty', message: 'the round has no entrant' });
  if (!isConnected(pairs)) problems.push({ path: 'assignments', rule: 'disconnected', message: 'the jury is split into panels that never meet' });
  return problems;
}

/** Opens scoring, unless openRoundProblems names a reason to wait (409, every reason listed). */
export function openRound(ctx: Ctx, round: RoundRow): void {
  assertState(round, ['draft'], 'open');
  const problems = openRoundProblems(ctx, round);
  if (problems.length > 0) throw new AppError(409, 'CONFLICT', 'The round cannot open yet', problems);
  const at = ctx.now.toISOString();
  ctx.q.setState(round.id, 'open', { opened_at: at });
  if (round.kind === 'shortlist') ctx.q.lockSettings(ctx.competitionId, at);
  log(ctx, 'round.opened', { roundId: round.id, kind: round.kind });
}

/**
 * Closes scoring: when every assigned scorecard is submitted, or forced with a written reason
 * (400 naming `reason` without one). Missing scorecards are recorded in the log.
 */
export function closeRound(ctx: Ctx, round: RoundRow, reason: string | undefined): void {
  assertState(round, ['open'], 'close');
  const { total } = ctx.q.progress(ctx.competitionId, round);
  const missing = total.assigned - total.submitted;
  if (missing > 0 && !reason) {
    throw invalid('Scorecards are missing: a forced close needs a reason', [
      { path: 'reason', rule: 'required', message: `${missing} of ${total.assigned} scorecards are not submitted; say why the round closes anyway` },
    ]);
  }
  ctx.q.setState(round.id, 'closed', { closed_at: ctx.now.toISOString(), close_reason: reason ?? null });
  log(ctx, 'round.closed', { roundId: round.id, forced: missing > 0, missing, reason: reason ?? null });
}

/**
 * Announces that scoring of an open round closes in `minutes`: the tablets count down and ask
 * their juror to submit what is complete. Announced again, the new time replaces the old one.
 * Nothing closes by itself at that time: the organiser closes (decision 026).
 */
export function announceClosing(ctx: Ctx, round: RoundRow, minutes: number): ClosingAnnouncement {
  assertState(round, ['open'], 'announce the close of');
  const announcedAt = ctx.now.toISOString();
  const closesAt = new Date(ctx.now.getTime() + minutes * 60_000).toISOString();
  ctx.q.announceClosing(round.id, closesAt, announcedAt);
  log(ctx, 'round.closing-announced', { roundId: round.id, minutes, closesAt });
  return { roundId: round.id, closesAt, announcedAt };
}
