import {
  LangSchema,
  TranslatedSchema,
  type JurorEntrant,
  type JurorEntrantState,
  type JurorRound,
  type OwnScorecard,
} from '@palmares/contract';
import { z } from 'zod';
import type { Db } from '../../db/open-db.js';
import { parseJsonColumn } from '../../lib/json-column.js';

const LanguagesSchema = z.array(LangSchema);
const LevelsSchema = z.partialRecord(LangSchema, z.array(z.string()));

export interface RoundRow {
  id: number;
  competition_id: number;
  kind: 'shortlist' | 'final';
  state: 'draft' | 'open' | 'closed' | 'confirmed';
  now_pitching_entrant_id: number | null;
  now_pitching_since: string | null;
  closing_at: string | null;
}

export interface ScorecardRow {
  id: number;
  round_id: number;
  juror_id: number;
  entrant_id: number;
  status: 'draft' | 'submitted' | 'withdrawn';
  note: string;
  note_revision: number;
  feedback: string;
  feedback_revision: number;
  submitted_at: string | null;
  updated_at: string;
}

interface EntrantRow {
  id: number;
  name: string;
  axis_id: number;
  founders: string;
  pitch: string;
  pitch_position: number | null;
  recused: number;
}

export const toJurorRound = (r: RoundRow): JurorRound => ({
  id: r.id,
  kind: r.kind,
  state: r.state,
  nowPitchingEntrantId: r.now_pitching_entrant_id,
  nowPitchingSince: r.now_pitching_since,
  closesAt: r.closing_at,
});

/** A draft nobody has typed into yet still reads as not started. */
export function entrantState(recused: boolean, card: Pick<OwnScorecard, 'status' | 'scores' | 'note' | 'feedback'> | null): JurorEntrantState {
  if (recused || card?.status === 'withdrawn') return 'recused';
  if (!card) return 'not-started';
  if (card.status === 'submitted') return 'submitted';
  return card.scores.length > 0 || card.note !== '' || card.feedback !== '' ? 'draft' : 'not-started';
}

/** Reads, always scoped to one juror: nothing here can return another juror's scorecard. */
export function jurorQueries(db: Db) {
  const competition = db.prepare<
    [number],
    { id: number; name: string; languages: string; default_language: string; scale_min: number; scale_max: number; idle_lock_minutes: number }
  >('SELECT id, name, languages, default_language, scale_min, scale_max, idle_lock_minutes FROM competitions WHERE id = ?');
  const axes = db.prepare<[number], { id: number; code: string; color: string; labels: string }>(
    'SELECT id, code, color, labels FROM axes WHERE competition_id = ? ORDER BY position',
  );
  const criteria = db.prepare<[number], { id: number; code: string; weight: number; labels: string; levels: string }>(
    'SELECT id, code, weight, labels, levels FROM criteria WHERE competition_id = ? ORDER BY position',
  );
  // The open round first, else the latest one that has been open; draft rounds stay hidden.
  const currentRound = db.prepare<[number], RoundRow>(
    `SELECT id, competition_id, kind, state, now_pitching_entrant_id, now_pitching_since, closing_at FROM rounds
     WHERE competition_id = ? AND state <> 'draft' ORDER BY state = 'open' DESC, id DESC LIMIT 1`,
  );
  const round = db.prepare<[number], RoundRow>(
    'SELECT id, competition_id, kind, state, now_pitching_entrant_id, now_pitching_since, closing_at FROM rounds WHERE id = ?',
  );
  const entrants = db.prepare<{ round: number; juror: number }, EntrantRow>(
    `SELECT e.id, e.name, e.axis_id, e.founders, e.pitch, re.pitch_position,
            EXISTS (SELECT 1 FROM recusals r WHERE r.juror_id = @juror AND r.entrant_id = e.id) AS recused
     FROM round_entrants re JOIN entrants e ON e.id = re.entrant_id JOIN axes a ON a.id = e.axis_id
     WHERE re.round_id = @round
       AND (EXISTS (SELECT 1 FROM assignments s WHERE s.round_id = @round AND s.juror_id = @juror AND s.entrant_id = e.id)
            OR EXISTS (SELECT 1 FROM recusals r WHERE r.juror_id = @juror AND r.entrant_id = e.id))
     ORDER BY re.pitch_position IS NULL, re.pitch_position, a.position, e.name`,
  );
  const scorecards = db.prepare<[number, number], ScorecardRow>(
    'SELECT * FROM scorecards WHERE round_id = ? AND juror_id = ?',
  );
  const scores = db.prepare<[number, number], { scorecard_id: number; code: string; value: number; revision: number }>(
    `SELECT s.scorecard_id, c.code, s.value, s.revision FROM scores s
     JOIN scorecards sc ON sc.id = s.scorecard_id JOIN criteria c ON c.id = s.criterion_id
     WHERE sc.round_id = ? AND sc.juror_id = ? ORDER BY c.position`,
  );

  function ownScorecards(roundId: number, jurorId: number): Map<number, OwnScorecard> {
    const byCard = new Map<number, OwnScorecard['scores']>();
    for (const s of scores.all(roundId, jurorId)) {
      const list = byCard.get(s.scorecard_id) ?? [];
      list.push({ criterion: s.code, value: s.value, revision: s.revision });
      byCard.set(s.scorecard_id, list);
    }
    return new Map(
      scorecards.all(roundId, jurorId).map((sc) => [
        sc.entrant_id,
        {
          status: sc.status,
          scores: byCard.get(sc.id) ?? [],
          note: sc.note,
          noteRevision: sc.note_revision,
          feedback: sc.feedback,
          feedbackRevision: sc.feedback_revision,
          submittedAt: sc.submitted_at,
          updatedAt: sc.updated_at,
        },
      ]),
    );
  }

  const bindingLive = db.prepare<[number], number>(
    'SELECT 1 FROM device_bindings WHERE id = ? AND revoked_at IS NULL AND locked_at IS NULL',
  ).pluck();

  return {
    round: (id: number) => round.get(id),
    bindingLive: (bindingId: number) => bindingLive.get(bindingId) !== undefined,
    currentRound: (competitionId: number) => currentRound.get(competitionId),

    competition(id: number) {
      const row = competition.get(id);
      if (!row) throw new Error(`competition ${id} of a bound juror is missing`);
      return {
        id: row.id,
        name: row.name,
        languages: parseJsonColumn(LanguagesSchema, row.languages),
        defaultLanguage: LangSchema.parse(row.default_language),
        scale: { min: row.scale_min, max: row.scale_max },
        axes: axes.all(id).map((a) => ({ ...a, labels: parseJsonColumn(TranslatedSchema, a.labels) })),
        criteria: criteria.all(id).map((c) => ({
          ...c,
          labels: parseJsonColumn(TranslatedSchema, c.labels),
          levels: parseJsonColumn(LevelsSchema, c.levels),
        })),
        idleLockMinutes: row.idle_lock_minutes,
      };
    },

    /** The round's entrants for this juror, in pitch order, each with only this juror's scorecard. */
    entrants(roundId: number, jurorId: number): JurorEntrant[] {
      const cards = ownScorecards(roundId, jurorId);
      return entrants.all({ round: roundId, juror: jurorId }).map((e) => {
        const recused = e.recused === 1;
        const card = cards.get(e.id) ?? null;
        return {
          id: e.id,
          name: e.name,
          axisId: e.axis_id,
          founders: e.founders,
          pitch: e.pitch,
          pitchPosition: e.pitch_position,
          state: entrantState(recused, card),
          // A recusal hides the entrant's scorecard from the juror, withdrawn or not.
          scorecard: recused ? null : card,
        };
      });
    },
  };
}
