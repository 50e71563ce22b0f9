import type { Db } from '../../db/open-db.js';

export interface ScorecardExportRow {
  round_id: number;
  round_kind: string;
  juror_id: number;
  juror_name: string;
  entrant_id: number;
  entrant_name: string;
  axis: string;
  status: string;
  feedback: string;
  submitted_at: string | null;
  scores: string | null;
}

export function exportQueries(db: Db) {
  const competition = db.prepare<[number], { default_language: string }>('SELECT default_language FROM competitions WHERE id = ?');
  const criteria = db.prepare<[number], { id: number; code: string; weight: number }>('SELECT id, code, weight FROM criteria WHERE competition_id = ? ORDER BY position');
  // Scorecards, and recusals as rows of their own for every round the startup is in.
  const scorecards = db.prepare<[number, number], ScorecardExportRow>(
    `SELECT r.id AS round_id, r.kind AS round_kind, j.id AS juror_id, j.name AS juror_name, e.id AS entrant_id, e.name AS entrant_name,
            a.code AS axis, sc.status, sc.feedback, sc.submitted_at,
            (SELECT json_group_object(s.criterion_id, s.value) FROM scores s WHERE s.scorecard_id = sc.id) AS scores
     FROM scorecards sc JOIN rounds r ON r.id = sc.round_id JOIN jurors j ON j.id = sc.juror_id
     JOIN entrants e ON e.id = sc.entrant_id JOIN axes a ON a.id = e.axis_id
     WHERE r.competition_id = ?
     UNION ALL
     SELECT r.id, r.kind, j.id, j.name, e.id, e.name, a.code, 'recused', '', NULL, NULL
     FROM recusals x JOIN round_entrants re ON re.entrant_id = x.entrant_id JOIN rounds r ON r.id = re.round_id
     JOIN jurors j ON j.id = x.juror_id JOIN entrants e ON e.id = x.entrant_id JOIN axes a ON a.id = e.axis_id
     WHERE x.competition_id = ?
     ORDER BY 2 DESC, 6, 4`,
  );
  const corrections = db.prepare<[number], { juror_id: number; entrant_id: number; round_kind: string; code: string; old_value: number; new_value: number; reason: string }>(
    `SELECT sc.juror_id, sc.entrant_id, r.kind AS round_kind, c.code, k.old_value, k.new_value, k.reason
     FROM score_corrections k JOIN scorecards sc ON sc.id = k.scorecard_id JOIN rounds r ON r.id = sc.round_id
     JOIN criteria c ON c.id = k.criterion_id WHERE r.competition_id = ? ORDER BY k.id`,
  );
  const round = db.prepare<[number, string], { id: number; state: string }>('SELECT id, state FROM rounds WHERE competition_id = ? AND kind = ?');
  const rounds = db.prepare<[number], { id: number; competition_id: number; kind: string }>('SELECT id, competition_id, kind FROM rounds WHERE competition_id = ? ORDER BY id');
  const jurorNames = db.prepare<[number], { id: number; name: string }>('SELECT id, name FROM jurors WHERE competition_id = ?');
  const entrantRows = db.prepare<[number], { id: number; name: string; axis: string }>(
    'SELECT e.id, e.name, a.code AS axis FROM entrants e JOIN axes a ON a.id = e.axis_id WHERE e.competition_id = ?',
  );
  const names = db.prepare<[number], { id: number; name: string }>('SELECT id, name FROM entrants WHERE competition_id = ?');
  const axes = db.prepare<[number], { code: string; labels: string }>('SELECT code, labels FROM axes WHERE competition_id = ?');
  return {
    /** Axis labels by code, in every language the competition wrote them in. */
    axes: (id: number) => new Map(axes.all(id).map((a) => [a.code, JSON.parse(a.labels) as Partial<Record<string, string>>])),
    defaultLanguage: (id: number) => competition.get(id)?.default_language ?? 'fr',
    criteria: (id: number) => criteria.all(id),
    scorecards: (id: number) => scorecards.all(id, id),
    corrections: (id: number) => corrections.all(id),
    round: (id: number, kind: 'shortlist' | 'final') => round.get(id, kind),
    rounds: (id: number) => rounds.all(id),
    people: (id: number) => ({
      jurors: new Map(jurorNames.all(id).map((j) => [j.id, j.name])),
      entrants: new Map(entrantRows.all(id).map((e) => [e.id, e])),
    }),
    names: (id: number) => new Map(names.all(id).map((e) => [String(e.id), e.name])),
  };
}
