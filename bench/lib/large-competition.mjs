// A generated large competition, written straight into a SQLite file with the server's own
// schema (its migrations, through the built openDb): one closed first round of `entrants`
// startups, each scored by `perEntrant` of `jurors` jurors on six criteria. The juror of each
// scorecard is drawn as in packages/ranking/bench/ranking.bench.ts (coprime strides, so the
// jury is connected); 10,000 entrants × 5 cards over 1,000 jurors is 50 scorecards per juror.
import { rmSync } from 'node:fs';
import { importServerDist } from './util.mjs';

export const LARGE_ORGANISER = { email: 'bench@palmares.example', password: 'bench-organiser-password' };

/** A small seeded LCG: the data must be the same on every run. */
function lcg(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

const CRITERIA = ['innovation', 'impact', 'feasibility', 'market', 'team', 'pitch'].map((code, i) => ({ code, weight: [25, 20, 15, 15, 15, 10][i] }));
const AXES = ['fintech', 'health', 'climate', 'edu'];
const STRIDES = [1, 3, 7, 9, 11, 13, 17, 19, 21, 23, 27, 29, 31, 33, 37, 39, 41, 43, 47, 49, 51, 53, 57, 59, 61];

export async function generateLargeCompetition(dbPath, { entrants = 10_000, jurors = 1_000, perEntrant = 5, seed = 3 } = {}) {
  rmSync(dbPath, { force: true });
  const { openDb } = await importServerDist('db/open-db.js');
  const { hashSecret } = await importServerDist('lib/tokens.js');
  const db = openDb(dbPath);
  const at = '2026-06-12T09:00:00.000Z';
  const passwordHash = await hashSecret(LARGE_ORGANISER.password);
  const rnd = lcg(seed);
  const quality = Array.from({ length: entrants }, () => 3 + rnd() * 5);
  const severity = Array.from({ length: jurors }, () => (rnd() - 0.5) * 2);
  const labels = (en) => JSON.stringify({ fr: en, en, ar: en });

  let roundId = 0;
  let competitionId = 0;
  let scorecards = 0;
  let scores = 0;
  db.transaction(() => {
    const userId = Number(
      db.prepare('INSERT INTO users (email, name, password_hash, created_at) VALUES (?, ?, ?, ?)').run(LARGE_ORGANISER.email, 'Bench', passwordHash, at)
        .lastInsertRowid,
    );
    competitionId = Number(
      db.prepare(
        `INSERT INTO competitions (name, starts_on, ends_on, venue, languages, default_language, scale_min, scale_max, method, trim,
           award_count, award_axis_max, shortlist_size, shortlist_axis_min, shortlist_axis_max, settings_locked_at, created_at)
         VALUES ('Bench: large competition', '2026-06-12', '2026-06-13', '', '["en"]', 'en', 1, 10, 'satm', 'auto', 3, NULL, 100, 10, NULL, ?, ?)`,
      ).run(at, at).lastInsertRowid,
    );
    db.prepare('INSERT INTO competition_organisers (competition_id, user_id) VALUES (?, ?)').run(competitionId, userId);
    const axisIds = AXES.map((code, i) =>
      Number(db.prepare('INSERT INTO axes (competition_id, code, position, color, labels) VALUES (?, ?, ?, ?, ?)').run(competitionId, code, i, '#336699', labels(code)).lastInsertRowid),
    );
    const criterionIds = CRITERIA.map((c, i) =>
      Number(
        db.prepare('INSERT INTO criteria (competition_id, code, position, weight, labels, levels) VALUES (?, ?, ?, ?, ?, ?)')
          .run(competitionId, c.code, i, c.weight, labels(c.code), JSON.stringify({ en: Array.from({ length: 10 }, (_, k) => `level ${k + 1}`) }))
          .lastInsertRowid,
      ),
    );
    const insertEntrant = db.prepare('INSERT INTO entrants (competition_id, axis_id, name, access_token, created_at) VALUES (?, ?, ?, ?, ?)');
    const entrantIds = quality.map((_, e) => Number(insertEntrant.run(competitionId, axisIds[e % AXES.length], `Startup ${e + 1}`, `bench-startup-${e + 1}`, at).lastInsertRowid));
    const insertJuror = db.prepare('INSERT INTO jurors (competition_id, name, invite_token, created_at) VALUES (?, ?, ?, ?)');
    const jurorIds = severity.map((_, j) => Number(insertJuror.run(competitionId, `Juror ${j + 1}`, `bench-juror-${j + 1}`, at).lastInsertRowid));
    roundId = Number(
      db.prepare("INSERT INTO rounds (competition_id, kind, state, opened_at, closed_at) VALUES (?, 'shortlist', 'closed', ?, ?)").run(competitionId, at, at).lastInsertRowid,
    );
    const insertRoundEntrant = db.prepare('INSERT INTO round_entrants (round_id, entrant_id) VALUES (?, ?)');
    const insertAssignment = db.prepare('INSERT INTO assignments (round_id, juror_id, entrant_id) VALUES (?, ?, ?)');
    const insertCard = db.prepare("INSERT INTO scorecards (round_id, juror_id, entrant_id, status, submitted_at, updated_at) VALUES (?, ?, ?, 'submitted', ?, ?)");
    const insertScore = db.prepare('INSERT INTO scores (scorecard_id, criterion_id, value, revision, updated_at) VALUES (?, ?, ?, 1, ?)');
    for (let e = 0; e < entrants; e++) {
      insertRoundEntrant.run(roundId, entrantIds[e]);
      const used = new Set();
      for (let r = 0; r < perEntrant; r++) {
        let j = (e * STRIDES[r % STRIDES.length] + Math.floor(r / STRIDES.length) * 7 + r * 101) % jurors;
        while (used.has(j)) j = (j + 1) % jurors;
        used.add(j);
        insertAssignment.run(roundId, jurorIds[j], entrantIds[e]);
        const card = Number(insertCard.run(roundId, jurorIds[j], entrantIds[e], at, at).lastInsertRowid);
        scorecards++;
        CRITERIA.forEach((_, c) => {
          const value = Math.max(1, Math.min(10, Math.round(quality[e] + severity[j] + (rnd() - 0.5) * 3)));
          insertScore.run(card, criterionIds[c], value, at);
          scores++;
        });
      }
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { roundId, competitionId, shape: { entrants, jurors, scorecards, scores, scorecardsPerJuror: scorecards / jurors } };
}
