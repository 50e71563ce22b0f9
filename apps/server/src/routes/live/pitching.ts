import type { NowPitching, NowPitchingRequest, PitchOrderRequest, PitchOrderResponse } from '@palmares/contract';
import type { Db } from '../../db/open-db.js';
import { AppError } from '../../lib/errors.js';
import { appendEvent } from '../../lib/event-log.js';
import { seededShuffle } from '../../lib/seeded-shuffle.js';
import { newToken } from '../../lib/tokens.js';
import type { RoundRow } from '../rounds/rounds.queries.js';
import { assertState } from '../rounds/transitions.js';
import type { LiveQueries } from './live.queries.js';

interface Ctx {
  db: Db;
  q: LiveQueries;
  competitionId: number;
  actor: string;
  now: Date;
}

const conflict = (message: string, path: string, rule: string) => new AppError(409, 'CONFLICT', message, [{ path, rule, message }]);

/** The final round, which the live controls act on; 409 before the shortlist is confirmed. */
export function finalRound(q: LiveQueries, competitionId: number): RoundRow {
  const round = q.final(competitionId);
  if (!round) throw conflict('There is no final yet: confirm the shortlist first', 'round', 'no_final');
  return round;
}

/**
 * Sets the pitch order of the final (draft or open): drawn at random from a fresh seed that is
 * recorded (rounds.pitch_seed and the event log), so anyone can replay the draw with
 * seededShuffle(entrant ids ascending, seed); or given by hand (no seed).
 */
export function setPitchOrder(ctx: Ctx, round: RoundRow, request: PitchOrderRequest): PitchOrderResponse {
  assertState(round, ['draft', 'open'], 'set the pitch order of');
  const ids = ctx.q.order(round.id).map((e) => e.id).sort((a, b) => a - b);
  let order: number[];
  let seed: string | null = null;
  if ('draw' in request) {
    seed = newToken();
    order = seededShuffle(ids, seed);
  } else {
    order = request.entrantIds;
    const given = new Set(order);
    const problems = [
      ...order.map((e, i) => ({ e, i })).filter(({ e }) => !ids.includes(e)).map(({ e, i }) => ({ path: `entrantIds.${i}`, rule: 'unknown', message: `entrant ${e} is not a finalist` })),
      ...ids.filter((e) => !given.has(e)).map((e) => ({ path: 'entrantIds', rule: 'missing', message: `finalist ${e} has no slot` })),
    ];
    if (problems.length > 0) throw new AppError(400, 'VALIDATION_FAILED', 'The order must list every finalist once', problems);
  }
  ctx.q.setOrder(round.id, order, seed);
  appendEvent(ctx.db, { competitionId: ctx.competitionId, actor: ctx.actor, type: seed ? 'pitch-order.drawn' : 'pitch-order.set', payload: { roundId: round.id, seed, entrantIds: order }, at: ctx.now });
  return { roundId: round.id, seed, entrantIds: order };
}

/** Where the cursor goes: next / previous in pitch order (after a pause, from the last on stage), a jump, or nobody. */
function target(ctx: Ctx, round: RoundRow, request: NowPitchingRequest): number | null {
  const slots = ctx.q.order(round.id);
  if ('entrantId' in request) {
    if (!slots.some((s) => s.id === request.entrantId)) {
      throw new AppError(400, 'VALIDATION_FAILED', 'Not a finalist', [{ path: 'entrantId', rule: 'unknown', message: `entrant ${request.entrantId} is not a finalist` }]);
    }
    return request.entrantId;
  }
  if (request.action === 'clear') return null;
  if (slots.some((s) => s.pitchPosition === null)) throw conflict('Draw or set the pitch order first', 'pitchOrder', 'missing');
  const from = round.now_pitching_entrant_id ?? ctx.q.lastPitched(ctx.competitionId);
  const at = slots.findIndex((s) => s.id === from);
  // After a pause, `previous` brings back the last one on stage; `next` goes on after it.
  const paused = round.now_pitching_entrant_id === null;
  const index = request.action === 'next' ? at + 1 : paused ? at : at - 1;
  const slot = slots[index];
  if (!slot) {
    throw request.action === 'next'
      ? conflict('The last finalist has pitched: there is nobody after', 'action', 'after-last')
      : conflict('This is the first finalist: there is nobody before', 'action', 'before-first');
  }
  return slot.id;
}

/** Moves the now-pitching cursor of the open final; the caller publishes the result once committed. */
export function moveCursor(ctx: Ctx, round: RoundRow, request: NowPitchingRequest): NowPitching {
  assertState(round, ['open'], 'move the now-pitching cursor of');
  const entrantId = target(ctx, round, request);
  const since = entrantId === null ? null : ctx.now.toISOString();
  ctx.q.setCursor(round.id, entrantId, since);
  appendEvent(ctx.db, { competitionId: ctx.competitionId, actor: ctx.actor, type: 'now-pitching.changed', payload: { roundId: round.id, entrantId }, at: ctx.now });
  return { roundId: round.id, entrantId, since };
}
