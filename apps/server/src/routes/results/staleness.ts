import type { ResultsLoggedChange, ResultsSnapshot } from '@palmares/contract';
import { canonicalJson, type Json } from '@palmares/ranking';
import type { Db } from '../../db/open-db.js';
import { jurorNumbers } from '../../results/juror-numbers.js';
import { roundDecisions, roundResult } from '../../results/round-result.js';
import type { RoundRow } from '../deliberation/deliberation.queries.js';

interface EventRow {
  seq: number;
  at: string;
  actor: string;
  type: string;
  payload: string;
}

interface CorrectionPayload {
  roundId: number;
  jurorId: number;
  entrantId: number;
  criterion: string;
  oldValue: number;
  newValue: number;
  reason: string;
}

interface DecisionPayload {
  roundId: number;
  entrantIds: number[];
  reason: string;
}

type Evaluation = { juror: string; entrant: string; scores: Record<string, number> };

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
  return {
    // The entry that recorded the snapshot: the changes that matter are the ones logged after it.
    snapshotSeq: db.prepare<[number, number], number>(
      "SELECT seq FROM events WHERE competition_id = ? AND type = 'results.snapshot' AND json_extract(payload, '$.snapshotId') = ? ORDER BY seq LIMIT 1",
    ).pluck(),
    changesAfter: db.prepare<[number, number, number], EventRow>(
      `SELECT seq, at, actor, type, payload FROM events
       WHERE competition_id = ? AND seq > ? AND type IN ('score.corrected', 'chair.decision') AND json_extract(payload, '$.roundId') = ?
       ORDER BY seq`,
    ),
    jurorName: db.prepare<[number], string>('SELECT name FROM jurors WHERE id = ?').pluck(),
    userName: db.prepare<[number], string>('SELECT name FROM users WHERE id = ?').pluck(),
  };
}
function statementsFor(db: Db) {
  let s = statements.get(db);
  if (!s) {
    s = prepare(db);
    statements.set(db, s);
  }
  return s;
}

/** The round's corrections and tie decisions logged since the snapshot was taken, oldest first. */
export function changesSince(db: Db, round: RoundRow, snapshot: Pick<ResultsSnapshot, 'id' | 'input'>): ResultsLoggedChange[] {
  const q = statementsFor(db);
  const after = q.snapshotSeq.get(round.competition_id, snapshot.id) ?? 0;
  const jurors = ((snapshot.input['jurors'] as string[] | undefined) ?? []).map(String);
  const numberOf = jurorNumbers(round.id, jurors);
  return q.changesAfter.all(round.competition_id, after, round.id).map((e) => {
    const [kind, id] = e.actor.split(':');
    const byRole = kind === 'juror' ? 'chair' : 'organiser';
    const byName = (kind === 'juror' ? q.jurorName.get(Number(id)) : q.userName.get(Number(id))) ?? null;
    if (e.type === 'score.corrected') {
      const p = JSON.parse(e.payload) as CorrectionPayload;
      const juror = jurors.includes(String(p.jurorId)) ? numberOf(String(p.jurorId)) : null;
      return { kind: 'correction', seq: e.seq, at: e.at, byRole, byName, reason: p.reason, entrantIds: [p.entrantId], juror, criterion: p.criterion, oldValue: p.oldValue, newValue: p.newValue };
    }
    const p = JSON.parse(e.payload) as DecisionPayload;
    return { kind: 'decision', seq: e.seq, at: e.at, byRole, byName, reason: p.reason, entrantIds: p.entrantIds, juror: null, criterion: null, oldValue: null, newValue: null };
  });
}

/**
 * Whether the snapshot still holds: the same chair decisions, and the scores stored now give the
 * same fingerprint. A snapshot that no longer holds cannot be signed or published.
 */
export function snapshotIsStale(db: Db, round: RoundRow, snapshot: ResultsSnapshot): boolean {
  const decisionsNow = JSON.stringify(roundDecisions(db, round.id));
  return decisionsNow !== JSON.stringify(snapshot.chairDecisions) || roundResult(db, round.id).result.fingerprint !== snapshot.fingerprint;
}

/** The current snapshot as its signers read it: whether it is out of date, and by which logged changes. */
export function withStaleness(db: Db, round: RoundRow, snapshot: ResultsSnapshot): ResultsSnapshot {
  if (snapshot.publishedAt || !snapshotIsStale(db, round, snapshot)) return { ...snapshot, stale: null };
  return { ...snapshot, stale: { changes: changesSince(db, round, snapshot) } };
}

/**
 * Whether the logged corrections explain the difference between the snapshot's scorecards and the
 * ones stored now: the snapshot's evaluations with each logged correction applied in order must
 * be exactly the stored ones. Anything else (a value, a scorecard added or removed) is not
 * explained by the log.
 */
export function correctionsExplain(snapshotEvaluations: Evaluation[], changes: ResultsLoggedChange[], round: RoundRow, jurors: string[], nowEvaluations: Evaluation[]): boolean {
  const numberOf = jurorNumbers(round.id, jurors);
  const byKey = new Map(snapshotEvaluations.map((e) => [`${e.juror}:${e.entrant}`, { ...e, scores: { ...e.scores } }]));
  for (const c of changes) {
    if (c.kind !== 'correction' || c.juror === null || c.criterion === null) continue;
    const juror = jurors.find((j) => numberOf(j) === c.juror);
    const card = juror ? byKey.get(`${juror}:${c.entrantIds[0]}`) : undefined;
    if (!card || card.scores[c.criterion] !== c.oldValue || c.newValue === null) return false;
    card.scores[c.criterion] = c.newValue;
  }
  const key = (list: Evaluation[]) => canonicalJson([...list].sort((a, b) => `${a.juror}:${a.entrant}`.localeCompare(`${b.juror}:${b.entrant}`)) as unknown as Json);
  return key([...byKey.values()]) === key(nowEvaluations);
}
