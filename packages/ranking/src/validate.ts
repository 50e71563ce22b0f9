/**
 * Structural validation: fail closed, never guess. Every problem is collected (not just the
 * first), so an import can be fixed in one pass.
 */
import { byCodeUnits, type Cards, type Model, type Quotas } from './model.js';
import { checkDesign } from './design.js';
import { sortedCards, sortedIds, wellFormedEntrants, wellFormedRows, type DeclaredEntrants, type Rows } from './fast-path.js';
import type { Criterion, ErrorCode, Method, RankingError, SelectionRequest } from './types.js';

// Bounds that keep every weighted sum an exact float64 integer, even summed over 10^6 scorecards.
const MAX_WEIGHT = 1000;
const MAX_CRITERIA = 100;
const MAX_ABS_SCALE = 10_000;

const TOP_FIELDS = new Set([
  'criteria', 'scale', 'entrants', 'jurors', 'evaluations', 'recusals', 'method', 'trim',
  'selection', 'chairOrder', 'report',
]);
const METHODS: readonly Method[] = ['satm', 'mean', 'median', 'zscore'];

type Rec = Record<string, unknown>;

class Problems {
  readonly list: RankingError[] = [];
  add(code: ErrorCode, message: string, extra: Omit<RankingError, 'code' | 'message'> = {}): void {
    this.list.push({ code, message, ...extra });
  }
}

function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fields(p: Problems, v: Rec, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(v)) {
    if (!allowed.includes(key)) p.add('INVALID_INPUT', `unknown field "${key}"`, { path: `${path}/${key}` });
  }
}

function id(p: Problems, v: unknown, path: string, what: string): string | null {
  if (typeof v === 'string' && v.length > 0) return v;
  p.add('INVALID_INPUT', `${what} must be a non-empty string`, { path });
  return null;
}

function integer(p: Problems, v: unknown, path: string, what: string): number | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    p.add('INVALID_INPUT', `${what} must be a number`, { path });
    return null;
  }
  if (!Number.isInteger(v)) {
    p.add('NOT_AN_INTEGER', `${what} must be an integer, got ${v}`, { path });
    return null;
  }
  return v;
}

function list(p: Problems, v: unknown, path: string, required: boolean, nonEmpty: boolean): unknown[] | null {
  if (v === undefined && !required) return [];
  if (!Array.isArray(v)) {
    p.add('INVALID_INPUT', `${path.slice(1)} must be an array`, { path });
    return null;
  }
  if (nonEmpty && v.length === 0) p.add('INVALID_INPUT', `${path.slice(1)} must not be empty`, { path });
  return v;
}

function criteriaOf(p: Problems, raw: unknown): Criterion[] | null {
  const items = list(p, raw, '/criteria', true, true);
  if (!items) return null;
  if (items.length > MAX_CRITERIA) p.add('INVALID_INPUT', `at most ${MAX_CRITERIA} criteria`, { path: '/criteria' });
  const out: Criterion[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const path = `/criteria/${i}`;
    if (!isRecord(item)) return p.add('INVALID_INPUT', 'a criterion must be an object', { path });
    fields(p, item, ['id', 'weight'], path);
    const cid = id(p, item.id, `${path}/id`, 'criterion id');
    const weight = integer(p, item.weight, `${path}/weight`, 'weight');
    if (weight !== null && (weight <= 0 || weight > MAX_WEIGHT)) {
      p.add('INVALID_INPUT', `weight must be between 1 and ${MAX_WEIGHT}, got ${weight}`, { path: `${path}/weight` });
    }
    if (cid === null) return;
    if (seen.has(cid)) p.add('DUPLICATE_ID', `criterion "${cid}" is declared twice`, { path: `${path}/id`, criterion: cid });
    seen.add(cid);
    out.push({ id: cid, weight: weight ?? 1 });
  });
  return out;
}

function scaleOf(p: Problems, raw: unknown): { min: number; max: number } | null {
  if (!isRecord(raw)) {
    p.add('INVALID_INPUT', 'scale must be an object { min, max }', { path: '/scale' });
    return null;
  }
  fields(p, raw, ['min', 'max'], '/scale');
  const min = integer(p, raw.min, '/scale/min', 'scale.min');
  const max = integer(p, raw.max, '/scale/max', 'scale.max');
  if (min === null || max === null) return null;
  if (min >= max) p.add('INVALID_INPUT', 'scale.min must be below scale.max', { path: '/scale' });
  if (Math.max(Math.abs(min), Math.abs(max)) > MAX_ABS_SCALE) {
    p.add('INVALID_INPUT', `scale bounds must lie within ±${MAX_ABS_SCALE}`, { path: '/scale' });
  }
  return { min, max };
}

function entrantsOf(p: Problems, raw: unknown): DeclaredEntrants | null {
  const items = list(p, raw, '/entrants', true, true);
  if (!items) return null;
  const out: DeclaredEntrants = { at: new Map(), axis: [] };
  items.forEach((item, i) => {
    const path = `/entrants/${i}`;
    if (!isRecord(item)) return p.add('INVALID_INPUT', 'an entrant must be an object { id, axis }', { path });
    fields(p, item, ['id', 'axis'], path);
    const eid = id(p, item.id, `${path}/id`, 'entrant id');
    const axis = id(p, item.axis, `${path}/axis`, 'axis');
    if (eid === null) return;
    if (out.at.has(eid)) return p.add('DUPLICATE_ID', `entrant "${eid}" is declared twice`, { path: `${path}/id`, entrant: eid });
    out.at.set(eid, out.axis.length);
    out.axis.push(axis ?? '');
  });
  return out;
}

function jurorsOf(p: Problems, raw: unknown): Set<string> | null {
  const items = list(p, raw, '/jurors', true, true);
  if (!items) return null;
  const out = new Set<string>();
  items.forEach((item, i) => {
    const jid = id(p, item, `/jurors/${i}`, 'juror id');
    if (jid === null) return;
    if (out.has(jid)) p.add('DUPLICATE_ID', `juror "${jid}" is declared twice`, { path: `/jurors/${i}`, juror: jid });
    out.add(jid);
  });
  return out;
}

interface Context {
  p: Problems;
  criteria: Criterion[] | null;
  scale: { min: number; max: number } | null;
  /** The declared entrants (id → declared index, and their axes), null when unusable. */
  entrants: DeclaredEntrants | null;
  jurors: Set<string> | null;
  /** Criterion, juror and entrant id → declared index. */
  criterionAt: Map<string, number>;
  jurorAt: Map<string, number>;
  entrantAt: Map<string, number>;
}

// The evaluation loop runs over every scorecard of an input (50,000 in a large round), so it
// builds no paths, closures or objects unless something is wrong.

const at = (base: string, i: number): string => `${base}/${i}`;

/** Checks a juror/entrant pair; returns [juror index, entrant index] (declared order) when known. */
function pairOf(c: Context, item: Rec, base: string, index: number): [number, number] | null {
  const { juror, entrant } = item;
  const j = typeof juror === 'string' ? c.jurorAt.get(juror) : undefined;
  const e = typeof entrant === 'string' ? c.entrantAt.get(entrant) : undefined;
  if (j !== undefined && e !== undefined) return [j, e];
  const path = at(base, index);
  const jid = id(c.p, juror, `${path}/juror`, 'juror');
  const eid = id(c.p, entrant, `${path}/entrant`, 'entrant');
  if (jid !== null && c.jurors && !c.jurors.has(jid)) c.p.add('UNKNOWN_ID', `unknown juror "${jid}"`, { path: `${path}/juror`, juror: jid });
  if (eid !== null && c.entrants && !c.entrants.at.has(eid)) c.p.add('UNKNOWN_ID', `unknown entrant "${eid}"`, { path: `${path}/entrant`, entrant: eid });
  return null;
}

function recusalsOf(c: Context, raw: unknown): Map<number, [string, string]> {
  const out = new Map<number, [string, string]>();
  const items = list(c.p, raw, '/recusals', false, false) ?? [];
  items.forEach((item, i) => {
    const path = at('/recusals', i);
    if (!isRecord(item)) return c.p.add('INVALID_INPUT', 'a recusal must be an object { juror, entrant }', { path });
    fields(c.p, item, ['juror', 'entrant'], path);
    const pair = pairOf(c, item, '/recusals', i);
    if (!pair) return;
    const juror = item.juror as string;
    const entrant = item.entrant as string;
    const key = pair[0] * c.entrantAt.size + pair[1];
    if (out.has(key)) c.p.add('DUPLICATE_ID', `recusal of "${juror}" from "${entrant}" is listed twice`, { path, juror, entrant });
    out.set(key, [juror, entrant]);
  });
  return out;
}

/** Appends the scores of one scorecard to `out` (criteria in declared order); false if invalid. */
function scoresOf(c: Context, raw: unknown, i: number, juror: string, entrant: string, out: number[]): boolean {
  if (!isRecord(raw)) {
    c.p.add('INVALID_INPUT', 'scores must be an object { [criterionId]: integer }', { path: `${at('/evaluations', i)}/scores`, juror, entrant });
    return false;
  }
  if (!c.criteria || !c.scale) return false;
  const { min, max } = c.scale;
  // Fast path: every scorecard has the same shape, so reading the criteria by name is cheap;
  // counting the keys then proves there is no unknown one.
  let ok = true;
  const base = out.length;
  for (const k of c.criteria) {
    const value = raw[k.id];
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) out.push(value);
    else ok = false;
  }
  let keys = 0;
  for (const key in raw) if (Object.prototype.hasOwnProperty.call(raw, key)) keys++;
  if (ok && keys === c.criteria.length) return true;
  out.length = base;
  for (const criterion of Object.keys(raw)) {
    const value = raw[criterion];
    const where = { path: `${at('/evaluations', i)}/scores/${criterion}`, juror, entrant, criterion };
    if (!c.criterionAt.has(criterion)) c.p.add('UNKNOWN_ID', `unknown criterion "${criterion}"`, where);
    else if (typeof value !== 'number' || !Number.isFinite(value)) c.p.add('INVALID_INPUT', `score for "${criterion}" must be a number`, where);
    else if (!Number.isInteger(value)) c.p.add('NOT_AN_INTEGER', `score ${value} for "${criterion}" is not an integer`, where);
    else if (value < min || value > max) c.p.add('OUT_OF_SCALE', `score ${value} for "${criterion}" is outside ${min}–${max}`, where);
  }
  for (const k of c.criteria) {
    if (!Object.prototype.hasOwnProperty.call(raw, k.id)) {
      c.p.add('INCOMPLETE_EVALUATION', `the scorecard of "${juror}" for "${entrant}" lacks "${k.id}"`, {
        path: `${at('/evaluations', i)}/scores`, juror, entrant, criterion: k.id,
      });
    }
  }
  return false;
}

const EVALUATION_FIELDS = ['juror', 'entrant', 'scores'];

/** Valid scorecards, column-wise, with juror and entrant in declared order. */
interface RawCards {
  juror: number[];
  entrant: number[];
  /** Scores, `criteria` per card, in declared criteria order. */
  scores: number[];
}

function evaluationsOf(c: Context, raw: unknown, recused: ReadonlyMap<number, unknown>): Rows {
  const out: RawCards = { juror: [], entrant: [], scores: [] };
  const seen = new Set<number>();
  const items = list(c.p, raw, '/evaluations', true, false) ?? [];
  const E = c.entrantAt.size;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isRecord(item)) {
      c.p.add('INVALID_INPUT', 'an evaluation must be an object { juror, entrant, scores }', { path: at('/evaluations', i) });
      continue;
    }
    for (const key in item) if (!EVALUATION_FIELDS.includes(key)) fields(c.p, item, EVALUATION_FIELDS, at('/evaluations', i));
    const pair = pairOf(c, item, '/evaluations', i);
    const juror = typeof item.juror === 'string' ? item.juror : '';
    const entrant = typeof item.entrant === 'string' ? item.entrant : '';
    const start = out.scores.length;
    const valid = scoresOf(c, item.scores, i, juror, entrant, out.scores);
    if (!pair) {
      out.scores.length = start;
      continue;
    }
    const key = pair[0] * E + pair[1];
    let problem = false;
    if (seen.has(key)) {
      c.p.add('DUPLICATE_EVALUATION', `"${juror}" scored "${entrant}" twice`, { path: at('/evaluations', i), juror, entrant });
      problem = true;
    } else if (recused.has(key)) {
      c.p.add('RECUSED_BUT_SCORED', `"${juror}" is recused from "${entrant}" but scored it`, { path: at('/evaluations', i), juror, entrant });
      problem = true;
    }
    seen.add(key);
    if (!valid || problem) {
      out.scores.length = start;
      continue;
    }
    out.juror.push(pair[0]);
    out.entrant.push(pair[1]);
  }
  return { length: out.juror.length, ...out };
}

/** The cards when every scorecard is well formed (the fast path), else null. */
function wellFormedCards(c: Context, raw: unknown, recused: ReadonlyMap<number, unknown>, jurorRank: Int32Array, entrantRank: Int32Array): Cards | null {
  const { criteria, scale } = c;
  if (!criteria || !scale || !c.jurors || !c.entrants) return null;
  const rows = wellFormedRows({ criteria, scale, jurorAt: c.jurorAt, entrantAt: c.entrantAt, recused }, raw);
  return rows && sortedCards(rows, jurorRank, entrantRank, criteria);
}

function quotaOf(p: Problems, raw: unknown, path: string, axes: readonly string[]): Map<string, number> | null {
  const out = new Map<string, number>();
  if (raw === undefined) return out;
  const one = (v: unknown, where: string): number | null => {
    const n = integer(p, v, where, 'a quota');
    if (n !== null && n < 0) p.add('INVALID_INPUT', 'a quota must not be negative', { path: where });
    return n !== null && n >= 0 ? n : null;
  };
  if (typeof raw === 'number') {
    const n = one(raw, path);
    if (n !== null) for (const a of axes) out.set(a, n);
    return out;
  }
  if (!isRecord(raw)) {
    p.add('INVALID_INPUT', 'a quota must be an integer or a map { [axis]: integer }', { path });
    return null;
  }
  for (const [axis, v] of Object.entries(raw)) {
    const n = one(v, `${path}/${axis}`);
    if (n !== null) out.set(axis, n);
  }
  return out;
}

function selectionOf(p: Problems, raw: unknown, axes: readonly string[]): Quotas | null {
  if (raw === undefined) return null;
  if (!isRecord(raw)) {
    p.add('INVALID_INPUT', 'selection must be an object { count, axisMin?, axisMax? }', { path: '/selection' });
    return null;
  }
  fields(p, raw, ['count', 'axisMin', 'axisMax'], '/selection');
  const count = integer(p, raw.count, '/selection/count', 'selection.count');
  if (count !== null && count <= 0) p.add('INVALID_INPUT', 'selection.count must be positive', { path: '/selection/count' });
  const min = quotaOf(p, raw.axisMin, '/selection/axisMin', axes);
  const max = quotaOf(p, raw.axisMax, '/selection/axisMax', axes);
  if (count === null || count <= 0 || !min || !max) return null;
  const request: SelectionRequest = { count };
  if (raw.axisMin !== undefined) request.axisMin = raw.axisMin as SelectionRequest['axisMin'] & {};
  if (raw.axisMax !== undefined) request.axisMax = raw.axisMax as SelectionRequest['axisMax'] & {};
  return { count, min, max, request };
}

function chairOrderOf(c: Context, raw: unknown): string[] | null {
  if (raw === undefined) return null;
  const items = list(c.p, raw, '/chairOrder', false, false);
  if (!items) return null;
  const out: string[] = [];
  items.forEach((item, i) => {
    const path = `/chairOrder/${i}`;
    const eid = id(c.p, item, path, 'entrant id');
    if (eid === null) return;
    if (c.entrants && !c.entrants.at.has(eid)) return c.p.add('UNKNOWN_ID', `unknown entrant "${eid}"`, { path, entrant: eid });
    if (out.includes(eid)) return c.p.add('DUPLICATE_ID', `"${eid}" appears twice in chairOrder`, { path, entrant: eid });
    out.push(eid);
  });
  return out;
}

function optionsOf(p: Problems, input: Rec): { method: Method; trim: 'auto' | 0; report: boolean } {
  let method: Method = 'satm';
  if (input.method !== undefined) {
    if (METHODS.includes(input.method as Method)) method = input.method as Method;
    else p.add('INVALID_INPUT', `method must be one of ${METHODS.join(', ')}`, { path: '/method' });
  }
  let trim: 'auto' | 0 = 'auto';
  if (input.trim !== undefined) {
    if (input.trim === 'auto' || input.trim === 0) trim = input.trim;
    else p.add('INVALID_INPUT', 'trim must be "auto" or 0', { path: '/trim' });
  }
  if (input.report !== undefined && typeof input.report !== 'boolean') {
    p.add('INVALID_INPUT', 'report must be a boolean', { path: '/report' });
  }
  return { method, trim, report: input.report === true };
}

/**
 * Validates an input and resolves it into a {@link Model}, or lists every problem found.
 * @example
 * const v = validate({ criteria: [], scale: { min: 1, max: 10 }, entrants: [], jurors: [], evaluations: [] });
 * // v.ok === false; v.errors[0].code === 'INVALID_INPUT' (criteria must not be empty)
 */
export function validate(input: unknown): { ok: true; model: Model } | { ok: false; errors: RankingError[] } {
  const p = new Problems();
  if (!isRecord(input)) {
    p.add('INVALID_INPUT', 'the input must be a JSON object', { path: '' });
    return { ok: false, errors: p.list };
  }
  for (const key of Object.keys(input)) {
    if (!TOP_FIELDS.has(key)) p.add('INVALID_INPUT', `unknown field "${key}"`, { path: `/${key}` });
  }
  const c: Context = {
    p,
    criteria: criteriaOf(p, input.criteria),
    scale: scaleOf(p, input.scale),
    entrants: wellFormedEntrants(input.entrants) ?? entrantsOf(p, input.entrants),
    jurors: jurorsOf(p, input.jurors),
    criterionAt: new Map(),
    jurorAt: new Map(),
    entrantAt: new Map(),
  };
  c.criteria?.forEach((k, i) => c.criterionAt.set(k.id, i));
  const declaredJurors = [...(c.jurors ?? [])];
  const declaredEntrants = [...(c.entrants?.at.keys() ?? [])];
  declaredJurors.forEach((j, i) => c.jurorAt.set(j, i));
  if (c.entrants) c.entrantAt = c.entrants.at;
  const jurors = sortedIds(declaredJurors);
  const entrants = sortedIds(declaredEntrants);
  const recused = recusalsOf(c, input.recusals);
  let cards = wellFormedCards(c, input.evaluations, recused, jurors.rank, entrants.rank);
  const raw = cards ? null : evaluationsOf(c, input.evaluations, recused);
  const options = optionsOf(p, input);
  const axes = c.entrants ? [...new Set(c.entrants.axis)].sort(byCodeUnits) : [];
  const quotas = selectionOf(p, input.selection, axes);
  const chairOrder = chairOrderOf(c, input.chairOrder);
  if (!c.criteria || !c.scale || !c.entrants || !c.jurors) return { ok: false, errors: p.list };

  // The full checks rejected every duplicate, so their cards always sort.
  cards ??= sortedCards(raw!, jurors.rank, entrants.rank, c.criteria)!;
  const E = declaredEntrants.length;
  const recusals = [...recused.keys()]
    .map((key) => [jurors.rank[Math.floor(key / E)]!, entrants.rank[key % E]!] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const model: Model = {
    criteria: c.criteria,
    weightSum: c.criteria.reduce((s, k) => s + k.weight, 0),
    scale: c.scale,
    entrants: entrants.sorted,
    axis: entrants.order.map((i) => c.entrants!.axis[i]!),
    jurors: jurors.sorted,
    cards,
    recusals,
    ...options,
    quotas,
    chairOrder,
  };
  for (const e of checkDesign(model)) p.list.push(e);
  return p.list.length > 0 ? { ok: false, errors: p.list } : { ok: true, model };
}
