import type { JurorEntrant, JurorEntrantState, OwnScorecard, ScorecardEvent } from '@palmares/contract';
import { entryKey, serverFields, storedValue, type FieldKey, type FieldValue, type OutboxEntry } from './outbox-logic';

/**
 * A scorecard changed on the server from elsewhere (the juror's other tablet, the chair's
 * correction), pushed on the live stream (issue 14 point 2), as pure functions: what the tablet's
 * copy of the scorecard becomes, what the juror is told changed, and which of this tablet's
 * unsent changes it turns into conflicts. No React, no storage, no clock.
 */

/** One field that changed, as the juror reads it: "Innovation 7 → 8". `from` is absent for a first value. */
export type ChangedField =
  | { kind: 'score'; criterion: string; from?: number; to: number }
  | { kind: 'note' | 'feedback' };

/** What the one line on the scorecard says. */
export interface RemoteChange {
  roundId: number;
  entrantId: number;
  by: ScorecardEvent['by'];
  fields: ChangedField[];
  /** The scorecard's state moved too (submitted, reopened, recused), else null. */
  state: 'submitted' | 'reopened' | 'recused' | null;
}

/**
 * The tablet's copy of a scorecard after a pushed one: each field keeps the higher revision (an
 * event that arrives late never undoes a newer value), the status is the pushed one.
 * @example mergeScorecard(heldInnovation7rev2, pushedInnovation8rev3).scores // [{ criterion: 'innovation', value: 8, revision: 3 }]
 */
export function mergeScorecard(held: OwnScorecard | null, pushed: OwnScorecard | null): OwnScorecard | null {
  if (!pushed || !held) return pushed;
  const scores = new Map(held.scores.map((s) => [s.criterion, s]));
  for (const s of pushed.scores) {
    const mine = scores.get(s.criterion);
    if (!mine || s.revision >= mine.revision) scores.set(s.criterion, s);
  }
  const note = pushed.noteRevision >= held.noteRevision ? { note: pushed.note, noteRevision: pushed.noteRevision } : { note: held.note, noteRevision: held.noteRevision };
  const feedback =
    pushed.feedbackRevision >= held.feedbackRevision
      ? { feedback: pushed.feedback, feedbackRevision: pushed.feedbackRevision }
      : { feedback: held.feedback, feedbackRevision: held.feedbackRevision };
  // The criteria keep the server's order: the pushed card lists them as the rubric does.
  const order = [...pushed.scores.map((s) => s.criterion), ...held.scores.map((s) => s.criterion)];
  const ordered = [...new Set(order)].flatMap((c) => {
    const s = scores.get(c);
    return s ? [s] : [];
  });
  return { ...pushed, scores: ordered, ...note, ...feedback };
}

const movedState = (before: JurorEntrantState, after: JurorEntrantState): RemoteChange['state'] => {
  if (before === after) return null;
  if (after === 'submitted' || after === 'recused') return after;
  return before === 'submitted' ? 'reopened' : null;
};

/**
 * What the juror is told changed: the fields whose value the server now holds differs from what
 * this tablet knew the server held (its state and the acknowledgements it got), and the state.
 */
export function describeChange(
  event: ScorecardEvent,
  before: Pick<JurorEntrant, 'id' | 'scorecard' | 'state'>,
  after: Pick<JurorEntrant, 'id' | 'scorecard' | 'state'>,
  acked: Record<FieldKey, FieldValue>,
): RemoteChange {
  const fields: ChangedField[] = [];
  for (const [key, now] of serverFields(event.roundId, after)) {
    const was = storedValue(event.roundId, before, acked, key);
    const is = now.value === '' ? undefined : now.value;
    if (was === is) continue;
    // An acknowledgement of this tablet's own newer change still shows: nothing changed for the juror.
    const own = acked[key];
    if (own && own.revision >= now.revision) continue;
    const rest = key.slice(`${event.roundId}:${event.entrantId}:`.length);
    if (rest.startsWith('score:') && typeof now.value === 'number') {
      const criterion = rest.slice('score:'.length);
      fields.push(typeof was === 'number' ? { kind: 'score', criterion, from: was, to: now.value } : { kind: 'score', criterion, to: now.value });
    } else if (rest === 'note' || rest === 'feedback') {
      fields.push({ kind: rest });
    }
  }
  return { roundId: event.roundId, entrantId: event.entrantId, by: event.by, fields, state: movedState(before.state, after.state) };
}

/** Whether there is anything to say at all. */
export const isNews = (change: RemoteChange) => change.fields.length > 0 || change.state !== null;

/**
 * This tablet's unsent changes that the pushed scorecard makes conflicts: a change of the same
 * field at a revision the server already holds (or passed) with another value would be refused
 * (409) when it arrives, and the value on screen would not be the one that counts. They are
 * marked now, as a refusal would mark them (issue 14 point 1's conflict), for the juror to decide;
 * the value they were editing is never overwritten silently.
 * @example conflictsWith(entries, 3, pushedEntrant) // the ids of the entries to mark
 */
export function conflictsWith(entries: OutboxEntry[], roundId: number, pushed: Pick<JurorEntrant, 'id' | 'scorecard'>): string[] {
  const held = serverFields(roundId, pushed);
  return entries
    .filter((e) => {
      if (e.problem || e.roundId !== roundId || e.change.entrantId !== pushed.id) return false;
      const server = held.get(entryKey(e));
      if (!server || server.revision < e.change.revision) return false;
      const mine = e.change.kind === 'score' ? e.change.value : e.change.text;
      return mine !== server.value;
    })
    .map((e) => e.id);
}
