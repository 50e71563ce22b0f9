import type { Change, ErrorDetail, JurorEntrant, ServerRevision } from '@palmares/contract';

/**
 * The tablet's outbox, as pure functions: what the next revision of a field is, what the juror
 * sees (the server's state overlaid with what is still on the tablet), which entries go in the
 * next batch, and what an answer of the server does to the queue. No React, no storage, no clock.
 */

/**
 * A field of one scorecard: round, entrant, field: `3:12:score:innovation`, `3:12:note`. The round
 * is part of it because a finalist scored in round 1 gets a new, empty scorecard in the final: a
 * key without the round laid round 1's values (and revisions) over the final's (issue 14, point 0).
 */
export type FieldKey = string;

export interface FieldValue {
  value: number | string;
  revision: number;
}

/** Why the server refused an entry; the entry stays on the tablet until the juror decides. */
export interface EntryProblem {
  code: string;
  message: string;
}

export interface OutboxEntry {
  /** Local id, unique on this tablet. */
  id: string;
  /** The juror the change belongs to: a tablet re-bound to someone else never sends it. */
  jurorId: number;
  roundId: number;
  change: Change;
  createdAt: number;
  problem?: EntryProblem;
}

export const fieldKey = (roundId: number, change: Pick<Change, 'kind' | 'entrantId'> & { criterion?: string }): FieldKey =>
  change.kind === 'score' ? `${roundId}:${change.entrantId}:score:${change.criterion ?? ''}` : `${roundId}:${change.entrantId}:${change.kind}`;

/** The field an outbox entry writes. */
export const entryKey = (entry: Pick<OutboxEntry, 'roundId' | 'change'>): FieldKey => fieldKey(entry.roundId, entry.change);

/** The fields of one entrant's scorecard in one round start with this. */
const scorecardPrefix = (roundId: number, entrantId: number) => `${roundId}:${entrantId}:`;

const valueOf = (change: Change): number | string => (change.kind === 'score' ? change.value : change.text);

/**
 * What the server held for each field of an entrant's scorecard in a round when the state was read.
 * @example serverFields(3, entrant).get('3:12:score:innovation') // { value: 7, revision: 2 }
 */
export function serverFields(roundId: number, entrant: Pick<JurorEntrant, 'id' | 'scorecard'>): Map<FieldKey, FieldValue> {
  const fields = new Map<FieldKey, FieldValue>();
  const card = entrant.scorecard;
  if (!card) return fields;
  for (const s of card.scores) fields.set(fieldKey(roundId, { kind: 'score', entrantId: entrant.id, criterion: s.criterion }), { value: s.value, revision: s.revision });
  fields.set(fieldKey(roundId, { kind: 'note', entrantId: entrant.id }), { value: card.note, revision: card.noteRevision });
  fields.set(fieldKey(roundId, { kind: 'feedback', entrantId: entrant.id }), { value: card.feedback, revision: card.feedbackRevision });
  return fields;
}

/**
 * The highest revision known per field: what the server reported (in a state read or an
 * acknowledgement) and what this tablet used. Kept by the outbox store, so the revision of a
 * change is computed in one place and no screen passes one through.
 */
export type KnownRevisions = Record<FieldKey, number>;

/** Raises the known revisions with those of `fields` (never lowers one). */
export function raiseKnown(known: KnownRevisions, fields: Iterable<[FieldKey, number]>): KnownRevisions {
  let next = known;
  for (const [key, revision] of fields) {
    if ((next[key] ?? 0) >= revision) continue;
    if (next === known) next = { ...known };
    next[key] = revision;
  }
  return next;
}

/** Every revision the server reported in a state read of one round. */
export function stateRevisions(roundId: number, entrants: Pick<JurorEntrant, 'id' | 'scorecard'>[]): [FieldKey, number][] {
  return entrants.flatMap((e) => [...serverFields(roundId, e)].map(([key, v]): [FieldKey, number] => [key, v.revision]));
}

/**
 * The revision of a new change: exactly one above the highest known, from the server (state or
 * acknowledgement), from this tablet's earlier changes, and from what still waits on it. Never
 * more: the server refuses a revision far above its own.
 * @example nextRevision({ '3:5:score:team': 5 }, [entryWithRevision6], '3:5:score:team') // 7
 */
export function nextRevision(known: KnownRevisions, entries: OutboxEntry[], key: FieldKey): number {
  let highest = known[key] ?? 0;
  for (const e of entries) if (entryKey(e) === key) highest = Math.max(highest, e.change.revision);
  return highest + 1;
}

export interface OverlaidScorecard {
  scores: Record<string, number>;
  note: string;
  feedback: string;
  /** Entries of this entrant still waiting on the tablet (without a problem). */
  pending: number;
  /** Entries the server refused, waiting for the juror's decision. */
  problems: number;
}

/**
 * What the juror sees for one entrant in one round: the server's state, then any newer
 * acknowledged value, then the changes still on the tablet (the latest revision wins). Nothing
 * of another round counts, and neither does a change the server refused: the screen (and its
 * total) shows what the server holds, the refused value is shown beside it until the juror
 * decides (issue 14, point 1).
 */
export function overlayScorecard(
  roundId: number,
  entrant: Pick<JurorEntrant, 'id' | 'scorecard'>,
  acked: Record<FieldKey, FieldValue>,
  entries: OutboxEntry[],
): OverlaidScorecard {
  const fields = serverFields(roundId, entrant);
  const prefix = scorecardPrefix(roundId, entrant.id);
  for (const [key, v] of Object.entries(acked)) {
    if (!key.startsWith(prefix)) continue;
    const current = fields.get(key);
    if (!current || v.revision > current.revision) fields.set(key, v);
  }
  let pending = 0;
  let problems = 0;
  const local = new Map<FieldKey, FieldValue>();
  for (const e of entries) {
    if (e.roundId !== roundId || e.change.entrantId !== entrant.id) continue;
    if (e.problem) {
      problems++;
      continue;
    }
    pending++;
    const key = entryKey(e);
    const current = local.get(key);
    if (!current || e.change.revision >= current.revision) local.set(key, { value: valueOf(e.change), revision: e.change.revision });
  }
  for (const [key, v] of local) fields.set(key, v);

  const result: OverlaidScorecard = { scores: {}, note: '', feedback: '', pending, problems };
  for (const [key, v] of fields) {
    const rest = key.slice(prefix.length);
    if (rest.startsWith('score:') && typeof v.value === 'number') result.scores[rest.slice('score:'.length)] = v.value;
    else if (rest === 'note' && typeof v.value === 'string') result.note = v.value;
    else if (rest === 'feedback' && typeof v.value === 'string') result.feedback = v.value;
  }
  return result;
}

/**
 * What the server holds for one field as far as the tablet knows (its state, or a newer
 * acknowledgement), without anything still on the tablet; undefined when it holds nothing.
 */
export function storedValue(
  roundId: number,
  entrant: Pick<JurorEntrant, 'id' | 'scorecard'>,
  acked: Record<FieldKey, FieldValue>,
  key: FieldKey,
): number | string | undefined {
  const server = serverFields(roundId, entrant).get(key);
  const known = acked[key];
  const held = known && (!server || known.revision > server.revision) ? known : server;
  // An empty note or feedback is the server's "nothing".
  return held === undefined || held.value === '' ? undefined : held.value;
}

export interface Batch {
  roundId: number;
  entries: OutboxEntry[];
}

/**
 * The next batch to send: the oldest entries of one round, in the order they were made, for the
 * current juror, skipping entries the server refused (they wait for the juror).
 */
export function nextBatch(entries: OutboxEntry[], jurorId: number, max: number): Batch | null {
  const sendable = entries.filter((e) => e.jurorId === jurorId && !e.problem);
  const first = sendable[0];
  if (!first) return null;
  return { roundId: first.roundId, entries: sendable.filter((e) => e.roundId === first.roundId).slice(0, max) };
}

/**
 * The server stored the batch: its entries leave the queue, and what the server now holds for
 * each field is remembered until the next read of the state shows it.
 */
export function acknowledge(
  entries: OutboxEntry[],
  acked: Record<FieldKey, FieldValue>,
  batch: Batch,
  serverRevisions: ServerRevision[],
): { entries: OutboxEntry[]; acked: Record<FieldKey, FieldValue> } {
  const sent = new Set(batch.entries.map((e) => e.id));
  const nextAcked = { ...acked };
  for (const r of serverRevisions) {
    const key = fieldKey(batch.roundId, r);
    const value = r.kind === 'score' ? r.value : r.text;
    const known = nextAcked[key];
    if (!known || r.revision >= known.revision) nextAcked[key] = { value, revision: r.revision };
  }
  return { entries: entries.filter((e) => !sent.has(e.id)), acked: nextAcked };
}

/** `changes.3.revision` → 3 */
function indexOfPath(path: string): number | null {
  const match = /^changes\.(\d+)\./.exec(path);
  return match ? Number(match[1]) : null;
}

/**
 * The server refused the whole batch (it is whole or nothing). The entries it names get the
 * problem: for a revision conflict the changes themselves; for a refusal about an entrant
 * (recused, submitted, not assigned) every entry of that entrant in the batch; without a path
 * (the round is closed) the whole batch. The other entries stay queued and go in the next batch.
 */
export function refuse(entries: OutboxEntry[], batch: Batch, error: { code: string; message: string; details: ErrorDetail[] }): OutboxEntry[] {
  const marked = new Map<string, EntryProblem>();
  const named = error.details.map((d) => ({ index: indexOfPath(d.path), d })).filter((x) => x.index !== null);
  for (const { index, d } of named) {
    const entry = batch.entries[index ?? -1];
    if (!entry) continue;
    if (error.code === 'REVISION_CONFLICT') {
      marked.set(entry.id, { code: error.code, message: d.message });
    } else {
      for (const e of batch.entries) if (e.change.entrantId === entry.change.entrantId) marked.set(e.id, { code: error.code, message: d.message || error.message });
    }
  }
  if (marked.size === 0) for (const e of batch.entries) marked.set(e.id, { code: error.code, message: error.message });
  return entries.map((e) => {
    const problem = marked.get(e.id);
    return problem ? { ...e, problem } : e;
  });
}

/**
 * The juror keeps their value after a refusal: the entry goes back in the queue, with a revision
 * above every one known (the refused one included), so it can no longer collide.
 */
export function retryEntry(entries: OutboxEntry[], id: string, known: KnownRevisions): OutboxEntry[] {
  const entry = entries.find((e) => e.id === id);
  if (!entry) return entries;
  const revision = nextRevision(known, entries, entryKey(entry));
  return entries.map((e) => (e.id === id ? { id: e.id, jurorId: e.jurorId, roundId: e.roundId, createdAt: e.createdAt, change: { ...e.change, revision } } : e));
}

/** Entries still to send for one entrant in one round (problems apart): "saved on this tablet". */
export const pendingFor = (entries: OutboxEntry[], roundId: number, entrantId: number) =>
  entries.filter((e) => e.roundId === roundId && e.change.entrantId === entrantId && !e.problem).length;

/** What version 1 of the stored outbox held (fields keyed without their round). */
export interface StoredOutboxV1 {
  entries?: OutboxEntry[];
  acked?: Record<string, FieldValue>;
  lastContactAt?: number | null;
}

/** What the tablet stores from version 2 on. */
export interface StoredOutbox {
  entries: OutboxEntry[];
  acked: Record<FieldKey, FieldValue>;
  known: KnownRevisions;
  lastContactAt: number | null;
}

/**
 * Moves what a tablet stored before the round was part of every key. The queued entries carry
 * their round, so they are all kept, and go on to the server unchanged. The acknowledged values
 * of version 1 cannot be told apart by round (that was the bug), so they go: they were only shown
 * until the next read of the state, which carries the same values under the right round; keeping
 * them would lay round 1's scores over the final's empty scorecard again.
 */
export function migrateStoredOutbox(stored: unknown, version: number): StoredOutbox {
  const old = (stored ?? {}) as StoredOutboxV1 & Partial<StoredOutbox>;
  const entries = Array.isArray(old.entries) ? old.entries : [];
  const lastContactAt = typeof old.lastContactAt === 'number' ? old.lastContactAt : null;
  if (version >= 2) return { entries, acked: old.acked ?? {}, known: old.known ?? {}, lastContactAt };
  const known = raiseKnown({}, entries.map((e): [FieldKey, number] => [entryKey(e), e.change.revision]));
  return { entries, acked: {}, known, lastContactAt };
}
