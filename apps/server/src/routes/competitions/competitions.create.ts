import type { AxisInput, CompetitionCreate, CriterionInput } from '@palmares/contract';
import type { Db } from '../../db/open-db.js';
import { demoAxes, demoCriteria } from '../../demo/demo-data.js';
import { AppError } from '../../lib/errors.js';
import { appendEvent } from '../../lib/event-log.js';
import { newToken } from '../../lib/tokens.js';

/** docs/product.md: "the five above by default", the theme axes of the Casablanca Smart City congress. */
export const DEFAULT_AXES: AxisInput[] = demoAxes.map((a) => ({ code: a.code, color: a.color, labels: a.labels }));

/** The congress's rubric: six criteria weighted to 100, each level of the 1–10 scale described in fr, en and ar. */
export const DEFAULT_CRITERIA: CriterionInput[] = demoCriteria.map((c) => ({ code: c.code, weight: c.weight, labels: c.labels, levels: c.levels }));

/**
 * What "start from an earlier competition" carries over, column by column. The rules are the
 * settings below; the event itself (name, dates, venue, time zone, languages) comes from the form.
 * Anything else is the earlier edition's own history and stays behind: when its rules were locked,
 * the rubric's version, and every entrant, round, scorecard and event. A test lists each table's
 * columns, so a column added later must be put on one side or the other.
 */
export const COPIED = {
  competitions: ['scale_min', 'scale_max', 'method', 'trim', 'award_count', 'award_axis_max', 'shortlist_size', 'shortlist_axis_min', 'shortlist_axis_max', 'startup_place_display', 'round1_feedback', 'idle_lock_minutes'],
  axes: ['code', 'position', 'color', 'labels'],
  criteria: ['code', 'position', 'weight', 'labels', 'levels'],
  // An axis's own shortlist quota goes with the axis, matched by its code in the new edition.
  axis_quotas: ['shortlist_min', 'shortlist_max'],
  // A juror of last year is invited again under a new link: the old link, tablets and PIN stay with the old edition.
  jurors: ['name', 'email', 'title', 'is_chair'],
} as const;

/** The columns a copy leaves behind, and why (the test above checks the two lists cover each table). */
export const NOT_COPIED = {
  competitions: ['id', 'name', 'starts_on', 'ends_on', 'venue', 'languages', 'default_language', 'time_zone', 'rubric_version', 'settings_locked_at', 'created_at'],
  axes: ['id', 'competition_id'],
  criteria: ['id', 'competition_id'],
  axis_quotas: ['axis_id'],
  jurors: ['id', 'competition_id', 'invite_token', 'created_at', 'link_failed_pins', 'link_locked_at', 'replaced_at', 'replaces'],
} as const;

const list = (columns: readonly string[]) => columns.join(', ');

/** Copies the rules, axes, rubric and jurors of `fromId` into the new competition `toId`. */
function copyEdition(db: Db, fromId: number, toId: number, at: string): { jurors: number } {
  const settings = COPIED.competitions.map((c) => `${c} = (SELECT ${c} FROM competitions WHERE id = @from)`).join(', ');
  db.prepare(`UPDATE competitions SET ${settings} WHERE id = @to`).run({ from: fromId, to: toId });
  for (const table of ['axes', 'criteria'] as const) {
    db.prepare(`INSERT INTO ${table} (competition_id, ${list(COPIED[table])}) SELECT ?, ${list(COPIED[table])} FROM ${table} WHERE competition_id = ? ORDER BY position`).run(toId, fromId);
  }
  db.prepare(
    `INSERT INTO axis_quotas (axis_id, ${list(COPIED.axis_quotas)})
     SELECT new.id, ${COPIED.axis_quotas.map((c) => `q.${c}`).join(', ')}
     FROM axis_quotas q JOIN axes old ON old.id = q.axis_id AND old.competition_id = ?
     JOIN axes new ON new.code = old.code AND new.competition_id = ?`,
  ).run(fromId, toId);
  const jurors = db.prepare<[number], Record<string, unknown>>(`SELECT ${list(COPIED.jurors)} FROM jurors WHERE competition_id = ? ORDER BY id`).all(fromId);
  const insertJuror = db.prepare(`INSERT INTO jurors (competition_id, ${list(COPIED.jurors)}, invite_token, created_at) VALUES (?, ${COPIED.jurors.map(() => '?').join(', ')}, ?, ?)`);
  for (const j of jurors) insertJuror.run(toId, ...COPIED.jurors.map((c) => j[c]), newToken(), at);
  return { jurors: jurors.length };
}

/**
 * Creates a competition with the default rules (scale 1–10, SATM with automatic trim, 3 awards,
 * shortlist of 12), the congress's axes and rubric (or those of the earlier edition it copies),
 * and the creator as its organiser; logged in the same transaction. Copying a competition the
 * creator does not run answers 400 naming `copyFrom`, as if it did not exist.
 */
export function createCompetition(db: Db, userId: number, input: CompetitionCreate, now: Date): number {
  const at = now.toISOString();
  const { copyFrom, ...event } = input;
  const axes = input.axes ?? DEFAULT_AXES;
  return db.transaction(() => {
    if (copyFrom !== undefined && !db.prepare('SELECT 1 FROM competition_organisers WHERE competition_id = ? AND user_id = ?').get(copyFrom, userId)) {
      throw new AppError(400, 'VALIDATION_FAILED', 'No earlier competition of yours has this id', [
        { path: 'copyFrom', rule: 'unknown', message: `competition ${copyFrom} is not one you run` },
      ]);
    }
    const id = Number(
      db.prepare(
        `INSERT INTO competitions (name, starts_on, ends_on, venue, time_zone, languages, default_language, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(input.name, input.startsOn, input.endsOn, input.venue, input.timeZone, JSON.stringify(input.languages), input.defaultLanguage, at).lastInsertRowid,
    );
    db.prepare('INSERT INTO competition_organisers (competition_id, user_id) VALUES (?, ?)').run(id, userId);
    if (copyFrom !== undefined) {
      const copied = copyEdition(db, copyFrom, id, at);
      appendEvent(db, { competitionId: id, actor: `user:${userId}`, type: 'competition.created', payload: { ...event, copiedFrom: copyFrom, jurors: copied.jurors }, at: now });
      return id;
    }
    const insertAxis = db.prepare('INSERT INTO axes (competition_id, code, position, color, labels) VALUES (?, ?, ?, ?, ?)');
    axes.forEach((a, i) => insertAxis.run(id, a.code, i, a.color, JSON.stringify(a.labels)));
    const insertCriterion = db.prepare('INSERT INTO criteria (competition_id, code, position, weight, labels, levels) VALUES (?, ?, ?, ?, ?, ?)');
    DEFAULT_CRITERIA.forEach((c, i) => insertCriterion.run(id, c.code, i, c.weight, JSON.stringify(c.labels), JSON.stringify(c.levels)));
    appendEvent(db, { competitionId: id, actor: `user:${userId}`, type: 'competition.created', payload: { ...event, axes, criteria: DEFAULT_CRITERIA.map((c) => c.code) }, at: now });
    return id;
  })();
}
