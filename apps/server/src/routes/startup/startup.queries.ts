import type { Db } from '../../db/open-db.js';

export interface StartupRow {
  id: number;
  name: string;
  competition_id: number;
  axis_code: string;
  axis_color: string;
  axis_labels: string;
  competition_name: string;
  languages: string;
  default_language: string;
  place_display: 'exact' | 'band';
  award_count: number;
  scale_min: number;
  shortlist_size: number;
  round1_feedback: number;
}

export function startupQueries(db: Db) {
  const byToken = db.prepare<[string], StartupRow>(
    `SELECT e.id, e.name, e.competition_id, a.code AS axis_code, a.color AS axis_color, a.labels AS axis_labels,
            c.name AS competition_name, c.languages, c.default_language, c.startup_place_display AS place_display,
            c.award_count, c.scale_min, c.shortlist_size, c.round1_feedback
     FROM entrants e JOIN axes a ON a.id = e.axis_id JOIN competitions c ON c.id = e.competition_id
     WHERE e.access_token = ?`,
  );
  const shortlist = db.prepare<[number], { id: number; state: string; published_at: string | null }>(
    "SELECT id, state, published_at FROM rounds WHERE competition_id = ? AND kind = 'shortlist'",
  );
  const finalSlot = db.prepare<[number, number], { pitch_position: number | null; of: number }>(
    `SELECT re.pitch_position, (SELECT COUNT(*) FROM round_entrants x WHERE x.round_id = r.id) AS of
     FROM rounds r JOIN round_entrants re ON re.round_id = r.id
     WHERE r.competition_id = ? AND r.kind = 'final' AND re.entrant_id = ?`,
  );
  const criteria = db.prepare<[number], { code: string; weight: number; labels: string; levels: string }>(
    'SELECT code, weight, labels, levels FROM criteria WHERE competition_id = ? ORDER BY position',
  );
  const feedback = db.prepare<[number, number], { juror_id: number; feedback: string }>(
    `SELECT juror_id, feedback FROM scorecards
     WHERE round_id = ? AND entrant_id = ? AND status = 'submitted' AND trim(feedback) <> ''`,
  );
  const names = db.prepare<[number], { id: number; name: string }>('SELECT id, name FROM entrants WHERE competition_id = ?');
  return {
    /** Entrant names by id, for the one sentence that names its axis's winner (never a score). */
    names: (competitionId: number) => new Map(names.all(competitionId).map((e) => [String(e.id), e.name])),
    byToken: (token: string) => byToken.get(token),
    shortlistPublished: (competitionId: number) => Boolean(shortlist.get(competitionId)?.published_at),
    /** The shortlist round once published (confirmed, so its scores are frozen). */
    publishedShortlist: (competitionId: number) => {
      const r = shortlist.get(competitionId);
      return r?.published_at && r.state === 'confirmed' ? r : undefined;
    },
    finalSlot: (competitionId: number, entrantId: number) => finalSlot.get(competitionId, entrantId),
    criteria: (competitionId: number) => criteria.all(competitionId),
    feedback: (roundId: number, entrantId: number) => feedback.all(roundId, entrantId),
  };
}
