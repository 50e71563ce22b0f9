import type { ResultsSnapshot, ResultsVerify } from '@palmares/contract';
import { canonicalJson, type Json } from '@palmares/ranking';
import type { Db } from '../../db/open-db.js';
import { AppError, notFound } from '../../lib/errors.js';
import { appendEvent, verifyChain } from '../../lib/event-log.js';
import { assertScoresMatchLog, roundIntegrity } from '../../results/integrity.js';
import { roundResult } from '../../results/round-result.js';
import type { RoundRow } from '../deliberation/deliberation.queries.js';
import { snapshotQueries } from './snapshot.queries.js';
import { changesSince, correctionsExplain, snapshotIsStale } from './staleness.js';

const conflict = (rule: string, message: string, path = 'roundId') => new AppError(409, 'CONFLICT', message, [{ path, rule, message }]);

/** Snapshots are the final's; the shortlist is confirmed on the rounds screen. */
function assertSnapshotable(db: Db, round: RoundRow): void {
  if (round.kind !== 'final') throw conflict('not-final', 'Results are signed off and published for the final');
  if (round.state !== 'closed') throw conflict('round-closed', `Results are frozen once the round is closed and before publication; it is ${round.state}`);
  if (snapshotQueries(db).latest(round.id)?.publishedAt) throw conflict('results-published', 'The results are already published');
}

/**
 * Freezes the round's current result: method, rubric version, the chair's decisions, the
 * fingerprint, the ranking's input and result (with its robustness report). Refused while a tie
 * awaits the chair. Taking it again with nothing changed returns the same snapshot.
 */
export function createSnapshot(db: Db, round: RoundRow, actor: string, now: Date): { snapshot: ResultsSnapshot; created: boolean } {
  assertSnapshotable(db, round);
  assertScoresMatchLog(db, round);
  const q = snapshotQueries(db);
  const { input, result, decisions } = roundResult(db, round.id, { report: true });
  const pending = result.selection?.needsChairDecision;
  if (pending) {
    throw new AppError(409, 'CONFLICT', 'A tie for the last award seats awaits the chair', [
      { path: 'selection', rule: 'chair-decision-pending', message: `entrants ${pending.entrants.join(', ')} for ${pending.seats} seat(s)` },
    ]);
  }
  const current = q.latest(round.id);
  if (current && current.fingerprint === result.fingerprint) return { snapshot: current, created: false };
  const rubricVersion = db.prepare('SELECT rubric_version FROM competitions WHERE id = ?').pluck().get(round.competition_id) as number;
  const id = db.transaction(() => {
    const snapshotId = Number(
      db.prepare(
        `INSERT INTO result_snapshots (round_id, method, rubric_version, fingerprint, input, result, chair_decisions, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(round.id, result.method, rubricVersion, result.fingerprint, JSON.stringify(input), JSON.stringify(result), JSON.stringify(decisions), now.toISOString()).lastInsertRowid,
    );
    appendEvent(db, { competitionId: round.competition_id, actor, type: 'results.snapshot', payload: { roundId: round.id, snapshotId, fingerprint: result.fingerprint }, at: now });
    return snapshotId;
  })();
  const snapshot = q.latest(round.id);
  if (!snapshot || snapshot.id !== id) throw new Error('snapshot vanished');
  return { snapshot, created: true };
}

/**
 * Recomputes a snapshot from the scorecards stored now, with the chair order it was taken with,
 * and compares fingerprint and result (canonical JSON, so key order cannot matter). A real
 * recomputation, never the cache: this is the check that the same input gives the same answer.
 */
export function verifySnapshot(db: Db, round: RoundRow, snapshot: ResultsSnapshot): ResultsVerify {
  const report = snapshot.input['report'] === true;
  const { input, result } = roundResult(db, snapshot.roundId, { report, decisions: snapshot.chairDecisions, fresh: true });
  const fingerprintMatches = result.fingerprint === snapshot.fingerprint;
  const resultMatches = canonicalJson(result as unknown as Json) === canonicalJson(snapshot.result as unknown as Json);
  const match = fingerprintMatches && resultMatches;
  // One verdict. A mismatch is only "out of date" when the corrections logged since the snapshot
  // turn its scorecards into exactly the stored ones; any other difference is tampering, and so is
  // a snapshot row whose result no longer carries its own fingerprint.
  const changes = snapshot.publishedAt ? [] : changesSince(db, round, snapshot);
  const snapshotEvaluations = (snapshot.input['evaluations'] ?? []) as Parameters<typeof correctionsExplain>[0];
  const explained = !match && snapshot.result['fingerprint'] === snapshot.fingerprint && changes.length > 0 && correctionsExplain(snapshotEvaluations, changes, round, input.jurors, input.evaluations);
  // The stored scores against a full replay of the log, and the log's own chain: either failing
  // is tampering, whatever the snapshot says.
  const integrity = roundIntegrity(db, round, { fresh: true });
  const check = verifyChain(db, round.competition_id);
  const chain = { ok: check.ok, entries: check.entries, brokenAt: check.ok ? null : check.brokenAt };
  const tampered = (!match && !explained) || !integrity.ok || !chain.ok;
  const verdict = tampered ? 'tampered' : !snapshot.publishedAt && snapshotIsStale(db, round, snapshot) ? 'stale' : 'intact';
  return {
    snapshotId: snapshot.id,
    storedFingerprint: snapshot.fingerprint,
    recomputedFingerprint: result.fingerprint,
    fingerprintMatches,
    resultMatches,
    match,
    verdict,
    changes: verdict === 'stale' ? changes : [],
    integrity,
    chain,
  };
}

/** The snapshot a sign-off or publication applies to: the latest, unpublished, still current. */
function currentSnapshot(db: Db, round: RoundRow): ResultsSnapshot {
  assertSnapshotable(db, round);
  const snapshot = snapshotQueries(db).latest(round.id);
  if (!snapshot) throw notFound('Results snapshot');
  assertScoresMatchLog(db, round);
  if (snapshotIsStale(db, round, snapshot)) {
    throw conflict('snapshot-stale', 'Scores or decisions changed since this snapshot was taken; take a new snapshot');
  }
  return snapshot;
}

export interface Signer {
  role: 'chair' | 'organiser';
  actor: string;
  /** The signer's e-mail: one person holding both a chair tablet and an organiser account signs once. */
  email: string;
}

function emailOf(db: Db, actor: string): string {
  const [kind, id] = actor.split(':');
  const table = kind === 'juror' ? 'jurors' : 'users';
  return ((db.prepare(`SELECT email FROM ${table} WHERE id = ?`).pluck().get(Number(id)) as string | undefined) ?? '').toLowerCase();
}

/**
 * One sign-off per role per snapshot, and two different people: the same actor cannot take both
 * roles, nor can one e-mail address behind a chair tablet and an organiser account.
 */
export function signOff(db: Db, round: RoundRow, signer: Signer, now: Date): ResultsSnapshot {
  const snapshot = currentSnapshot(db, round);
  if (snapshot.signoffs.some((s) => s.role === signer.role)) throw conflict('already-signed', `The ${signer.role} has already signed these results`, 'role');
  const other = snapshot.signoffs.find((s) => s.role !== signer.role);
  const email = signer.email.trim().toLowerCase();
  if (other && (other.actor === signer.actor || (email !== '' && emailOf(db, other.actor) === email))) {
    throw conflict('same-person', 'The chair and the organiser must be two different people', 'role');
  }
  db.transaction(() => {
    db.prepare('INSERT INTO signoffs (snapshot_id, role, actor, signed_at) VALUES (?, ?, ?, ?)').run(snapshot.id, signer.role, signer.actor, now.toISOString());
    appendEvent(db, { competitionId: round.competition_id, actor: signer.actor, type: 'results.signed', payload: { roundId: round.id, snapshotId: snapshot.id, role: signer.role, fingerprint: snapshot.fingerprint }, at: now });
  })();
  return snapshotQueries(db).latest(round.id)!;
}

/** Publishes the current snapshot once both the chair and the organiser have signed it. */
export function publish(db: Db, round: RoundRow, actor: string, now: Date): ResultsSnapshot {
  const snapshot = currentSnapshot(db, round);
  const missing = (['chair', 'organiser'] as const).filter((role) => !snapshot.signoffs.some((s) => s.role === role));
  if (missing.length) {
    throw new AppError(409, 'CONFLICT', 'Publication needs the sign-off of both the chair and the organiser', missing.map((role) => ({ path: 'signoffs', rule: 'signoff-missing', message: `${role} has not signed` })));
  }
  const at = now.toISOString();
  db.transaction(() => {
    db.prepare('UPDATE result_snapshots SET published_at = ? WHERE id = ?').run(at, snapshot.id);
    db.prepare("UPDATE rounds SET state = 'confirmed', confirmed_at = ?, published_at = ? WHERE id = ?").run(at, at, round.id);
    appendEvent(db, { competitionId: round.competition_id, actor, type: 'results.published', payload: { roundId: round.id, snapshotId: snapshot.id, fingerprint: snapshot.fingerprint }, at: now });
  })();
  return snapshotQueries(db).latest(round.id)!;
}
