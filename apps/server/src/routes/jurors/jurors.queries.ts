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
});

/** The organiser's side of jurors and their tablets. */
export function jurorsQueries(db: Db) {
  const select = `SELECT j.id, j.name, j.email, j.title, j.is_chair, j.invite_token,
      (SELECT COUNT(*) FROM device_bindings b WHERE b.juror_id = j.id AND b.revoked_at IS NULL AND b.locked_at IS NULL) AS active,
      (SELECT COUNT(*) FROM device_bindings b WHERE b.juror_id = j.id AND b.revoked_at IS NULL AND b.locked_at IS NOT NULL) AS locked,
      (SELECT MAX(b.last_seen_at) FROM device_bindings b WHERE b.juror_id = j.id) AS last_seen_at
    FROM jurors j`;
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
    revoke: (jurorId: number, now: Date) => revoke.run(now.toISOString(), jurorId).changes,
    /** `null` unseats the current chair; a juror id seats that juror (after unseating). */
    setChair: (competitionId: number, jurorId: number | null) =>
      jurorId === null ? unseatChair.run(competitionId).changes : seatChair.run(jurorId, competitionId).changes,
  };
}
