import type { EntrantAdmin } from '@palmares/contract';
import type { Db } from '../../db/open-db.js';
import { newToken } from '../../lib/tokens.js';

interface EntrantRow {
  id: number;
  name: string;
  axis_id: number;
  axis_code: string;
  founders: string;
  pitch: string;
  contact_email: string;
  access_token: string;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
}

const toEntrant = (e: EntrantRow): EntrantAdmin => ({
  id: e.id,
  name: e.name,
  axisId: e.axis_id,
  axisCode: e.axis_code,
  founders: e.founders,
  pitch: e.pitch,
  contactEmail: e.contact_email,
  accessToken: e.access_token,
  withdrawal: e.withdrawn_at === null ? null : { at: e.withdrawn_at, reason: e.withdrawal_reason ?? '' },
});

export interface NewEntrant {
  name: string;
  axisId: number;
  founders: string;
  pitch: string;
  contactEmail: string;
}

export function entrantQueries(db: Db) {
  const select = `SELECT e.id, e.name, e.axis_id, a.code AS axis_code, e.founders, e.pitch, e.contact_email, e.access_token,
                         e.withdrawn_at, e.withdrawal_reason
                  FROM entrants e JOIN axes a ON a.id = e.axis_id`;
  const list = db.prepare<[number], EntrantRow>(`${select} WHERE e.competition_id = ? ORDER BY a.position, e.name, e.id`);
  const one = db.prepare<[number, number], EntrantRow>(`${select} WHERE e.id = ? AND e.competition_id = ?`);
  const axes = db.prepare<[number], { id: number; code: string; labels: string }>(
    'SELECT id, code, labels FROM axes WHERE competition_id = ? ORDER BY position',
  );
  const insert = db.prepare(
    `INSERT INTO entrants (competition_id, axis_id, name, founders, pitch, contact_email, access_token, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    'UPDATE entrants SET name = @name, axis_id = @axisId, founders = @founders, pitch = @pitch, contact_email = @contactEmail WHERE id = @id',
  );
  const remove = db.prepare('DELETE FROM entrants WHERE id = ?');
  const withdraw = db.prepare<[string, string, number]>(
    'UPDATE entrants SET withdrawn_at = ?, withdrawal_reason = ? WHERE id = ? AND withdrawn_at IS NULL',
  );
  const rotate = db.prepare('UPDATE entrants SET access_token = ? WHERE id = ?');
  const nameTaken = db.prepare<[number, string, number], number>(
    'SELECT COUNT(*) FROM entrants WHERE competition_id = ? AND lower(name) = lower(?) AND id <> ?',
  ).pluck();

  return {
    list: (competitionId: number) => list.all(competitionId).map(toEntrant),
    get: (competitionId: number, id: number) => {
      const row = one.get(id, competitionId);
      return row ? toEntrant(row) : undefined;
    },
    axes: (competitionId: number) =>
      axes.all(competitionId).map((a) => ({ id: a.id, code: a.code, labels: JSON.parse(a.labels) as Record<string, string> })),
    nameTaken: (competitionId: number, name: string, exceptId = 0) => nameTaken.get(competitionId, name, exceptId)! > 0,
    /** Inserts with a fresh random access token (the startup's private link). */
    insert: (competitionId: number, e: NewEntrant, at: string) =>
      Number(insert.run(competitionId, e.axisId, e.name, e.founders, e.pitch, e.contactEmail, newToken(), at).lastInsertRowid),
    update: (id: number, e: NewEntrant) => update.run({ id, ...e }),
    remove: (id: number) => remove.run(id),
    /** Kept, with its scorecards, but out of every ranking from now on (results/ranking-input.ts). */
    withdraw: (id: number, reason: string, at: string) => withdraw.run(at, reason, id).changes,
    /** A new private link; the old one stops working at once. */
    rotateToken: (id: number) => rotate.run(newToken(), id),
  };
}
