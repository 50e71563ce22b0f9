import type { DeliberationDecision } from '@palmares/contract';
import type { Db } from '../db/open-db.js';
import { chairOrderOf } from './chair-order.js';
import { computeDetailed } from './compute.js';
import { roundRankingInput } from './ranking-input.js';
import { cachedDetailed } from './result-cache.js';

interface DecisionRow {
  id: number;
  entrant_order: string;
  reason: string;
  decided_by: string;
  created_at: string;
}

/** The chair's decisions for a round, oldest first. */
export function roundDecisions(db: Db, roundId: number): DeliberationDecision[] {
  return db
    .prepare<[number], DecisionRow>('SELECT id, entrant_order, reason, decided_by, created_at FROM chair_decisions WHERE round_id = ? ORDER BY id')
    .all(roundId)
    .map((d) => ({
      id: d.id,
      entrantIds: (JSON.parse(d.entrant_order) as unknown[]).map(Number),
      reason: d.reason,
      decidedBy: d.decided_by,
      createdAt: d.created_at,
    }));
}

/**
 * The round's result as it stands: submitted scorecards, the chair's decisions as `chairOrder`,
 * the pre-registered method; `decisions` are what `chairOrder` was built from. The input is read
 * afresh every time; the result comes from the cache of results by fingerprint (frozen), unless
 * `fresh` asks for a recomputation (verifying a snapshot).
 */
export function roundResult(db: Db, roundId: number, options: { report?: boolean; decisions?: DeliberationDecision[]; fresh?: boolean } = {}) {
  const decisions = options.decisions ?? roundDecisions(db, roundId);
  const chairOrder = chairOrderOf(decisions);
  const input = roundRankingInput(db, roundId, { ...(chairOrder ? { chairOrder } : {}), ...(options.report ? { report: true } : {}) });
  const { result, detail } = options.fresh ? computeDetailed(input) : cachedDetailed(db, input);
  return { input, result, detail, decisions };
}
