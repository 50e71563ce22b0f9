import type { ProgressResponse, RoundDetail } from '@palmares/contract';
import type { Db } from '../../db/open-db.js';
import { pairKey, type Pair } from './assignments.js';

export interface RoundRow {
  id: number;
  competition_id: number;
  kind: 'shortlist' | 'final';
  state: 'draft' | 'open' | 'closed' | 'confirmed';
  opened_at: string | null;
  closed_at: string | null;
  close_reason: string | null;
  confirmed_at: string | null;
  published_at: string | null;
  pitch_seed: string | null;
  now_pitching_entrant_id: number | null;
  now_pitching_since: string | null;
  closing_at: string | null;
  closing_announced_at: string | null;
}

export function roundQueries(db: Db) {
  const one = db.prepare<[number, number], RoundRow>('SELECT * FROM rounds WHERE id = ? AND competition_id = ?');
  const byKind = db.prepare<[number, string], RoundRow>('SELECT * FROM rounds WHERE competition_id = ? AND kind = ?');
  const all = db.prepare<[number], RoundRow>('SELECT * FROM rounds WHERE competition_id = ? ORDER BY id');
  const roundEntrants = db.prepare<[number], { id: number; pitchPosition: number | null }>(
    'SELECT entrant_id AS id, pitch_position AS pitchPosition FROM round_entrants WHERE round_id = ? ORDER BY pitch_position IS NULL, pitch_position, entrant_id',
  );
  const assignmentCount = db.prepare<[number], number>('SELECT COUNT(*) FROM assignments WHERE round_id = ?').pluck();
  const assignments = db.prepare<[number], Pair>(
    'SELECT juror_id AS jurorId, entrant_id AS entrantId FROM assignments WHERE round_id = ? ORDER BY juror_id, entrant_id',
  );
  const jurors = db.prepare<[number], { id: number; name: string }>('SELECT id, name FROM jurors WHERE competition_id = ? ORDER BY id');
  const entrants = db.prepare<[number], { id: number; name: string }>('SELECT id, name FROM entrants WHERE competition_id = ? ORDER BY id');
  const recusals = db.prepare<[number], { juror_id: number; entrant_id: number }>('SELECT juror_id, entrant_id FROM recusals WHERE competition_id = ?');
  const withdrawn = db.prepare<[number], number>('SELECT id FROM entrants WHERE competition_id = ? AND withdrawn_at IS NOT NULL').pluck();
  const cards = db.prepare<[number], { juror_id: number; entrant_id: number; status: 'draft' | 'submitted' | 'withdrawn' }>(
    'SELECT juror_id, entrant_id, status FROM scorecards WHERE round_id = ?',
  );
  const insertAssignment = db.prepare('INSERT INTO assignments (round_id, juror_id, entrant_id) VALUES (?, ?, ?)');
  const insertRoundEntrant = db.prepare('INSERT INTO round_entrants (round_id, entrant_id, pitch_position) VALUES (?, ?, NULL)');

  const detail = (r: RoundRow): RoundDetail => ({
    id: r.id,
    kind: r.kind,
    state: r.state,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    closeReason: r.close_reason,
    confirmedAt: r.confirmed_at,
    publishedAt: r.published_at,
    pitchSeed: r.pitch_seed,
    nowPitching: r.now_pitching_entrant_id === null ? null : { entrantId: r.now_pitching_entrant_id, since: r.now_pitching_since },
    closesAt: r.closing_at,
    entrants: roundEntrants.all(r.id),
    assignmentCount: assignmentCount.get(r.id) ?? 0,
  });

  return {
    get: (competitionId: number, roundId: number) => one.get(roundId, competitionId),
    byKind: (competitionId: number, kind: RoundRow['kind']) => byKind.get(competitionId, kind),
    list: (competitionId: number) => all.all(competitionId).map(detail),
    detail,
    roundEntrantIds: (roundId: number) => roundEntrants.all(roundId).map((e) => e.id),
    jurors: (competitionId: number) => jurors.all(competitionId),
    entrants: (competitionId: number) => entrants.all(competitionId),
    conflicts: (competitionId: number) => new Set(recusals.all(competitionId).map((r) => pairKey(r.juror_id, r.entrant_id))),
    assignments: (roundId: number) => assignments.all(roundId),

    createRound(competitionId: number, kind: RoundRow['kind'], entrantIds: number[]): number {
      const id = Number(db.prepare("INSERT INTO rounds (competition_id, kind, state) VALUES (?, ?, 'draft')").run(competitionId, kind).lastInsertRowid);
      for (const e of entrantIds) insertRoundEntrant.run(id, e);
      return id;
    },

    /** The shortlist round takes every entrant of the competition, as it stands when assignments are made. */
    resetRoundEntrants(roundId: number, entrantIds: number[]) {
      db.prepare('DELETE FROM round_entrants WHERE round_id = ?').run(roundId);
      for (const e of entrantIds) insertRoundEntrant.run(roundId, e);
    },

    replaceAssignments(roundId: number, pairs: Pair[]) {
      db.prepare('DELETE FROM assignments WHERE round_id = ?').run(roundId);
      for (const p of pairs) insertAssignment.run(roundId, p.jurorId, p.entrantId);
    },

    setState(roundId: number, state: RoundRow['state'], fields: Partial<Pick<RoundRow, 'opened_at' | 'closed_at' | 'close_reason' | 'confirmed_at' | 'published_at'>> = {}) {
      const sets = Object.keys(fields).map((k) => `${k} = @${k}`);
      db.prepare(`UPDATE rounds SET ${['state = @state', ...sets].join(', ')} WHERE id = @id`).run({ id: roundId, state, ...fields });
    },

    announceClosing: (roundId: number, closesAt: string, announcedAt: string) =>
      db.prepare('UPDATE rounds SET closing_at = ?, closing_announced_at = ? WHERE id = ?').run(closesAt, announcedAt, roundId),

    lockSettings: (competitionId: number, at: string) =>
      db.prepare('UPDATE competitions SET settings_locked_at = ? WHERE id = ? AND settings_locked_at IS NULL').run(at, competitionId),

    /**
     * Who has submitted what. An assignment the juror has since recused from, or of an entrant
     * withdrawn from the competition, no longer counts as expected; a withdrawn scorecard counts
     * as neither draft nor submitted.
     */
    progress(competitionId: number, round: RoundRow): ProgressResponse {
      const conflicts = this.conflicts(competitionId);
      const out = new Set(withdrawn.all(competitionId));
      const status = new Map(cards.all(round.id).map((c) => [pairKey(c.juror_id, c.entrant_id), c.status]));
      const expected = assignments.all(round.id).filter((p) => !conflicts.has(pairKey(p.jurorId, p.entrantId)) && !out.has(p.entrantId));
      const count = (pairs: Pair[]) => ({
        assigned: pairs.length,
        submitted: pairs.filter((p) => status.get(pairKey(p.jurorId, p.entrantId)) === 'submitted').length,
        drafts: pairs.filter((p) => status.get(pairKey(p.jurorId, p.entrantId)) === 'draft').length,
      });
      const names = new Map(entrants.all(competitionId).map((e) => [e.id, e.name]));
      const total = count(expected);
      return {
        roundId: round.id,
        state: round.state,
        jurors: jurors.all(competitionId).map((j) => ({ jurorId: j.id, name: j.name, ...count(expected.filter((p) => p.jurorId === j.id)) })),
        entrants: roundEntrants.all(round.id).map((e) => ({ entrantId: e.id, name: names.get(e.id) ?? '', ...count(expected.filter((p) => p.entrantId === e.id)) })),
        total,
        complete: total.assigned > 0 && total.submitted === total.assigned,
      };
    },
  };
}

export type RoundQueries = ReturnType<typeof roundQueries>;
