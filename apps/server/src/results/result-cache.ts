import { fingerprint, type RankDetail, type RankResult } from '@palmares/ranking';
import type { Db } from '../db/open-db.js';
import { computeDetailed } from './compute.js';
import type { RoundRankingInput } from './ranking-input.js';

/**
 * How many results each database keeps, least recently used first out. A deliberation needs a
 * handful at once (the round with its report, without it, without the chair's order); each one of
 * a 10,000-entrant round weighs megabytes, so the cache stays small.
 */
export const CACHED_RESULTS = 6;
let capacity = CACHED_RESULTS;

/**
 * Sets how many results each database keeps (the server's RESULTS_CACHE_SIZE); 0 turns the cache
 * off, which the benchmark uses to time the computation itself.
 * @example setResultsCacheSize(0); // every read computes
 */
export function setResultsCacheSize(size: number): void {
  capacity = size;
}

/** A result with its detail, from one run (the detail is what its readers show per scorecard). */
export interface Detailed {
  result: RankResult;
  detail: RankDetail;
}

const caches = new WeakMap<Db, Map<string, Detailed>>();

/** Results are shared between requests: freezing them makes a caller that edits one fail loudly. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The ranking of `input`, computed once per input fingerprint (docs/decisions/009). The
 * fingerprint covers everything rank() reads (criteria, scale, entrants and axes, jurors,
 * scorecards, recusals, method, trim, selection quotas, the chair's order) except `report`, which
 * is part of the key: any score change, correction, recusal or chair decision is a new key, so a
 * cached result is never stale and nothing has to be invalidated. Determinism makes a hit the same
 * result a recomputation would give. The result returned is frozen.
 */
export function cachedRanking(db: Db, input: RoundRankingInput): RankResult {
  return cachedDetailed(db, input).result;
}

/** As {@link cachedRanking}, with the detail the same run computed. */
export function cachedDetailed(db: Db, input: RoundRankingInput): Detailed {
  let key: string;
  try {
    key = `${fingerprint(input)}:${input.report ? 'report' : 'plain'}`;
  } catch {
    // Invalid input (only a bug can make one): computeDetailed throws with the problem list.
    return computeDetailed(input);
  }
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) {
    // A Map iterates in insertion order: re-inserting marks the entry most recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = deepFreeze(computeDetailed(input));
  cache.set(key, result);
  for (const oldest of cache.keys()) {
    if (cache.size <= capacity) break;
    cache.delete(oldest);
  }
  return result;
}
