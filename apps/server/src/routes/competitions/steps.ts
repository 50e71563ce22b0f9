import type { CompetitionStep, CompetitionSteps, ErrorDetail, StepKey } from '@palmares/contract';
import type { Db } from '../../db/open-db.js';
import { snapshotQueries } from '../results/snapshot.queries.js';
import { preRegistrationProblems } from '../rounds/pre-registration.js';
import { roundQueries, type RoundRow } from '../rounds/rounds.queries.js';
import { openRoundProblems } from '../rounds/transitions.js';

type Step = Omit<CompetitionStep, 'state'> & { done: boolean };

const step = (key: StepKey, done: boolean, status: string, figures: Record<string, number> = {}, warnings: ErrorDetail[] = []): Step => ({
  key,
  done,
  status,
  figures,
  warnings,
});

/** A round that has not opened yet shows why it could not open now; an open one has nothing to warn about. */
const roundStatus = (round: RoundRow | undefined) => round?.state ?? 'none';

/**
 * Where the competition stands, step by step, and the one step to act on next (the first not
 * done). The warnings are the reasons the next action would be refused (openRoundProblems,
 * publication's shortlist rule), computed by the same functions the actions call, so the home
 * page never promises what the action then refuses.
 */
export function competitionSteps(db: Db, competitionId: number): CompetitionSteps {
  const q = roundQueries(db);
  const count = (sql: string) => db.prepare<[number], number>(sql).pluck().get(competitionId) ?? 0;
  const locked = count('SELECT COUNT(*) FROM competitions WHERE id = ? AND settings_locked_at IS NOT NULL') > 0;
  const reviewed = count("SELECT COUNT(*) FROM events WHERE competition_id = ? AND type IN ('settings.updated', 'axes.updated', 'rubric.updated')") > 0;
  const entrants = count('SELECT COUNT(*) FROM entrants WHERE competition_id = ?');
  const jurors = count('SELECT COUNT(*) FROM jurors WHERE competition_id = ?');
  const chairs = count('SELECT COUNT(*) FROM jurors WHERE competition_id = ? AND is_chair = 1');
  const shortlistSize = count('SELECT shortlist_size FROM competitions WHERE id = ?');
  const round1 = q.byKind(competitionId, 'shortlist');
  const final = q.byKind(competitionId, 'final');
  const ctx = { db, q, competitionId };

  // Until round 1 opens, what the pre-registered rules lack (a rubric gap, a quota no entrant list can meet).
  const rules = locked ? [] : preRegistrationProblems(db, competitionId);
  const setup = step('setup', locked || reviewed || entrants > 0, locked ? 'locked' : reviewed ? 'reviewed' : 'defaults',
    { axes: count('SELECT COUNT(*) FROM axes WHERE competition_id = ?'), criteria: count('SELECT COUNT(*) FROM criteria WHERE competition_id = ?') },
    rules.filter((p) => p.path.startsWith('rubric')));
  const entrantsStep = step('entrants', entrants > 0, entrants > 0 ? 'some' : 'none', { entrants }, rules.filter((p) => p.path.startsWith('shortlist')));
  const jurorsStep = step('jurors', jurors > 0 && chairs > 0, jurors === 0 ? 'none' : chairs === 0 ? 'no_chair' : 'some', { jurors },
    jurors > 0 && chairs === 0 ? [{ path: 'jurors', rule: 'no_chair', message: 'no juror chairs the jury: the chair signs the results' }] : []);

  const progress = (round: RoundRow | undefined) => (round && round.state !== 'draft' ? q.progress(competitionId, round).total : undefined);
  const r1 = progress(round1);
  const round1Step = step('round1', round1 !== undefined && ['closed', 'confirmed'].includes(round1.state), roundStatus(round1),
    r1 ? { submitted: r1.submitted, assigned: r1.assigned } : { assignments: round1 ? q.assignments(round1.id).length : 0 },
    round1?.state === 'draft' ? openRoundProblems(ctx, round1) : []);

  const shortlistStatus = !round1 || ['draft', 'open'].includes(round1.state) ? 'waiting' : round1.state === 'closed' ? 'to_confirm' : round1.published_at ? 'published' : 'to_publish';
  const finalists = final ? q.roundEntrantIds(final.id).length : 0;
  const shortlistStep = step('shortlist', shortlistStatus === 'published', shortlistStatus, { size: shortlistSize, finalists },
    shortlistStatus === 'to_publish' ? [{ path: 'shortlist', rule: 'shortlist_unpublished', message: 'the finalists\' pages say "registered" until the shortlist is published' }] : []);

  const f = progress(final);
  const finalStep = step('final', final !== undefined && ['closed', 'confirmed'].includes(final.state), roundStatus(final),
    f ? { submitted: f.submitted, assigned: f.assigned } : { finalists },
    final?.state === 'draft' ? openRoundProblems(ctx, final) : []);

  const snapshot = final ? snapshotQueries(db).latest(final.id) : undefined;
  const signatures = snapshot?.signoffs.length ?? 0;
  const published = Boolean(snapshot?.publishedAt);
  const finalClosed = finalStep.done;
  const deliberationStep = step('deliberation', published || signatures >= 2, !finalClosed ? 'waiting' : signatures >= 2 || published ? 'signed' : 'signing', { signatures });
  const publicationStep = step('publication', published, published ? 'published' : finalClosed ? 'ready' : 'waiting', {},
    finalClosed && !published && !round1?.published_at ? [{ path: 'shortlist', rule: 'shortlist_unpublished', message: 'publish the shortlist first' }] : []);

  const all = [setup, entrantsStep, jurorsStep, round1Step, shortlistStep, finalStep, deliberationStep, publicationStep];
  const next = all.find((s) => !s.done)?.key ?? null;
  return {
    steps: all.map(({ done, ...s }) => ({ ...s, state: done ? 'done' : s.key === next ? 'next' : 'todo' })),
    next,
  };
}
