import type { Change, JurorEntrant, OwnScorecard, ScorecardEvent } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import type { OutboxEntry } from './outbox-logic';
import { conflictsWith, describeChange, isNews, mergeScorecard } from './remote-change';

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
const entrant = (scorecard: OwnScorecard | null, state: JurorEntrant['state'] = 'draft') => ({ id: 5, scorecard, state });
const event = (scorecard: OwnScorecard | null, over: Partial<ScorecardEvent> = {}): ScorecardEvent => ({
  roundId: 2,
  entrantId: 5,
  by: 'other-tablet',
  state: 'draft',
  scorecard,
  ...over,
});
const entry = (id: string, change: Change, over: Partial<OutboxEntry> = {}): OutboxEntry => ({ id, jurorId: 1, roundId: 2, createdAt: 0, change, ...over });
const score = (criterion: string, value: number, revision: number) => ({ criterion, value, revision });

describe('mergeScorecard', () => {
  test('each field keeps the higher revision: a late event never undoes a newer value', () => {
    const held = card({ scores: [score('innovation', 7, 2), score('impact', 4, 5)], note: 'mine', noteRevision: 3 });
    const pushed = card({ scores: [score('innovation', 8, 3), score('impact', 2, 4)], note: 'old', noteRevision: 1, status: 'submitted' });
    expect(mergeScorecard(held, pushed)).toMatchObject({
      status: 'submitted',
      scores: [score('innovation', 8, 3), score('impact', 4, 5)],
      note: 'mine',
      noteRevision: 3,
    });
  });

  test('a scorecard the tablet never had is taken as it is; a withdrawn one (recused) is gone', () => {
    const pushed = card({ scores: [score('team', 6, 1)] });
    expect(mergeScorecard(null, pushed)).toBe(pushed);
    expect(mergeScorecard(card(), null)).toBeNull();
  });
});

describe('describeChange', () => {
  test('names each field whose value the server holds changed, from what this tablet knew to the new one', () => {
    const before = entrant(card({ scores: [score('innovation', 7, 2)] }));
    const after = entrant(card({ scores: [score('innovation', 8, 3), score('impact', 6, 1)], note: 'seen', noteRevision: 1 }));
    const change = describeChange(event(after.scorecard), before, after, {});
    expect(change.fields).toEqual([
      { kind: 'score', criterion: 'innovation', from: 7, to: 8 },
      { kind: 'score', criterion: 'impact', to: 6 },
      { kind: 'note' },
    ]);
    expect(change.state).toBeNull();
    expect(isNews(change)).toBe(true);
  });

  test('a submission or a reopening from elsewhere is news even when no value moved', () => {
    const held = card({ scores: [score('innovation', 7, 2)] });
    const submitted = describeChange(event(card({ ...held, status: 'submitted' }), { state: 'submitted' }), entrant(held), entrant(card({ ...held, status: 'submitted' }), 'submitted'), {});
    expect(submitted).toMatchObject({ fields: [], state: 'submitted' });
    const reopened = describeChange(event(held), entrant(held, 'submitted'), entrant(held, 'draft'), {});
    expect(reopened.state).toBe('reopened');
  });

  test("this tablet's own acknowledged value is not news, and neither is an event that changes nothing", () => {
    const before = entrant(card({ scores: [score('innovation', 7, 2)] }));
    const same = describeChange(event(before.scorecard), before, before, {});
    expect(isNews(same)).toBe(false);
    const after = entrant(card({ scores: [score('innovation', 9, 3)] }));
    const own = describeChange(event(after.scorecard), before, after, { '2:5:score:innovation': { value: 9, revision: 3 } });
    expect(isNews(own)).toBe(false);
  });
});

describe('conflictsWith', () => {
  const pushed = { id: 5, scorecard: card({ scores: [score('innovation', 8, 3)] }) };

  test('an unsent change at a revision the server already holds, with another value, is a conflict', () => {
    const entries = [entry('same-rev', { kind: 'score', entrantId: 5, criterion: 'innovation', value: 9, revision: 3 })];
    expect(conflictsWith(entries, 2, pushed)).toEqual(['same-rev']);
  });

  test('a newer change, the same value, another field, startup or round, or one already refused is left alone', () => {
    const change = (value: number, revision: number, over: Partial<Change> = {}): Change => ({ kind: 'score', entrantId: 5, criterion: 'innovation', value, revision, ...over }) as Change;
    const entries = [
      entry('newer', change(9, 4)),
      entry('same-value', change(8, 3)),
      entry('other-field', change(9, 1, { criterion: 'impact' } as Partial<Change>)),
      entry('other-startup', change(9, 3, { entrantId: 6 })),
      entry('other-round', change(9, 3), { roundId: 1 }),
      entry('refused', change(9, 3), { problem: { code: 'REVISION_CONFLICT', message: '' } }),
    ];
    expect(conflictsWith(entries, 2, pushed)).toEqual([]);
  });
});
