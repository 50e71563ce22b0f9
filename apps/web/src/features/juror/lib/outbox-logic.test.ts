import type { Change, JurorEntrant, OwnScorecard } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { acknowledge, entryKey, storedValue, fieldKey, migrateStoredOutbox, nextBatch, nextRevision, overlayScorecard, raiseKnown, refuse, retryEntry, stateRevisions, type OutboxEntry } from './outbox-logic';

const card = (over: Partial<OwnScorecard> = {}): OwnScorecard => ({
  status: 'draft',
  scores: [],
  note: '',
  noteRevision: 0,
  feedback: '',
  feedbackRevision: 0,
  submittedAt: null,
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});
const entrant = (id: number, scorecard: OwnScorecard | null = null): Pick<JurorEntrant, 'id' | 'scorecard'> => ({ id, scorecard });

let seq = 0;
const entry = (change: Change, over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  id: `e${++seq}`,
  jurorId: 1,
  roundId: 2,
  createdAt: seq,
  change,
  ...over,
});
const score = (entrantId: number, criterion: string, value: number, revision: number): Change => ({ kind: 'score', entrantId, criterion, value, revision });

describe('nextRevision', () => {
  test('a first change of a field the server never saw is revision 1', () => {
    expect(nextRevision({}, [], '2:5:score:team')).toBe(1);
  });

  test('a tablet that replaces a broken one starts one above the revision the server holds', () => {
    const known = raiseKnown({}, stateRevisions(2, [entrant(5, card({ scores: [{ criterion: 'team', value: 6, revision: 4 }] }))]));
    expect(nextRevision(known, [], '2:5:score:team')).toBe(5);
  });

  test('changes still waiting on the tablet count, those of other fields, startups and rounds do not', () => {
    const entries = [entry(score(5, 'team', 7, 6)), entry(score(5, 'pitch', 3, 9)), entry(score(6, 'team', 3, 12)), entry(score(5, 'team', 3, 15), { roundId: 1 })];
    expect(nextRevision({ '2:5:score:team': 4 }, entries, '2:5:score:team')).toBe(7);
  });

  test('the highest of the server’s and the tablet’s wins, and the next is exactly one above it (never a jump)', () => {
    expect(nextRevision(raiseKnown({ '2:5:score:team': 5 }, [['2:5:score:team', 3]]), [], '2:5:score:team')).toBe(6);
    expect(nextRevision(raiseKnown({ '2:5:score:team': 3 }, [['2:5:score:team', 8]]), [], '2:5:score:team')).toBe(9);
  });

  test('a finalist’s round-1 revisions do not count in the final', () => {
    const known = raiseKnown({}, stateRevisions(1, [entrant(5, card({ scores: [{ criterion: 'team', value: 6, revision: 3 }] }))]));
    expect(nextRevision(known, [entry(score(5, 'team', 7, 4), { roundId: 1 })], fieldKey(2, { kind: 'score', entrantId: 5, criterion: 'team' }))).toBe(1);
  });
});

describe('raiseKnown', () => {
  test('only raises, and returns the same object when nothing changed', () => {
    const known = { '2:5:note': 4 };
    expect(raiseKnown(known, [['2:5:note', 2]])).toBe(known);
    expect(raiseKnown(known, [['2:5:note', 6], ['2:6:note', 1]])).toEqual({ '2:5:note': 6, '2:6:note': 1 });
  });
});

describe('overlayScorecard', () => {
  const server = entrant(5, card({ scores: [{ criterion: 'team', value: 6, revision: 2 }, { criterion: 'pitch', value: 4, revision: 1 }], note: 'old', noteRevision: 1 }));

  test('shows the server state when nothing waits on the tablet', () => {
    expect(overlayScorecard(2, server, {}, [])).toEqual({ scores: { team: 6, pitch: 4 }, note: 'old', feedback: '', pending: 0, problems: 0 });
  });

  test('a pending change replaces the server value, the latest revision wins', () => {
    const entries = [entry(score(5, 'team', 9, 3)), entry(score(5, 'team', 8, 4)), entry({ kind: 'note', entrantId: 5, text: 'new', revision: 2 })];
    const view = overlayScorecard(2, server, {}, entries);
    expect(view.scores).toEqual({ team: 8, pitch: 4 });
    expect(view.note).toBe('new');
    expect(view.pending).toBe(3);
  });

  test('an acknowledged value newer than the state read is shown until the state catches up', () => {
    expect(overlayScorecard(2, server, { '2:5:score:pitch': { value: 10, revision: 2 } }, []).scores.pitch).toBe(10);
    expect(overlayScorecard(2, server, { '2:5:score:pitch': { value: 10, revision: 1 } }, []).scores.pitch).toBe(4);
  });

  test('changes of other startups are not counted', () => {
    const view = overlayScorecard(2, entrant(7), {}, [entry(score(5, 'team', 9, 3)), entry(score(7, 'team', 2, 1))]);
    expect(view).toMatchObject({ scores: { team: 2 }, pending: 1, problems: 0 });
  });

  test('a refused change is counted as a problem but shows the server’s value, so the total is what will count', () => {
    const refused = entry(score(5, 'team', 9, 2), { problem: { code: 'REVISION_CONFLICT', message: 'x' } });
    const view = overlayScorecard(2, server, {}, [refused]);
    expect(view).toMatchObject({ scores: { team: 6, pitch: 4 }, pending: 0, problems: 1 });
  });

  test('acknowledged values of entrant 51 do not leak into entrant 5', () => {
    expect(overlayScorecard(2, entrant(5), { '2:51:score:team': { value: 3, revision: 1 } }, []).scores).toEqual({});
  });

  test('the final’s scorecard of a startup scored in round 1 on this tablet is blank: nothing of round 1 shows', () => {
    // Round 1 (id 1): acknowledged values and a change still queued. The final (id 2): the server holds nothing.
    const acked = { '1:5:score:team': { value: 8, revision: 2 }, '1:5:note': { value: 'round 1', revision: 1 } };
    const queued = [entry(score(5, 'pitch', 9, 3), { roundId: 1 })];
    expect(overlayScorecard(2, entrant(5), acked, queued)).toEqual({ scores: {}, note: '', feedback: '', pending: 0, problems: 0 });
    expect(overlayScorecard(1, entrant(5), acked, queued)).toMatchObject({ scores: { team: 8, pitch: 9 }, note: 'round 1', pending: 1 });
  });
});

describe('nextBatch', () => {
  test('takes the oldest sendable entries of the first round, in order, up to the limit, for this juror only', () => {
    const a = entry(score(5, 'team', 1, 1));
    const other = entry(score(5, 'team', 2, 2), { jurorId: 9 });
    const refused = entry(score(5, 'pitch', 2, 1), { problem: { code: 'REVISION_CONFLICT', message: '' } });
    const b = entry(score(6, 'team', 3, 1));
    const otherRound = entry(score(6, 'team', 4, 2), { roundId: 3 });
    const c = entry(score(7, 'team', 5, 1));
    const batch = nextBatch([a, other, refused, b, otherRound, c], 1, 2);
    expect(batch).toEqual({ roundId: 2, entries: [a, b] });
    expect(nextBatch([other, refused], 1, 10)).toBeNull();
  });
});

describe('acknowledge', () => {
  test('removes exactly the sent entries and remembers what the server holds now', () => {
    const sent = entry(score(5, 'team', 7, 3));
    const later = entry(score(5, 'team', 8, 4));
    const result = acknowledge([sent, later], {}, { roundId: 2, entries: [sent] }, [
      { kind: 'score', entrantId: 5, criterion: 'team', value: 7, revision: 3 },
      { kind: 'note', entrantId: 5, text: 'n', revision: 2 },
    ]);
    expect(result.entries).toEqual([later]);
    expect(result.acked).toEqual({ '2:5:score:team': { value: 7, revision: 3 }, '2:5:note': { value: 'n', revision: 2 } });
  });

  test('an older acknowledgement never replaces a newer one', () => {
    const result = acknowledge([], { '2:5:score:team': { value: 9, revision: 6 } }, { roundId: 2, entries: [] }, [
      { kind: 'score', entrantId: 5, criterion: 'team', value: 7, revision: 3 },
    ]);
    expect(result.acked['2:5:score:team']).toEqual({ value: 9, revision: 6 });
  });
});

describe('refuse', () => {
  const a = entry(score(5, 'team', 7, 3));
  const b = entry(score(5, 'pitch', 4, 1));
  const c = entry(score(6, 'team', 2, 1));
  const batch = { roundId: 2, entries: [a, b, c] };

  test('a revision conflict marks only the changes the server names, and keeps them on the tablet', () => {
    const result = refuse([a, b, c], batch, {
      code: 'REVISION_CONFLICT',
      message: 'conflict',
      details: [{ path: 'changes.1.revision', rule: 'revision_conflict', message: 'Revision 1 of entrant 5 pitch is already stored with another value (6)' }],
    });
    expect(result).toHaveLength(3);
    expect(result.map((e) => e.problem?.code ?? null)).toEqual([null, 'REVISION_CONFLICT', null]);
    expect(result[1]?.problem?.message).toContain('(6)');
    // The other two go in the next batch.
    expect(nextBatch(result, 1, 10)?.entries.map((e) => e.id)).toEqual([a.id, c.id]);
  });

  test('a refusal about an entrant marks every change of that entrant in the batch', () => {
    const result = refuse([a, b, c], batch, {
      code: 'RECUSED',
      message: 'recused',
      details: [{ path: 'changes.0.entrantId', rule: 'recused', message: 'Declared conflict of interest' }],
    });
    expect(result.map((e) => e.problem?.code ?? null)).toEqual(['RECUSED', 'RECUSED', null]);
  });

  test('a refusal naming nothing (the round closed) marks the whole batch', () => {
    const result = refuse([a, b, c], batch, { code: 'ROUND_CLOSED', message: 'closed', details: [] });
    expect(result.every((e) => e.problem?.code === 'ROUND_CLOSED')).toBe(true);
  });
});

describe('retryEntry', () => {
  test('keeping one’s value after a conflict sends it again above every known revision, without the problem', () => {
    const conflicted = entry(score(5, 'pitch', 4, 1), { problem: { code: 'REVISION_CONFLICT', message: '' } });
    const [retried] = retryEntry([conflicted], conflicted.id, { '2:5:score:pitch': 4 });
    expect(retried?.problem).toBeUndefined();
    expect(retried?.change.revision).toBe(5);
    expect(entryKey(retried!)).toBe('2:5:score:pitch');
  });
});

describe('migrateStoredOutbox', () => {
  test('version 1 (keys without the round): queued entries are kept as they are, the acknowledged values go, the revisions used are known', () => {
    const queued = [entry(score(5, 'team', 7, 3), { roundId: 1 }), entry(score(5, 'team', 8, 4), { roundId: 1 }), entry({ kind: 'note', entrantId: 6, text: 'x', revision: 2 })];
    const v1 = { entries: queued, acked: { '5:score:team': { value: 6, revision: 2 } }, lastContactAt: 1234 };
    const migrated = migrateStoredOutbox(v1, 1);
    expect(migrated.entries).toEqual(queued);
    expect(migrated.acked).toEqual({});
    expect(migrated.known).toEqual({ '1:5:score:team': 4, '2:6:note': 2 });
    expect(migrated.lastContactAt).toBe(1234);
    // After the migration the final's scorecard of startup 5 is blank and starts at revision 1.
    expect(overlayScorecard(2, entrant(5), migrated.acked, migrated.entries).scores).toEqual({});
    expect(nextRevision(migrated.known, migrated.entries, '2:5:score:team')).toBe(1);
  });

  test('an empty or unreadable version 1 gives an empty outbox, and version 2 is read as it is', () => {
    expect(migrateStoredOutbox(undefined, 0)).toEqual({ entries: [], acked: {}, known: {}, lastContactAt: null });
    const v2 = { entries: [], acked: { '2:5:note': { value: 'n', revision: 1 } }, known: { '2:5:note': 1 }, lastContactAt: 5 };
    expect(migrateStoredOutbox(v2, 2)).toEqual(v2);
  });
});

describe('storedValue', () => {
  const server = entrant(5, card({ scores: [{ criterion: 'team', value: 6, revision: 2 }] }));

  test('is the server’s value, or a newer acknowledged one, never what waits on the tablet', () => {
    expect(storedValue(2, server, {}, '2:5:score:team')).toBe(6);
    expect(storedValue(2, server, { '2:5:score:team': { value: 8, revision: 3 } }, '2:5:score:team')).toBe(8);
    expect(storedValue(2, server, { '2:5:score:team': { value: 8, revision: 1 } }, '2:5:score:team')).toBe(6);
  });

  test('nothing stored (no score, an empty note) is undefined', () => {
    expect(storedValue(2, server, {}, '2:5:score:pitch')).toBeUndefined();
    expect(storedValue(2, server, {}, '2:5:note')).toBeUndefined();
    expect(storedValue(2, entrant(6), {}, '2:6:score:team')).toBeUndefined();
  });
});
