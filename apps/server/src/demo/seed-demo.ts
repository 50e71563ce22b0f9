import type { Db } from '../db/open-db.js';
import { appendEvent } from '../lib/event-log.js';
import { seededShuffle } from '../lib/seeded-shuffle.js';
import { hashSecret } from '../lib/tokens.js';
import { computeRanking } from '../results/compute.js';
import { roundRankingInput } from '../results/ranking-input.js';
import {
  demoAxes,
  demoCompetition,
  demoConflicts,
  demoCriteria,
  demoEntrants,
  demoJurors,
  demoOrganiser,
  demoRound1Scores,
  type DemoScoreSheet,
} from './demo-data.js';

/** Well-known demo links, printed in the README; a real competition gets random tokens. */
export const demoJurorToken = (index: number) => `demo-juror-${index + 1}`;
export const demoStartupToken = (name: string) =>
  `demo-${name.normalize('NFD').replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/[\s_]+/g, '-')}`;
export const DEMO_PITCH_SEED = 'casablanca-smart-city-2023-final';

const SHORTLIST = { size: 12, axisMin: 2, axisMax: 3 };
const AWARDS = { count: 3, axisMax: 1 };

/** Creates the demo competition when the database holds none; returns whether it did. */
export async function seedDemoIfEmpty(db: Db, now = new Date()): Promise<boolean> {
  const count = db.prepare('SELECT COUNT(*) FROM competitions').pluck().get() as number;
  if (count > 0) return false;
  await seedDemo(db, now);
  return true;
}

/**
 * The demo of docs/product.md: round 1 scored by the eight jurors, closed, its 12 confirmed under the
 * axis quotas by the ranking package and published; the final open for scoring, nobody scored yet.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<void> {
  const passwordHash = await hashSecret(demoOrganiser.password);
  const at = now.toISOString();
  const log = (competitionId: number | null, actor: string, type: string, payload: unknown) =>
    appendEvent(db, { competitionId, actor, type, payload, at: now });

  db.transaction(() => {
    const userId = Number(
      db.prepare('INSERT INTO users (email, name, password_hash, created_at) VALUES (?, ?, ?, ?)')
        .run(demoOrganiser.email, demoOrganiser.name, passwordHash, at).lastInsertRowid,
    );
    const competitionId = Number(
      db.prepare(
        `INSERT INTO competitions (name, starts_on, ends_on, venue, languages, default_language, scale_min, scale_max,
           method, trim, award_count, award_axis_max, shortlist_size, shortlist_axis_min, shortlist_axis_max,
           settings_locked_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 1, 10, 'satm', 'auto', ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        demoCompetition.name, demoCompetition.startsOn, demoCompetition.endsOn, demoCompetition.venue,
        JSON.stringify(demoCompetition.languages), demoCompetition.defaultLanguage,
        AWARDS.count, AWARDS.axisMax, SHORTLIST.size, SHORTLIST.axisMin, SHORTLIST.axisMax, at, at,
      ).lastInsertRowid,
    );
    db.prepare('INSERT INTO competition_organisers (competition_id, user_id) VALUES (?, ?)').run(competitionId, userId);
    log(competitionId, `user:${userId}`, 'competition.created', { name: demoCompetition.name });

    const insertAxis = db.prepare('INSERT INTO axes (competition_id, code, position, color, labels) VALUES (?, ?, ?, ?, ?)');
    const axisId = new Map(demoAxes.map((a, i) => [a.code, Number(insertAxis.run(competitionId, a.code, i, a.color, JSON.stringify(a.labels)).lastInsertRowid)]));

    const insertCriterion = db.prepare('INSERT INTO criteria (competition_id, code, position, weight, labels, levels) VALUES (?, ?, ?, ?, ?, ?)');
    const criterionId = new Map(demoCriteria.map((c, i) => [c.code, Number(insertCriterion.run(competitionId, c.code, i, c.weight, JSON.stringify(c.labels), JSON.stringify(c.levels)).lastInsertRowid)]));

    const insertEntrant = db.prepare(
      `INSERT INTO entrants (competition_id, axis_id, name, founders, pitch, contact_email, access_token, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const entrantId = new Map(
      demoEntrants.map((e) => {
        const axis = axisId.get(e.axis);
        if (axis === undefined) throw new Error(`demo entrant ${e.name}: unknown axis ${e.axis}`);
        return [e.name, Number(insertEntrant.run(competitionId, axis, e.name, e.founders, e.pitch, e.contactEmail, demoStartupToken(e.name), at).lastInsertRowid)];
      }),
    );

    const insertJuror = db.prepare(
      'INSERT INTO jurors (competition_id, name, email, title, is_chair, invite_token, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const jurorId = new Map(demoJurors.map((j, i) => [j.email, Number(insertJuror.run(competitionId, j.name, j.email, j.title, j.isChair ? 1 : 0, demoJurorToken(i), at).lastInsertRowid)]));
    const idOf = <K>(map: Map<K, number>, key: K) => {
      const id = map.get(key);
      if (id === undefined) throw new Error(`demo data: unknown ${String(key)}`);
      return id;
    };

    const insertRecusal = db.prepare('INSERT INTO recusals (competition_id, juror_id, entrant_id, reason, declared_at) VALUES (?, ?, ?, ?, ?)');
    for (const c of demoConflicts) {
      const [j, e] = [idOf(jurorId, c.jurorEmail), idOf(entrantId, c.entrantName)];
      insertRecusal.run(competitionId, j, e, c.reason, at);
      log(competitionId, `juror:${j}`, 'recusal.declared', { entrantId: e, reason: c.reason });
    }
    const recused = new Set(demoConflicts.map((c) => `${idOf(jurorId, c.jurorEmail)}:${idOf(entrantId, c.entrantName)}`));

    const insertRound = db.prepare("INSERT INTO rounds (competition_id, kind, state, opened_at) VALUES (?, ?, 'open', ?)");
    const insertRoundEntrant = db.prepare('INSERT INTO round_entrants (round_id, entrant_id, pitch_position) VALUES (?, ?, ?)');
    const insertAssignment = db.prepare('INSERT INTO assignments (round_id, juror_id, entrant_id) VALUES (?, ?, ?)');
    const assignAll = (roundId: number, entrants: number[]) => {
      for (const j of jurorId.values()) for (const e of entrants) if (!recused.has(`${j}:${e}`)) insertAssignment.run(roundId, j, e);
    };

    // Round 1: every juror scores every dossier they have no conflict with.
    const round1 = Number(insertRound.run(competitionId, 'shortlist', at).lastInsertRowid);
    for (const e of entrantId.values()) insertRoundEntrant.run(round1, e, null);
    assignAll(round1, [...entrantId.values()]);
    log(competitionId, `user:${userId}`, 'round.opened', { roundId: round1, kind: 'shortlist' });

    const insertCard = db.prepare(
      "INSERT INTO scorecards (round_id, juror_id, entrant_id, status, feedback, submitted_at, updated_at) VALUES (?, ?, ?, 'submitted', ?, ?, ?)",
    );
    const insertScore = db.prepare('INSERT INTO scores (scorecard_id, criterion_id, value, revision, updated_at) VALUES (?, ?, ?, 1, ?)');
    const insertChange = db.prepare('INSERT INTO score_changes (scorecard_id, criterion_id, revision, value, received_at) VALUES (?, ?, 1, ?, ?)');
    for (const sheet of demoRound1Scores()) {
      const [j, e] = [idOf(jurorId, sheet.jurorEmail), idOf(entrantId, sheet.entrantName)];
      const card = Number(insertCard.run(round1, j, e, round1Feedback(sheet), at, at).lastInsertRowid);
      for (const [code, value] of Object.entries(sheet.scores)) {
        const c = idOf(criterionId, code);
        insertScore.run(card, c, value, at);
        insertChange.run(card, c, value, at);
      }
      log(competitionId, `juror:${j}`, 'scorecard.submitted', { roundId: round1, entrantId: e, scores: sheet.scores });
    }
    db.prepare("UPDATE rounds SET state = 'closed', closed_at = ? WHERE id = ?").run(at, round1);
    log(competitionId, `user:${userId}`, 'round.closed', { roundId: round1 });

    // The shortlist comes from the ranking package, as it would for a real competition.
    const { selection } = computeRanking(roundRankingInput(db, round1));
    if (!selection || selection.needsChairDecision) throw new Error('demo round 1 must not need a chair decision');
    const shortlisted = selection.selected.map(Number);
    db.prepare("UPDATE rounds SET state = 'confirmed', confirmed_at = ?, published_at = ? WHERE id = ?").run(at, at, round1);
    log(competitionId, `user:${userId}`, 'shortlist.confirmed', { roundId: round1, entrantIds: shortlisted });
    log(competitionId, `user:${userId}`, 'shortlist.published', { roundId: round1 });

    // The final: the 12 in an order drawn from a recorded seed, open for scoring.
    const final = Number(insertRound.run(competitionId, 'final', at).lastInsertRowid);
    const order = seededShuffle(shortlisted, DEMO_PITCH_SEED);
    order.forEach((e, i) => insertRoundEntrant.run(final, e, i + 1));
    db.prepare('UPDATE rounds SET pitch_seed = ? WHERE id = ?').run(DEMO_PITCH_SEED, final);
    assignAll(final, order);
    log(competitionId, `user:${userId}`, 'pitch-order.drawn', { roundId: final, seed: DEMO_PITCH_SEED, entrantIds: order });
    log(competitionId, `user:${userId}`, 'round.opened', { roundId: final, kind: 'final' });
  })();
}

/**
 * A round-1 remark from its scores, as a juror writes one: the strongest and the weakest criterion
 * in French (the demo's language). Every other juror leaves none, as many do on the day.
 */
function round1Feedback(sheet: DemoScoreSheet): string {
  if (demoJurors.findIndex((j) => j.email === sheet.jurorEmail) % 2 === 1) return '';
  const ranked = demoCriteria.map((c) => ({ label: c.labels.fr, score: sheet.scores[c.code] })).sort((a, b) => b.score - a.score);
  const best = ranked[0]!;
  const worst = ranked[ranked.length - 1]!;
  if (best.score === worst.score) return 'Dossier homogène sur tous les critères.';
  return `Point fort : ${best.label.toLowerCase()}. À travailler : ${worst.label.toLowerCase()}.`;
}
