import type { Change, ChangeBatchResponse, ErrorDetail, ServerRevision } from '@palmares/contract';
import { MAX_REVISION_STEP } from '@palmares/contract';
import type { Db } from '../../db/open-db.js';
import { AppError, notFound } from '../../lib/errors.js';
import { appendEvent } from '../../lib/event-log.js';
import type { JurorContext } from '../../middleware/juror.js';
import type { RoundRow, ScorecardRow } from './juror.queries.js';

type TextField = 'note' | 'feedback';

/** A progress change for the organiser's live board, published once the transaction commits. */
export interface Progress {
  roundId: number;
  entrantId: number;
  status: 'draft' | 'submitted' | 'recused';
}

/** Statements of the write side; every function below runs inside the caller's transaction. */
export function scoringStatements(db: Db) {
  return {
    // Only the columns the checks read: better-sqlite3 builds a JS object per row, column by column.
    round: db.prepare<[number], RoundCheck>('SELECT competition_id, state FROM rounds WHERE id = ?'),
    scoreCount: db.prepare<[number], number>('SELECT COUNT(*) FROM scores WHERE scorecard_id = ?').pluck(),
    // What a score batch is checked against, in one row: its round, the scale, { code: id } of
    // every criterion.
    batchContext: db
      .prepare<[number], [competitionId: number, state: RoundRow['state'], scaleMin: number, scaleMax: number, criteria: string]>(
        `SELECT r.competition_id, r.state, c.scale_min, c.scale_max,
                (SELECT json_group_object(code, id) FROM criteria WHERE competition_id = c.id)
         FROM rounds r JOIN competitions c ON c.id = r.competition_id WHERE r.id = ?`,
      )
      .raw(),
    criteria: db.prepare<[number], { id: number; code: string }>('SELECT id, code FROM criteria WHERE competition_id = ? ORDER BY position'),
    // juror, entrant, round, juror, entrant
    access: db
      .prepare<[number, number, number, number, number], [recused: number, assigned: number]>(
        `SELECT EXISTS (SELECT 1 FROM recusals WHERE juror_id = ? AND entrant_id = ?),
                EXISTS (SELECT 1 FROM assignments WHERE round_id = ? AND juror_id = ? AND entrant_id = ?)`,
      )
      .raw(),
    card: db.prepare<[number, number, number], ScorecardRow>('SELECT * FROM scorecards WHERE round_id = ? AND juror_id = ? AND entrant_id = ?'),
    textRevision: db.prepare<[number], { note: number; feedback: number }>('SELECT note_revision AS note, feedback_revision AS feedback FROM scorecards WHERE id = ?'),
    cardStatus: db.prepare<[number, number, number], CardStatus>('SELECT id, status FROM scorecards WHERE round_id = ? AND juror_id = ? AND entrant_id = ?'),
    insertCard: db.prepare<[number, number, number, string], CardStatus>(
      "INSERT INTO scorecards (round_id, juror_id, entrant_id, status, updated_at) VALUES (?, ?, ?, 'draft', ?) RETURNING id, status",
    ),
    touchCard: db.prepare<[string, number]>('UPDATE scorecards SET updated_at = ? WHERE id = ?'),
    scoreChange: db.prepare<[number, number, number], number>(
      'SELECT value FROM score_changes WHERE scorecard_id = ? AND criterion_id = ? AND revision = ?',
    ).pluck(),
    insertScoreChange: db.prepare<[number, number, number, number, string]>(
      'INSERT INTO score_changes (scorecard_id, criterion_id, revision, value, received_at) VALUES (?, ?, ?, ?, ?)',
    ),
    // Out-of-order arrivals: the current value only moves to a higher revision.
    upsertScore: db.prepare<[number, number, number, number, string]>(
      `INSERT INTO scores (scorecard_id, criterion_id, value, revision, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (scorecard_id, criterion_id) DO UPDATE SET value = excluded.value, revision = excluded.revision,
         updated_at = excluded.updated_at WHERE excluded.revision > scores.revision`,
    ),
    score: db.prepare<[number, number], { value: number; revision: number }>(
      'SELECT value, revision FROM scores WHERE scorecard_id = ? AND criterion_id = ?',
    ),
    textChange: db.prepare<[number, TextField, number], string>(
      'SELECT text FROM scorecard_text_changes WHERE scorecard_id = ? AND field = ? AND revision = ?',
    ).pluck(),
    insertTextChange: db.prepare<[number, TextField, number, string, string]>(
      'INSERT INTO scorecard_text_changes (scorecard_id, field, revision, text, received_at) VALUES (?, ?, ?, ?, ?)',
    ),
    setNote: db.prepare<[string, number, number, number]>(
      'UPDATE scorecards SET note = ?, note_revision = ? WHERE id = ? AND note_revision < ?',
    ),
    setFeedback: db.prepare<[string, number, number, number]>(
      'UPDATE scorecards SET feedback = ?, feedback_revision = ? WHERE id = ? AND feedback_revision < ?',
    ),
    cardById: db.prepare<[number], ScorecardRow>('SELECT * FROM scorecards WHERE id = ?'),
    scoredCodes: db.prepare<[number], { code: string; value: number; revision: number }>(
      `SELECT c.code, s.value, s.revision FROM scores s JOIN criteria c ON c.id = s.criterion_id
       WHERE s.scorecard_id = ? ORDER BY c.position`,
    ),
    setStatus: db.prepare<[string, string | null, string, number]>(
      'UPDATE scorecards SET status = ?, submitted_at = ?, updated_at = ? WHERE id = ?',
    ),
    entrantInCompetition: db.prepare<[number, number], number>('SELECT 1 FROM entrants WHERE id = ? AND competition_id = ?').pluck(),
    recusal: db.prepare<[number, number], { declared_at: string }>('SELECT declared_at FROM recusals WHERE juror_id = ? AND entrant_id = ?'),
    insertRecusal: db.prepare<[number, number, number, string, string]>(
      'INSERT INTO recusals (competition_id, juror_id, entrant_id, reason, declared_at) VALUES (?, ?, ?, ?, ?)',
    ),
    openRoundsWithEntrant: db.prepare<[number, number], number>(
      `SELECT r.id FROM rounds r JOIN round_entrants re ON re.round_id = r.id
       WHERE r.competition_id = ? AND re.entrant_id = ? AND r.state = 'open' ORDER BY r.id`,
    ).pluck(),
    withdraw: db.prepare<[string, number, number, number]>(
      `UPDATE scorecards SET status = 'withdrawn', updated_at = ?
       WHERE round_id = ? AND juror_id = ? AND entrant_id = ? AND status <> 'withdrawn'`,
    ),
  };
}
type Statements = ReturnType<typeof scoringStatements>;

const actorOf = (juror: JurorContext) => `juror:${juror.id}`;

interface RoundCheck {
  competition_id: number;
  state: RoundRow['state'];
}
type CardStatus = Pick<ScorecardRow, 'id' | 'status'>;

/** A round is seen only if it is the juror's competition's and not a draft (else 404: not disclosed). */
function assertVisible(round: RoundCheck | undefined, juror: JurorContext): asserts round is RoundCheck {
  if (!round || round.competition_id !== juror.competitionId || round.state === 'draft') throw notFound('Round');
}

function assertOpen(round: RoundCheck): void {
  if (round.state !== 'open') throw new AppError(409, 'ROUND_CLOSED', 'This round is closed: its scorecards are locked');
}

/** The round must be the juror's competition's (else 404, not disclosed) and open (else 409). */
export function openRound(st: Statements, juror: JurorContext, roundId: number): void {
  const round = st.round.get(roundId);
  assertVisible(round, juror);
  assertOpen(round);
}

/** Recused first (the more specific answer), then assigned. */
export function mayScore(st: Statements, juror: JurorContext, roundId: number, entrantId: number, path: string): void {
  const [recused, assigned] = st.access.get(juror.id, entrantId, roundId, juror.id, entrantId) ?? [0, 0];
  if (recused) {
    throw new AppError(403, 'RECUSED', `You declared a conflict of interest with entrant ${entrantId}`, [
      { path, rule: 'recused', message: 'Declared conflict of interest' },
    ]);
  }
  if (!assigned) {
    throw new AppError(403, 'NOT_ASSIGNED', `You are not assigned to score entrant ${entrantId} in this round`, [
      { path, rule: 'not_assigned', message: 'Not assigned to this juror in this round' },
    ]);
  }
}

/** 400 for everything wrong with the batch's content itself: unknown criteria, out-of-scale values. */
function checkContent(changes: Change[], criteria: Map<string, number>, scale: { scale_min: number; scale_max: number }): void {
  const details: ErrorDetail[] = [];
  changes.forEach((ch, i) => {
    if (ch.kind !== 'score') return;
    if (!criteria.has(ch.criterion)) {
      details.push({ path: `changes.${i}.criterion`, rule: 'unknown_criterion', message: `No criterion "${ch.criterion}" in this competition` });
    }
    if (ch.value < scale.scale_min || ch.value > scale.scale_max) {
      details.push({
        path: `changes.${i}.value`,
        rule: ch.value < scale.scale_min ? 'too_small' : 'too_big',
        message: `Scores go from ${scale.scale_min} to ${scale.scale_max}`,
      });
    }
  });
  if (details.length > 0) throw new AppError(400, 'VALIDATION_FAILED', 'Invalid request json', details);
}

const changeKey = (ch: Change) => `${ch.entrantId}:${ch.kind === 'score' ? `score:${ch.criterion}` : ch.kind}:${ch.revision}`;
const changeValue = (ch: Change) => (ch.kind === 'score' ? ch.value : ch.text);
type Cards = Map<number, CardStatus | undefined>;

/**
 * Refuses a change whose revision jumps more than MAX_REVISION_STEP above the highest the field
 * holds, counting the batch's own earlier changes to it (decision 018): such a revision would
 * freeze the field, since the current value only ever moves to a higher one.
 */
function assertRevisionSteps(st: Statements, changes: Change[], cards: Cards, criteria: Map<string, number>) {
  const highest = new Map<string, number>();
  const details: ErrorDetail[] = [];
  changes.forEach((ch, index) => {
    const field = `${ch.entrantId}:${ch.kind === 'score' ? `score:${ch.criterion}` : ch.kind}`;
    let held = highest.get(field);
    if (held === undefined) {
      const card = cards.get(ch.entrantId);
      held = !card ? 0 : ch.kind === 'score' ? (st.score.get(card.id, criteria.get(ch.criterion) ?? -1)?.revision ?? 0) : (st.textRevision.get(card.id)?.[ch.kind] ?? 0);
    }
    if (ch.revision > held + MAX_REVISION_STEP) {
      details.push({
        path: `changes.${index}.revision`,
        rule: 'revision_step',
        message: `Revision ${ch.revision} is more than ${MAX_REVISION_STEP} above the highest the server holds for this field (${held})`,
      });
    }
    highest.set(field, Math.max(held, ch.revision));
  });
  if (details.length > 0) throw new AppError(400, 'VALIDATION_FAILED', 'A revision jumps too far above the server’s; nothing was saved', details);
}

/**
 * Sorts the batch into replays (same key, same value: ignored) and fresh changes; the same key
 * with another value, stored or earlier in the batch, refuses the whole batch.
 */
function classify(st: Statements, changes: Change[], cards: Cards, criteria: Map<string, number>) {
  assertRevisionSteps(st, changes, cards, criteria);
  const seen = new Map<string, string | number>();
  const conflicts: ErrorDetail[] = [];
  const fresh: { ch: Change; index: number }[] = [];
  let duplicates = 0;
  changes.forEach((ch, index) => {
    const key = changeKey(ch);
    const card = cards.get(ch.entrantId);
    const stored = seen.has(key)
      ? seen.get(key)
      : card && (ch.kind === 'score'
          ? st.scoreChange.get(card.id, criteria.get(ch.criterion) ?? -1, ch.revision)
          : st.textChange.get(card.id, ch.kind, ch.revision));
    if (stored === undefined) {
      fresh.push({ ch, index });
      seen.set(key, changeValue(ch));
    } else if (stored === changeValue(ch)) {
      duplicates++;
    } else {
      const field = ch.kind === 'score' ? ch.criterion : ch.kind;
      conflicts.push({
        path: `changes.${index}.revision`,
        rule: 'revision_conflict',
        message: `Revision ${ch.revision} of entrant ${ch.entrantId} ${field} is already stored with another value (${JSON.stringify(stored)})`,
      });
    }
  });
  if (conflicts.length > 0) {
    throw new AppError(409, 'REVISION_CONFLICT', 'A change reuses a revision the server holds with another value; nothing was saved', conflicts);
  }
  const submitted = fresh.find(({ ch }) => cards.get(ch.entrantId)?.status === 'submitted');
  if (submitted) {
    throw new AppError(409, 'CONFLICT', `The scorecard of entrant ${submitted.ch.entrantId} is submitted: reopen it before changing it`, [
      { path: `changes.${submitted.index}.entrantId`, rule: 'submitted', message: 'Scorecard submitted' },
    ]);
  }
  return { fresh: fresh.map((f) => f.ch), duplicates };
}

const fieldKey = (ch: Change) => `${ch.entrantId}:${ch.kind}:${ch.kind === 'score' ? ch.criterion : ''}`;

/**
 * Stores one fresh change; the current value moves only if its revision is higher. Returns what
 * the field holds if this change became its current value, else undefined (a higher one stays).
 */
function writeChange(st: Statements, card: CardStatus, ch: Change, criteria: Map<string, number>, at: string): ServerRevision | undefined {
  const { entrantId, revision } = ch;
  if (ch.kind === 'score') {
    const criterionId = criteria.get(ch.criterion) ?? -1;
    st.insertScoreChange.run(card.id, criterionId, revision, ch.value, at);
    const moved = st.upsertScore.run(card.id, criterionId, ch.value, revision, at).changes > 0;
    return moved ? { kind: 'score', entrantId, criterion: ch.criterion, value: ch.value, revision } : undefined;
  }
  st.insertTextChange.run(card.id, ch.kind, revision, ch.text, at);
  const moved = (ch.kind === 'note' ? st.setNote : st.setFeedback).run(ch.text, revision, card.id, revision).changes > 0;
  return moved ? { kind: ch.kind, entrantId, text: ch.text, revision } : undefined;
}

/**
 * Applies one batch of the tablet's outbox, whole or not at all; call inside a transaction.
 * Order of refusals: unknown round (404), bad content (400), round not open (409 ROUND_CLOSED),
 * recused or not assigned (403), the same revision with another value (409 REVISION_CONFLICT,
 * every such change named), a new change to a submitted scorecard (409 CONFLICT).
 */
export function applyBatch(
  db: Db,
  st: Statements,
  juror: JurorContext,
  roundId: number,
  changes: Change[],
  now: Date,
): { response: ChangeBatchResponse; progress: Progress[]; changedEntrants: number[] } {
  const [competitionId, state, scaleMin, scaleMax, criteriaJson] = st.batchContext.get(roundId) ?? [];
  const round = competitionId === undefined || state === undefined ? undefined : { competition_id: competitionId, state };
  assertVisible(round, juror);
  const criteria = new Map(Object.entries(JSON.parse(criteriaJson ?? '{}') as Record<string, number>));
  checkContent(changes, criteria, { scale_min: scaleMin ?? 0, scale_max: scaleMax ?? 0 });
  assertOpen(round);
  const entrants = [...new Set(changes.map((ch) => ch.entrantId))];
  for (const e of entrants) mayScore(st, juror, roundId, e, `changes.${changes.findIndex((ch) => ch.entrantId === e)}.entrantId`);

  const cards: Cards = new Map(entrants.map((e) => [e, st.cardStatus.get(roundId, juror.id, e)]));
  const { fresh, duplicates } = classify(st, changes, cards, criteria);
  const at = now.toISOString();
  const progress: Progress[] = [];
  // A draft whose last criterion arrives becomes "complete, not submitted" on the organiser's board.
  const scoredBefore = new Map(entrants.map((e) => {
    const card = cards.get(e);
    return [e, card ? (st.scoreCount.get(card.id) ?? 0) : 0];
  }));
  const current = new Map<string, ServerRevision>();
  const touched = new Set<number>();
  for (const ch of fresh) {
    let card = cards.get(ch.entrantId);
    if (!card) {
      card = st.insertCard.get(roundId, juror.id, ch.entrantId, at);
      if (!card) throw new Error('scorecard insert returned nothing');
      cards.set(ch.entrantId, card);
      progress.push({ roundId, entrantId: ch.entrantId, status: 'draft' });
    }
    const holds = writeChange(st, card, ch, criteria, at);
    if (holds) current.set(fieldKey(ch), holds);
    touched.add(card.id);
    appendEvent(db, {
      competitionId: juror.competitionId,
      actor: actorOf(juror),
      type: ch.kind === 'score' ? 'score.changed' : `${ch.kind}.changed`,
      payload: { roundId, bindingId: juror.bindingId, ...ch },
      at: now,
    });
  }
  for (const cardId of touched) st.touchCard.run(at, cardId);
  for (const [entrantId, card] of cards) {
    if (!card || !touched.has(card.id) || (scoredBefore.get(entrantId) ?? 0) >= criteria.size) continue;
    if ((st.scoreCount.get(card.id) ?? 0) >= criteria.size && !progress.some((p) => p.entrantId === entrantId)) progress.push({ roundId, entrantId, status: 'draft' });
  }
  const serverRevs = serverRevisions(st, cards, changes, criteria, current);
  const changedEntrants = [...new Set(fresh.map((ch) => ch.entrantId))];
  return { response: { applied: fresh.length, duplicates, serverRevisions: serverRevs, receivedAt: at }, progress, changedEntrants };
}

/**
 * What the server now holds for every field the batch touched, once each: `current` has the
 * fields this batch's own changes became; the others are read back.
 */
function serverRevisions(
  st: Statements,
  cards: Cards,
  changes: Change[],
  criteria: Map<string, number>,
  current: Map<string, ServerRevision>,
): ServerRevision[] {
  const out = new Map<string, ServerRevision>();
  for (const ch of changes) {
    const key = fieldKey(ch);
    const cardId = cards.get(ch.entrantId)?.id;
    if (out.has(key) || cardId === undefined) continue;
    const known = current.get(key);
    if (known) out.set(key, known);
    else if (ch.kind === 'score') {
      const s = st.score.get(cardId, criteria.get(ch.criterion) ?? -1);
      if (s) out.set(key, { kind: 'score', entrantId: ch.entrantId, criterion: ch.criterion, value: s.value, revision: s.revision });
    } else {
      const card = st.cardById.get(cardId);
      if (!card) continue;
      out.set(key, ch.kind === 'note'
        ? { kind: 'note', entrantId: ch.entrantId, text: card.note, revision: card.note_revision }
        : { kind: 'feedback', entrantId: ch.entrantId, text: card.feedback, revision: card.feedback_revision });
    }
  }
  return [...out.values()];
}

/** Submits a complete scorecard; submitting it again is a no-op. */
export function submitScorecard(db: Db, st: Statements, juror: JurorContext, roundId: number, entrantId: number, now: Date) {
  openRound(st, juror, roundId);
  mayScore(st, juror, roundId, entrantId, 'entrantId');
  const card = st.card.get(roundId, juror.id, entrantId);
  if (card?.status === 'submitted') return { card, changed: false };
  const scored = card ? st.scoredCodes.all(card.id) : [];
  const missing = st.criteria.all(juror.competitionId).filter((c) => !scored.some((s) => s.code === c.code));
  if (!card || missing.length > 0) {
    throw new AppError(
      409,
      'CONFLICT',
      `The scorecard is incomplete: ${missing.map((c) => c.code).join(', ')} not scored yet`,
      missing.map((c) => ({ path: `scores.${c.code}`, rule: 'required', message: `Criterion ${c.code} is not scored` })),
    );
  }
  const at = now.toISOString();
  st.setStatus.run('submitted', at, at, card.id);
  appendEvent(db, {
    competitionId: juror.competitionId,
    actor: actorOf(juror),
    type: 'scorecard.submitted',
    payload: {
      roundId,
      entrantId,
      bindingId: juror.bindingId,
      scores: Object.fromEntries(scored.map((s) => [s.code, s.value])),
      revisions: Object.fromEntries(scored.map((s) => [s.code, s.revision])),
    },
    at: now,
  });
  return { card: { ...card, status: 'submitted' as const, submitted_at: at }, changed: true };
}

/** Puts a submitted scorecard back to draft while the round is open; a draft stays as it is. */
export function reopenScorecard(db: Db, st: Statements, juror: JurorContext, roundId: number, entrantId: number, now: Date) {
  openRound(st, juror, roundId);
  mayScore(st, juror, roundId, entrantId, 'entrantId');
  const card = st.card.get(roundId, juror.id, entrantId);
  if (!card) throw notFound('Scorecard');
  if (card.status !== 'submitted') return { card, changed: false };
  const at = now.toISOString();
  st.setStatus.run('draft', null, at, card.id);
  appendEvent(db, {
    competitionId: juror.competitionId,
    actor: actorOf(juror),
    type: 'scorecard.reopened',
    payload: { roundId, entrantId, bindingId: juror.bindingId },
    at: now,
  });
  return { card: { ...card, status: 'draft' as const, submitted_at: null }, changed: true };
}

/**
 * Records a conflict of interest (competition-wide) and withdraws this juror's scorecards for
 * the entrant in open rounds; closed rounds are frozen and keep theirs. A replay changes nothing.
 */
export function declareRecusal(db: Db, st: Statements, juror: JurorContext, entrantId: number, reason: string, now: Date) {
  if (!st.entrantInCompetition.get(entrantId, juror.competitionId)) throw notFound('Entrant');
  const existing = st.recusal.get(juror.id, entrantId);
  if (existing) return { declaredAt: existing.declared_at, withdrawnRoundIds: [], alreadyDeclared: true, progress: [] as Progress[] };
  const at = now.toISOString();
  st.insertRecusal.run(juror.competitionId, juror.id, entrantId, reason, at);
  const openRounds = st.openRoundsWithEntrant.all(juror.competitionId, entrantId);
  const withdrawnRoundIds = openRounds.filter((r) => st.withdraw.run(at, r, juror.id, entrantId).changes > 0);
  appendEvent(db, {
    competitionId: juror.competitionId,
    actor: actorOf(juror),
    type: 'recusal.declared',
    payload: { entrantId, reason, bindingId: juror.bindingId, withdrawnRoundIds },
    at: now,
  });
  const progress = openRounds.map((roundId): Progress => ({ roundId, entrantId, status: 'recused' }));
  return { declaredAt: at, withdrawnRoundIds, alreadyDeclared: false, progress };
}
