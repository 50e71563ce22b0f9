/**
 * @palmares/ranking: jurors' rubric scores in, an ordered, explained result and a selection out.
 * Pure (no I/O, no clock, no unseeded randomness) and exact where decisions are taken.
 */
export { fingerprint, rank, rankDetailed, rankModel } from './rank.js';
export { validate } from './validate.js';
export { formatDisplay } from './format.js';
export {
  addRational, compareRational, formatRational, parseRational, parseResultNumber, ratio, rationalToNumber, roundRational,
  scorecardTotal, subtractRational, weightedMean,
} from './rational.js';
export type { Rational } from './rational.js';
export { sha256Hex } from './sha256.js';
export { canonicalJson } from './jcs.js';
export type { Json } from './jcs.js';
export type * from './types.js';
export type { Model } from './model.js';
