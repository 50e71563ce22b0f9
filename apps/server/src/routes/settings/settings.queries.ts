import type { AxisInput, CriterionInput, SettingsUpdate } from '@palmares/contract';
import type { Db } from '../../db/open-db.js';

/** Writes of the set-up; callers run them inside one transaction with the event. */
export function settingsQueries(db: Db) {
  const updateSettings = db.prepare(
    `UPDATE competitions SET name = @name, starts_on = @startsOn, ends_on = @endsOn, venue = @venue,
       languages = @languages, default_language = @defaultLanguage, method = @method, trim = @trim,
       award_count = @awardCount, award_axis_max = @awardAxisMax, shortlist_size = @shortlistSize,
       shortlist_axis_min = @shortlistAxisMin, shortlist_axis_max = @shortlistAxisMax,
       time_zone = COALESCE(@timeZone, time_zone)
     WHERE id = @id`,
  );
  const updateTablets = db.prepare('UPDATE competitions SET idle_lock_minutes = ? WHERE id = ?');
  const languages = db.prepare<[number], string>('SELECT languages FROM competitions WHERE id = ?').pluck();
  const defaultLanguage = db.prepare<[number], string>('SELECT default_language FROM competitions WHERE id = ?').pluck();
  const axisRows = db.prepare<[number], { id: number; code: string }>('SELECT id, code FROM axes WHERE competition_id = ?');
  const axisInUse = db.prepare<[number], number>('SELECT COUNT(*) FROM entrants WHERE axis_id = ?').pluck();
  const insertAxis = db.prepare('INSERT INTO axes (competition_id, code, position, color, labels) VALUES (?, ?, ?, ?, ?)');
  const updateAxis = db.prepare('UPDATE axes SET position = ?, color = ?, labels = ? WHERE id = ?');
  const deleteAxis = db.prepare('DELETE FROM axes WHERE id = ?');
  const criterionRows = db.prepare<[number], { id: number; code: string }>('SELECT id, code FROM criteria WHERE competition_id = ?');
  const insertCriterion = db.prepare(
    'INSERT INTO criteria (competition_id, code, position, weight, labels, levels) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const updateCriterion = db.prepare('UPDATE criteria SET position = ?, weight = ?, labels = ?, levels = ? WHERE id = ?');
  const deleteCriterion = db.prepare('DELETE FROM criteria WHERE id = ?');
  const updateScale = db.prepare('UPDATE competitions SET scale_min = ?, scale_max = ?, rubric_version = rubric_version + 1 WHERE id = ?');

  return {
    updateTablets: (id: number, idleLockMinutes: number) => updateTablets.run(idleLockMinutes, id),
    languages: (id: number) => JSON.parse(languages.get(id) ?? '[]') as string[],
    defaultLanguage: (id: number) => defaultLanguage.get(id) ?? 'fr',

    updateSettings(id: number, s: SettingsUpdate) {
      updateSettings.run({
        id,
        name: s.name,
        startsOn: s.startsOn,
        endsOn: s.endsOn,
        venue: s.venue,
        timeZone: s.timeZone ?? null,
        languages: JSON.stringify(s.languages),
        defaultLanguage: s.defaultLanguage,
        method: s.method,
        trim: String(s.trim),
        awardCount: s.awards.count,
        awardAxisMax: s.awards.axisMax,
        shortlistSize: s.shortlist.size,
        shortlistAxisMin: s.shortlist.axisMin,
        shortlistAxisMax: s.shortlist.axisMax,
      });
    },

    /** Axis codes that would disappear although entrants compete in them. */
    axesStillUsed(id: number, keep: Set<string>): string[] {
      return axisRows.all(id).filter((a) => !keep.has(a.code) && axisInUse.get(a.id)! > 0).map((a) => a.code);
    },

    /** Replaces the axes, keeping the ids of codes that stay (entrants point at them). */
    replaceAxes(id: number, axes: AxisInput[]) {
      const existing = new Map(axisRows.all(id).map((a) => [a.code, a.id]));
      axes.forEach((a, i) => {
        const axisId = existing.get(a.code);
        if (axisId === undefined) insertAxis.run(id, a.code, i, a.color, JSON.stringify(a.labels));
        else updateAxis.run(i, a.color, JSON.stringify(a.labels), axisId);
        existing.delete(a.code);
      });
      for (const axisId of existing.values()) deleteAxis.run(axisId);
    },

    /** Replaces the rubric (ids of kept codes stay) and bumps the rubric version. */
    replaceRubric(id: number, scale: { min: number; max: number }, criteria: CriterionInput[]) {
      const existing = new Map(criterionRows.all(id).map((c) => [c.code, c.id]));
      criteria.forEach((c, i) => {
        const labels = JSON.stringify(c.labels);
        const levels = JSON.stringify(c.levels);
        const criterionId = existing.get(c.code);
        if (criterionId === undefined) insertCriterion.run(id, c.code, i, c.weight, labels, levels);
        else updateCriterion.run(i, c.weight, labels, levels, criterionId);
        existing.delete(c.code);
      });
      for (const criterionId of existing.values()) deleteCriterion.run(criterionId);
      updateScale.run(scale.min, scale.max, id);
    },
  };
}
