import type { Db } from '../db/open-db.js';

/** A scorecard as the event log tells it: its last status, and the scores it was submitted with, corrections applied. */
interface LoggedCard {
  status: 'submitted' | 'draft' | 'withdrawn';
  scores: Record<string, number>;
}

/** The log replayed up to entry `seq` (whose hash is `hash`): scorecards by round, then by "juror:entrant". */
export interface ScoreLog {
  seq: number;
  hash: string;
  cards: Map<number, Map<string, LoggedCard>>;
  /** "competition:juror:entrant" of every declared conflict of interest. */
  recused: Set<string>;
}

/** The entries that shape a submitted scorecard; every other entry leaves the scores as they are. */
const SCORE_EVENTS = ['scorecard.submitted', 'scorecard.reopened', 'score.corrected', 'recusal.declared'] as const;

interface EntryRow {
  seq: number;
  competition_id: number | null;
  actor: string;
  type: (typeof SCORE_EVENTS)[number];
  payload: string;
}

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
  return {
    head: db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1'),
    hashAt: db.prepare<[number], string>('SELECT hash FROM events WHERE seq = ?').pluck(),
    // A range of the primary key: a read after a few new entries scans those entries only.
    after: db.prepare<[number, number], EntryRow>(
      `SELECT seq, competition_id, actor, type, payload FROM events
       WHERE seq > ? AND seq <= ? AND type IN (${SCORE_EVENTS.map((t) => `'${t}'`).join(', ')}) ORDER BY seq`,
    ),
  };
}
function statementsFor(db: Db) {
  let s = statements.get(db);
  if (!s) {
    s = prepare(db);
    statements.set(db, s);
  }
  return s;
}

const jurorOf = (actor: string) => (actor.startsWith('juror:') ? actor.slice('juror:'.length) : null);

function cardOf(log: ScoreLog, roundId: number, key: string): LoggedCard {
  let round = log.cards.get(roundId);
  if (!round) log.cards.set(roundId, (round = new Map()));
  let card = round.get(key);
  if (!card) round.set(key, (card = { status: 'draft', scores: {} }));
  return card;
}

/** Applies one entry, as the route that wrote it changed the scorecards. */
function apply(log: ScoreLog, e: EntryRow): void {
  const p = JSON.parse(e.payload) as Record<string, unknown>;
  const juror = jurorOf(e.actor);
  const roundId = Number(p['roundId']);
  switch (e.type) {
    case 'scorecard.submitted': {
      if (juror === null) return;
      const card = cardOf(log, roundId, `${juror}:${String(p['entrantId'])}`);
      card.status = 'submitted';
      card.scores = { ...(p['scores'] as Record<string, number>) };
      return;
    }
    case 'scorecard.reopened':
      if (juror !== null) cardOf(log, roundId, `${juror}:${String(p['entrantId'])}`).status = 'draft';
      return;
    case 'score.corrected':
      cardOf(log, roundId, `${String(p['jurorId'])}:${String(p['entrantId'])}`).scores[String(p['criterion'])] = Number(p['newValue']);
      return;
    case 'recusal.declared': {
      if (juror === null) return;
      log.recused.add(`${String(e.competition_id)}:${juror}:${String(p['entrantId'])}`);
      // The recusal withdrew the juror's scorecards for the startup in the rounds then open.
      const withdrawn = Array.isArray(p['withdrawnRoundIds']) ? (p['withdrawnRoundIds'] as unknown[]) : [];
      for (const r of withdrawn) cardOf(log, Number(r), `${juror}:${String(p['entrantId'])}`).status = 'withdrawn';
    }
  }
}

const replays = new WeakMap<Db, ScoreLog>();

/**
 * The scorecards as the event log tells them, replayed from its first entry (docs/decisions/027).
 * Kept per database and carried forward: a read that finds the log one entry longer applies that
 * entry only, and a read that finds nothing new reuses the replay as it is. The replay kept is
 * trusted only while the entry it stopped at is still there with the same hash (a rolled-back
 * transaction takes its entries with it); otherwise it starts again. `fresh` always replays the
 * whole log, without reading or writing the kept replay: what "Verify" does.
 */
export function scoreLog(db: Db, options: { fresh?: boolean } = {}): ScoreLog {
  const q = statementsFor(db);
  const head = q.head.get() ?? { seq: 0, hash: '' };
  let log = options.fresh ? undefined : replays.get(db);
  if (log && log.seq === head.seq && log.hash === head.hash) return log;
  if (!log || log.seq > head.seq || q.hashAt.get(log.seq) !== log.hash) log = { seq: 0, hash: '', cards: new Map(), recused: new Set() };
  for (const e of q.after.iterate(log.seq, head.seq)) apply(log, e);
  log.seq = head.seq;
  log.hash = head.hash;
  if (!options.fresh) replays.set(db, log);
  return log;
}

/**
 * The round's scorecards that count, by the log: submitted, not withdrawn, the juror not recused
 * from the startup. The same rule roundRankingInput applies to the stored ones.
 * @example loggedEvaluations(scoreLog(db), { id: 2, competition_id: 1 }).get('3:17'); // { innovation: 8, … }
 */
export function loggedEvaluations(log: ScoreLog, round: { id: number; competition_id: number }): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const [key, card] of log.cards.get(round.id) ?? []) {
    if (card.status === 'submitted' && !log.recused.has(`${round.competition_id}:${key}`)) out.set(key, card.scores);
  }
  return out;
}
