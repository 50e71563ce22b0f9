import { describe, expect, test } from 'vitest';
import { closedFinal } from './final-fixture.js';
import { roundRankingInput } from './ranking-input.js';

interface Card {
  id: number;
  juror_id: number;
  entrant_id: number;
}

describe('roundRankingInput', () => {
  test('reads submitted scorecards only, keyed by criterion code, without those a recusal withdrew', async () => {
    const f = await closedFinal();
    const cards = f.db.prepare('SELECT id, juror_id, entrant_id FROM scorecards WHERE round_id = ? ORDER BY id').all(f.roundId) as Card[];
    const [draft, withdrawn, recused, incomplete] = cards as [Card, Card, Card, Card];
    f.db.prepare("UPDATE scorecards SET status = 'draft' WHERE id = ?").run(draft.id);
    f.db.prepare("UPDATE scorecards SET status = 'withdrawn' WHERE id = ?").run(withdrawn.id);
    f.db.prepare("INSERT INTO recusals (competition_id, juror_id, entrant_id, reason, declared_at) VALUES (?, ?, ?, 'late conflict', ?)")
      .run(f.competitionId, recused.juror_id, recused.entrant_id, '2026-06-13T18:30:00Z');
    f.db.prepare('DELETE FROM scores WHERE scorecard_id = ? AND criterion_id = ?').run(incomplete.id, f.criteria[2]!.id);

    const input = roundRankingInput(f.db, f.roundId);
    const pair = (c: Card) => `${c.juror_id}:${c.entrant_id}`;
    const read = input.evaluations.map((ev) => `${ev.juror}:${ev.entrant}`);
    expect(read).toHaveLength(cards.length - 3);
    expect(read).not.toContain(pair(draft));
    expect(read).not.toContain(pair(withdrawn));
    expect(read).not.toContain(pair(recused));
    expect(input.recusals).toContainEqual({ juror: String(recused.juror_id), entrant: String(recused.entrant_id) });
    // Juror, then entrant, by id.
    const order = input.evaluations.map((ev) => [Number(ev.juror), Number(ev.entrant)] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));

    const codes = f.criteria.map((c) => c.code);
    const full = input.evaluations.find((ev) => ev.juror === String(cards[4]!.juror_id) && ev.entrant === String(cards[4]!.entrant_id))!;
    expect(Object.keys(full.scores)).toEqual(codes);
    expect(Object.values(full.scores).every((v) => Number.isInteger(v))).toBe(true);
    // An incomplete scorecard is passed on as it is (the ranking refuses it; nothing is zero-filled).
    const partial = input.evaluations.find((ev) => ev.juror === String(incomplete.juror_id) && ev.entrant === String(incomplete.entrant_id))!;
    expect(Object.keys(partial.scores)).toEqual(codes.filter((c) => c !== f.criteria[2]!.code));
  });
});
