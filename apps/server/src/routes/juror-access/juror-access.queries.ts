import type { Db } from '../../db/open-db.js';

export function jurorAccessQueries(db: Db) {
  const jurorByInvite = db.prepare<[string], { id: number; name: string; is_chair: number; competition_id: number; competition_name: string }>(
    `SELECT j.id, j.name, j.is_chair, j.competition_id, c.name AS competition_name
     FROM jurors j JOIN competitions c ON c.id = j.competition_id WHERE j.invite_token = ?`,
  );
  const insertBinding = db.prepare<[number, string, string, string]>(
    'INSERT INTO device_bindings (juror_id, token_hash, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
  );
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
    insertBinding: (jurorId: number, tokenHash: string, now: Date) =>
      Number(insertBinding.run(jurorId, tokenHash, now.toISOString(), now.toISOString()).lastInsertRowid),
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
