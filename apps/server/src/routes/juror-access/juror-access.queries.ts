import type { Db } from '../../db/open-db.js';

export function jurorAccessQueries(db: Db) {
  const jurorByInvite = db.prepare<
    [string],
    { id: number; name: string; is_chair: number; competition_id: number; competition_name: string; link_locked_at: string | null }
  >(
    `SELECT j.id, j.name, j.is_chair, j.competition_id, c.name AS competition_name, j.link_locked_at
     FROM jurors j JOIN competitions c ON c.id = j.competition_id WHERE j.invite_token = ? AND j.replaced_at IS NULL`,
  );
  const insertBinding = db.prepare<[number, string, string | null, string, string]>(
    'INSERT INTO device_bindings (juror_id, token_hash, pin_hash, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
  );
  // The juror's PINs: one per tablet that has one (a reset tablet may have chosen another).
  const jurorPinHashes = db.prepare<[number], string>(
    'SELECT DISTINCT pin_hash FROM device_bindings WHERE juror_id = ? AND revoked_at IS NULL AND pin_hash IS NOT NULL',
  ).pluck();
  const linkFailuresSince = db.prepare<[number, string], { count: number; oldest: string | null }>(
    'SELECT COUNT(*) AS count, MIN(at) AS oldest FROM link_pin_failures WHERE juror_id = ? AND at > ?',
  );
  const recordLinkFailure = db.prepare<[number, string]>('INSERT INTO link_pin_failures (juror_id, at) VALUES (?, ?)');
  const bumpLinkFailed = db.prepare<[number], number>(
    'UPDATE jurors SET link_failed_pins = link_failed_pins + 1 WHERE id = ? RETURNING link_failed_pins',
  ).pluck();
  const clearLinkFailures = db.prepare<[number]>('DELETE FROM link_pin_failures WHERE juror_id = ?');
  const resetLinkFailed = db.prepare<[number]>('UPDATE jurors SET link_failed_pins = 0 WHERE id = ? AND link_failed_pins <> 0');
  const lockLink = db.prepare<[string, number]>('UPDATE jurors SET link_locked_at = ? WHERE id = ? AND link_locked_at IS NULL');

  const competitionName = db.prepare<[number], string>('SELECT name FROM competitions WHERE id = ?').pluck();
  const pinHash = db.prepare<[number], string | null>('SELECT pin_hash FROM device_bindings WHERE id = ?').pluck();
  const setPin = db.prepare<[string, number]>('UPDATE device_bindings SET pin_hash = ? WHERE id = ? AND pin_hash IS NULL');
  const failuresSince = db.prepare<[number, string], { count: number; oldest: string | null }>(
    'SELECT COUNT(*) AS count, MIN(at) AS oldest FROM pin_failures WHERE binding_id = ? AND at > ?',
  );
  const recordFailure = db.prepare<[number, string]>('INSERT INTO pin_failures (binding_id, at) VALUES (?, ?)');
  const bumpFailed = db.prepare<[number], number>(
    'UPDATE device_bindings SET failed_pins = failed_pins + 1 WHERE id = ? RETURNING failed_pins',
  ).pluck();
  const clearFailures = db.prepare<[number]>('DELETE FROM pin_failures WHERE binding_id = ?');
  const resetFailed = db.prepare<[number]>('UPDATE device_bindings SET failed_pins = 0 WHERE id = ?');
  const revoke = db.prepare<[string, number]>('UPDATE device_bindings SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const lock = db.prepare<[string, number]>('UPDATE device_bindings SET locked_at = ? WHERE id = ? AND locked_at IS NULL');
  return {
    jurorByInvite: (token: string) => jurorByInvite.get(token),
    /** A new binding; with the juror's PIN hash when it was bound with their PIN. */
    insertBinding: (jurorId: number, tokenHash: string, pinHash: string | null, now: Date) =>
      Number(insertBinding.run(jurorId, tokenHash, pinHash, now.toISOString(), now.toISOString()).lastInsertRowid),
    jurorPinHashes: (jurorId: number) => jurorPinHashes.all(jurorId),
    linkFailuresSince: (jurorId: number, since: Date) =>
      linkFailuresSince.get(jurorId, since.toISOString()) ?? { count: 0, oldest: null },
    recordLinkFailure(jurorId: number, now: Date): number {
      recordLinkFailure.run(jurorId, now.toISOString());
      return bumpLinkFailed.get(jurorId) ?? 0;
    },
    forgiveLinkFailures(jurorId: number) {
      clearLinkFailures.run(jurorId);
      resetLinkFailed.run(jurorId);
    },
    lockLink: (jurorId: number, now: Date) => lockLink.run(now.toISOString(), jurorId),
    competitionName: (competitionId: number) => competitionName.get(competitionId) ?? '',
    pinHash: (bindingId: number) => pinHash.get(bindingId) ?? null,
    setPin: (bindingId: number, hash: string) => setPin.run(hash, bindingId).changes > 0,
    failuresSince: (bindingId: number, since: Date) => failuresSince.get(bindingId, since.toISOString()) ?? { count: 0, oldest: null },
    /** Counts a try as failed before the slow hash runs, so parallel tries cannot beat the limit. */
    recordFailure(bindingId: number, now: Date): number {
      recordFailure.run(bindingId, now.toISOString());
      return bumpFailed.get(bindingId) ?? 0;
    },
    forgiveFailure(bindingId: number) {
      clearFailures.run(bindingId);
      resetFailed.run(bindingId);
    },
    lock: (bindingId: number, now: Date) => lock.run(now.toISOString(), bindingId),
    revoke: (bindingId: number, now: Date) => revoke.run(now.toISOString(), bindingId),
  };
}
