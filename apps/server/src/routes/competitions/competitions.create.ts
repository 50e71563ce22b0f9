import type { AxisInput, CompetitionCreate } from '@palmares/contract';
import type { Db } from '../../db/open-db.js';
import { demoAxes } from '../../demo/demo-data.js';
import { appendEvent } from '../../lib/event-log.js';

/** docs/product.md: "the five above by default", the theme axes of the Casablanca Smart City congress. */
export const DEFAULT_AXES: AxisInput[] = demoAxes.map((a) => ({ code: a.code, color: a.color, labels: a.labels }));

/**
 * Creates a competition with the default rules (scale 1–10, SATM with automatic trim, 3 awards,
 * shortlist of 12), its axes, and the creator as its organiser; logged in the same transaction.
 */
export function createCompetition(db: Db, userId: number, input: CompetitionCreate, now: Date): number {
  const at = now.toISOString();
  const axes = input.axes ?? DEFAULT_AXES;
  return db.transaction(() => {
    const id = Number(
      db.prepare(
        `INSERT INTO competitions (name, starts_on, ends_on, venue, languages, default_language, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(input.name, input.startsOn, input.endsOn, input.venue, JSON.stringify(input.languages), input.defaultLanguage, at).lastInsertRowid,
    );
    db.prepare('INSERT INTO competition_organisers (competition_id, user_id) VALUES (?, ?)').run(id, userId);
    const insertAxis = db.prepare('INSERT INTO axes (competition_id, code, position, color, labels) VALUES (?, ?, ?, ?, ?)');
    axes.forEach((a, i) => insertAxis.run(id, a.code, i, a.color, JSON.stringify(a.labels)));
    appendEvent(db, { competitionId: id, actor: `user:${userId}`, type: 'competition.created', payload: { ...input, axes }, at: now });
    return id;
  })();
}
