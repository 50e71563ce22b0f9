import type { LiveBoard } from '@palmares/contract';
import type { Db } from '../../db/open-db.js';
import type { RoundRow } from '../rounds/rounds.queries.js';

const key = (j: number, e: number) => `${j}:${e}`;

export function liveQueries(db: Db) {
  const final = db.prepare<[number], RoundRow>("SELECT * FROM rounds WHERE competition_id = ? AND kind = 'final'");
  const latest = db.prepare<[number], RoundRow>(
    "SELECT * FROM rounds WHERE competition_id = ? ORDER BY kind = 'final' DESC, id DESC LIMIT 1",
  );
  const one = db.prepare<[number, number], RoundRow>('SELECT * FROM rounds WHERE id = ? AND competition_id = ?');
  const order = db.prepare<[number], { id: number; pitchPosition: number | null }>(
    'SELECT entrant_id AS id, pitch_position AS pitchPosition FROM round_entrants WHERE round_id = ? ORDER BY pitch_position, entrant_id',
  );
  const setPosition = db.prepare('UPDATE round_entrants SET pitch_position = ? WHERE round_id = ? AND entrant_id = ?');
  const setSeed = db.prepare('UPDATE rounds SET pitch_seed = ? WHERE id = ?');
  const setCursor = db.prepare('UPDATE rounds SET now_pitching_entrant_id = ?, now_pitching_since = ? WHERE id = ?');
  const lastPitched = db.prepare<[number], string>(
    `SELECT payload FROM events WHERE competition_id = ? AND type = 'now-pitching.changed'
     AND json_extract(payload, '$.entrantId') IS NOT NULL ORDER BY seq DESC LIMIT 1`,
  ).pluck();
  const jurors = db.prepare<[number], { id: number; name: string; lastSeenAt: string | null }>(
    `SELECT j.id, j.name, (SELECT MAX(b.last_seen_at) FROM device_bindings b WHERE b.juror_id = j.id) AS lastSeenAt
     FROM jurors j WHERE j.competition_id = ? ORDER BY j.id`,
  );
  const entrants = db.prepare<[number], LiveBoard['entrants'][number]>(
    `SELECT e.id, e.name, e.axis_id AS axisId, re.pitch_position AS pitchPosition FROM round_entrants re
     JOIN entrants e ON e.id = re.entrant_id WHERE re.round_id = ? ORDER BY re.pitch_position IS NULL, re.pitch_position, e.id`,
  );
  const assignments = db.prepare<[number], { juror_id: number; entrant_id: number }>('SELECT juror_id, entrant_id FROM assignments WHERE round_id = ?');
  const recusals = db.prepare<[number], { juror_id: number; entrant_id: number }>('SELECT juror_id, entrant_id FROM recusals WHERE competition_id = ?');
  const cards = db.prepare<[number], { juror_id: number; entrant_id: number; status: string }>('SELECT juror_id, entrant_id, status FROM scorecards WHERE round_id = ?');
  // A draft with a score for every criterion of the rubric: it counts only once submitted.
  const completeDrafts = db.prepare<[number, number], { juror_id: number; entrant_id: number }>(
    `SELECT sc.juror_id, sc.entrant_id FROM scorecards sc
     WHERE sc.round_id = ? AND sc.status = 'draft'
       AND (SELECT COUNT(*) FROM scores s WHERE s.scorecard_id = sc.id) >= (SELECT COUNT(*) FROM criteria c WHERE c.competition_id = ?)
     ORDER BY sc.juror_id, sc.entrant_id`,
  );

  return {
    final: (competitionId: number) => final.get(competitionId),
    round: (competitionId: number, roundId?: number) => (roundId === undefined ? latest.get(competitionId) : one.get(roundId, competitionId)),
    order: (roundId: number) => order.all(roundId),
    setOrder(roundId: number, entrantIds: number[], seed: string | null) {
      entrantIds.forEach((e, i) => setPosition.run(i + 1, roundId, e));
      setSeed.run(seed, roundId);
    },
    setCursor: (roundId: number, entrantId: number | null, since: string | null) => setCursor.run(entrantId, since, roundId),
    /** The last entrant put on stage, so `next` after a pause goes on from there. */
    lastPitched(competitionId: number): number | null {
      const payload = lastPitched.get(competitionId);
      return payload ? (JSON.parse(payload) as { entrantId: number }).entrantId : null;
    },

    /** Jurors × entrants of a round: what each juror's scorecard for each entrant looks like now. */
    board(competitionId: number, round: RoundRow): LiveBoard {
      const assigned = new Set(assignments.all(round.id).map((a) => key(a.juror_id, a.entrant_id)));
      const recused = new Set(recusals.all(competitionId).map((r) => key(r.juror_id, r.entrant_id)));
      const status = new Map(cards.all(round.id).map((c) => [key(c.juror_id, c.entrant_id), c.status]));
      const es = entrants.all(round.id);
      const js = jurors.all(competitionId);
      const cells = js.flatMap((j) =>
        es.map((e) => {
          const k = key(j.id, e.id);
          const card = status.get(k);
          const s = recused.has(k) || card === 'withdrawn' ? 'recused' : card === 'draft' || card === 'submitted' ? card : assigned.has(k) ? 'not-started' : 'not-assigned';
          return { jurorId: j.id, entrantId: e.id, status: s } as const;
        }),
      );
      return {
        roundId: round.id,
        state: round.state,
        nowPitching: { roundId: round.id, entrantId: round.now_pitching_entrant_id, since: round.now_pitching_since },
        jurors: js.map((j) => {
          const mine = cells.filter((c) => c.jurorId === j.id);
          return { ...j, assigned: mine.filter((c) => c.status !== 'not-assigned' && c.status !== 'recused').length, submitted: mine.filter((c) => c.status === 'submitted').length };
        }),
        entrants: es,
        cells,
        completeUnsubmitted: completeDrafts
          .all(round.id, competitionId)
          .filter((d) => !recused.has(key(d.juror_id, d.entrant_id)))
          .map((d) => ({ jurorId: d.juror_id, entrantId: d.entrant_id })),
        closesAt: round.closing_at,
      };
    },
  };
}

export type LiveQueries = ReturnType<typeof liveQueries>;
