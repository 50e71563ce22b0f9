import type { JurorAdmin } from '@palmares/contract';
import type { Db } from '../../db/open-db.js';

interface JurorRow {
  id: number;
  name: string;
  email: string;
  title: string;
  is_chair: number;
  invite_token: string;
  active: number;
  locked: number;
  last_seen_at: string | null;
  scorecards: number;
  replaced_at: string | null;
  replaced_by_id: number | null;
  replaced_by_name: string | null;
  replaces_id: number | null;
  replaces_name: string | null;
}

const toAdmin = (r: JurorRow): JurorAdmin => ({
  id: r.id,
  name: r.name,
  email: r.email,
  title: r.title,
  isChair: r.is_chair === 1,
  invitePath: `/j/${encodeURIComponent(r.invite_token)}`,
  bindings: { active: r.active, locked: r.locked },
  lastSeenAt: r.last_seen_at,
  scorecards: r.scorecards,
  replacedAt: r.replaced_at,
  replacedBy: r.replaced_by_id === null ? null : { id: r.replaced_by_id, name: r.replaced_by_name ?? '' },
  replaces: r.replaces_id === null ? null : { id: r.replaces_id, name: r.replaces_name ?? '' },
});

/** The organiser's side of jurors and their tablets. */
export function jurorsQueries(db: Db) {
  const select = `SELECT j.id, j.name, j.email, j.title, j.is_chair, j.invite_token,
      (SELECT COUNT(*) FROM device_bindings b WHERE b.juror_id = j.id AND b.revoked_at IS NULL AND b.locked_at IS NULL) AS active,
      (SELECT COUNT(*) FROM device_bindings b WHERE b.juror_id = j.id AND b.revoked_at IS NULL AND b.locked_at IS NOT NULL) AS locked,
      (SELECT MAX(b.last_seen_at) FROM device_bindings b WHERE b.juror_id = j.id) AS last_seen_at,
      (SELECT COUNT(*) FROM scorecards s WHERE s.juror_id = j.id) AS scorecards,
      j.replaced_at, r.id AS replaced_by_id, r.name AS replaced_by_name, p.id AS replaces_id, p.name AS replaces_name
    FROM jurors j LEFT JOIN jurors r ON r.replaces = j.id LEFT JOIN jurors p ON p.id = j.replaces`;
  const isOrganiser = db.prepare<[number, number], number>(
    'SELECT 1 FROM competition_organisers WHERE competition_id = ? AND user_id = ?',
  ).pluck();
  const list = db.prepare<[number], JurorRow>(`${select} WHERE j.competition_id = ? ORDER BY j.is_chair DESC, j.id`);
  const one = db.prepare<[number, number], JurorRow>(`${select} WHERE j.id = ? AND j.competition_id = ?`);
  const insert = db.prepare<[number, string, string, string, number, string, string]>(
    'INSERT INTO jurors (competition_id, name, email, title, is_chair, invite_token, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const liveBindings = db.prepare<[number], number>('SELECT id FROM device_bindings WHERE juror_id = ? AND revoked_at IS NULL').pluck();
  const lockedBindings = db.prepare<[number], number>(
    'SELECT id FROM device_bindings WHERE juror_id = ? AND revoked_at IS NULL AND locked_at IS NOT NULL',
  ).pluck();
  // A reset unlocks the locked tablet and clears its PIN, so the juror (who most likely forgot it)
  // chooses a new one. It touches nothing else: the juror's healthy tablet keeps its PIN and its count.
  const reset = db.prepare<[number]>(
    'UPDATE device_bindings SET failed_pins = 0, locked_at = NULL, pin_hash = NULL WHERE juror_id = ? AND revoked_at IS NULL AND locked_at IS NOT NULL',
  );
  const clearFailures = db.prepare<[number]>(
    'DELETE FROM pin_failures WHERE binding_id IN (SELECT id FROM device_bindings WHERE juror_id = ? AND revoked_at IS NULL AND locked_at IS NOT NULL)',
  );
  // A new link starts with a clean count: the old link's wrong PINs (and its block) go with it.
  const rotate = db.prepare<[string, number]>('UPDATE jurors SET invite_token = ?, link_failed_pins = 0, link_locked_at = NULL WHERE id = ?');
  const clearLinkFailures = db.prepare<[number]>('DELETE FROM link_pin_failures WHERE juror_id = ?');
  const revoke = db.prepare<[string, number]>('UPDATE device_bindings SET revoked_at = ? WHERE juror_id = ? AND revoked_at IS NULL');
  const update = db.prepare('UPDATE jurors SET name = @name, email = @email, title = @title WHERE id = @id');
  const remove = db.prepare<[number]>('DELETE FROM jurors WHERE id = ?');
  const insertReplacement = db.prepare<[number, string, string, string, string, number, string]>(
    'INSERT INTO jurors (competition_id, name, email, title, invite_token, replaces, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const markReplaced = db.prepare<[string, number]>('UPDATE jurors SET replaced_at = ? WHERE id = ? AND replaced_at IS NULL');
  // What the replacement takes over: every assignment of the juror in a round not yet finished,
  // except the entrants the juror has already submitted there (those scorecards stay the juror's).
  const handOver = db.prepare<{ from: number; to: number }>(
    `UPDATE assignments SET juror_id = @to
     WHERE juror_id = @from
       AND round_id IN (SELECT id FROM rounds WHERE state IN ('draft', 'open'))
       AND NOT EXISTS (SELECT 1 FROM scorecards s WHERE s.round_id = assignments.round_id AND s.juror_id = @from
                       AND s.entrant_id = assignments.entrant_id AND s.status = 'submitted')`,
  );
  const unseatChair = db.prepare<[number]>('UPDATE jurors SET is_chair = 0 WHERE competition_id = ? AND is_chair = 1');
  const seatChair = db.prepare<[number, number]>('UPDATE jurors SET is_chair = 1 WHERE id = ? AND competition_id = ?');

  return {
    isOrganiser: (competitionId: number, userId: number) => isOrganiser.get(competitionId, userId) !== undefined,
    list: (competitionId: number) => list.all(competitionId).map(toAdmin),
    one: (jurorId: number, competitionId: number) => {
      const row = one.get(jurorId, competitionId);
      return row ? toAdmin(row) : undefined;
    },
    insert: (competitionId: number, j: { name: string; email: string; title: string; isChair: boolean }, token: string, now: Date) =>
      Number(insert.run(competitionId, j.name, j.email, j.title, j.isChair ? 1 : 0, token, now.toISOString()).lastInsertRowid),
    liveBindings: (jurorId: number) => liveBindings.all(jurorId),
    lockedBindings: (jurorId: number) => lockedBindings.all(jurorId),
    reset(jurorId: number) {
      clearFailures.run(jurorId);
      return reset.run(jurorId).changes;
    },
    rotateInvite(jurorId: number, token: string) {
      clearLinkFailures.run(jurorId);
      return rotate.run(token, jurorId);
    },
    update: (jurorId: number, j: { name: string; email: string; title: string }) => update.run({ id: jurorId, ...j }),
    /** Deletes the juror with their tablets, assignments and declared conflicts (a juror without scorecards). */
    remove: (jurorId: number) => remove.run(jurorId),
    /**
     * The replacement, bound by a new link, takes over the juror's unfinished assignments; the
     * juror's submitted scorecards stay theirs. Returns the replacement's id and how many
     * assignments moved.
     */
    replace(competitionId: number, jurorId: number, j: { name: string; email: string; title: string }, token: string, now: Date) {
      const at = now.toISOString();
      const id = Number(insertReplacement.run(competitionId, j.name, j.email, j.title, token, jurorId, at).lastInsertRowid);
      markReplaced.run(at, jurorId);
      const moved = handOver.run({ from: jurorId, to: id }).changes;
      return { id, moved };
    },
    revoke: (jurorId: number, now: Date) => revoke.run(now.toISOString(), jurorId).changes,
    /** `null` unseats the current chair; a juror id seats that juror (after unseating). */
    setChair: (competitionId: number, jurorId: number | null) =>
      jurorId === null ? unseatChair.run(competitionId).changes : seatChair.run(jurorId, competitionId).changes,
  };
}
