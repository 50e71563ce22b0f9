import {
  ResultsEventLogCheckSchema,
  ResultsSnapshotSchema,
  ResultsVerifySchema,
  type ResultsEventLogCheck,
  type ResultsSnapshot,
  type ResultsVerify,
} from '@palmares/contract';
import { describeRoute } from 'hono-openapi';
import type { Deps } from '../../deps.js';
import { notFound } from '../../lib/errors.js';
import { verifyChain } from '../../lib/event-log.js';
import type { RoundRow } from '../deliberation/deliberation.queries.js';
import { responses } from '../deliberation/openapi.js';
import { roundOf } from '../deliberation/round-access.js';
import { snapshotQueries } from './snapshot.queries.js';
import { createSnapshot, signOff, verifySnapshot, type Signer } from './snapshot.js';
import { withStaleness } from './staleness.js';

/**
 * What the organiser (`/competitions/:id/results`) and the jury chair (`/chair`) both do with a
 * round's results: check the event log, read the current snapshot, take one, sign it off, verify
 * it. Each side keeps its own paths and authentication and hands over who is acting on which
 * competition; the rest happens here, once.
 */
export function resultsActions(deps: Deps) {
  const { db, clock } = deps;
  // Before the first snapshot there is nothing to read yet: null, not an error (issue 15 point 9).
  const latest = (round: RoundRow): ResultsSnapshot | null => {
    const snapshot = snapshotQueries(db).latest(round.id);
    return snapshot ? withStaleness(db, round, snapshot) : null;
  };
  const existing = (round: RoundRow): ResultsSnapshot => {
    const snapshot = latest(round);
    if (!snapshot) throw notFound('Results snapshot');
    return snapshot;
  };
  return {
    /** The round, if it belongs to the competition; otherwise 404, as if it did not exist. */
    round: (competitionId: number, roundId: number) => roundOf(db, competitionId, roundId),
    /** The competition's own chain (decision 031): other competitions' entries are not its business. */
    eventLog: (competitionId: number): ResultsEventLogCheck => {
      const check = verifyChain(db, competitionId);
      return { ok: check.ok, entries: check.entries, brokenAt: check.ok ? null : check.brokenAt };
    },
    latest,
    snapshot: (round: RoundRow, actor: string) => {
      const { snapshot, created } = createSnapshot(db, round, actor, clock.now());
      return { snapshot: withStaleness(db, round, snapshot), created };
    },
    signOff: (round: RoundRow, signer: Signer): ResultsSnapshot => {
      const snapshot = withStaleness(db, round, signOff(db, round, signer, clock.now()));
      deps.live.publish(round.competition_id, { type: 'deliberation', data: { roundId: round.id, change: 'signoff' } });
      return snapshot;
    },
    verify: (round: RoundRow): ResultsVerify => verifySnapshot(db, round, existing(round)),
  };
}

/** The OpenAPI description of the routes above, under each side's tag. */
export function resultsDocs(tags: string[], signer: Signer['role']) {
  return {
    eventLog: describeRoute({ tags, summary: 'Checks the competition’s hash chain in the event log, end to end', responses: responses(200, ResultsEventLogCheckSchema, 'The check') }),
    latest: describeRoute({
      tags,
      summary: 'The current results snapshot with its sign-offs; null before the first one is taken',
      responses: responses(200, ResultsSnapshotSchema.nullable(), 'The snapshot, or null'),
    }),
    snapshot: describeRoute({
      tags,
      summary: 'Freezes the results into a snapshot (refused while a tie awaits the chair)',
      responses: responses(201, ResultsSnapshotSchema, 'The snapshot', { 409: 'Chair decision pending, round not closed' }),
    }),
    signOff: describeRoute({
      tags,
      summary: `The ${signer} signs the current snapshot off`,
      responses: responses(201, ResultsSnapshotSchema, 'The signed snapshot', { 409: 'Already signed, same person, or stale' }),
    }),
    verify: describeRoute({
      tags,
      summary: 'Recomputes the snapshot from the stored scorecards and compares',
      responses: responses(200, ResultsVerifySchema, 'The comparison', { 404: 'No snapshot' }),
    }),
  };
}
