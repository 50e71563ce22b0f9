import { JurorStateSchema } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app.js';
import { bindTablet, jurorFixture, tablet } from '../routes/juror/juror.fixture.js';

// The device bindings are cached per database (middleware/juror.ts). Whatever changes a binding or
// its juror, through any statement of the server's connection, must be seen by the very next request.
async function boundTablet() {
  const f = await jurorFixture();
  const { cookie, body } = await bindTablet(f.app, 'invite-a');
  const t = tablet(f.app, cookie);
  const state = async () => {
    const res = await t.get('/api/juror/state');
    return { status: res.status, body: res.status === 200 ? JurorStateSchema.parse(await res.json()) : undefined };
  };
  expect((await state()).status).toBe(200); // the binding is now cached
  return { ...f, t, state, bindingId: body.bindingId };
}

describe('the device binding cache', () => {
  test('a binding revoked by any statement is refused on the next request', async () => {
    const { db, state, bindingId } = await boundTablet();
    db.prepare("UPDATE device_bindings SET revoked_at = '2026-06-13T09:00:01Z' WHERE id = ?").run(bindingId);
    expect((await state()).status).toBe(401);
  });

  test('a lock, a PIN and its reset show on the next request', async () => {
    const { db, state, bindingId } = await boundTablet();
    db.prepare("UPDATE device_bindings SET locked_at = '2026-06-13T09:00:01Z' WHERE id = ?").run(bindingId);
    expect((await state()).status).toBe(423);
    // A reset clears the PIN: the tablet then reaches nothing until it has chosen a new one.
    db.prepare('UPDATE device_bindings SET locked_at = NULL, pin_hash = NULL WHERE id = ?').run(bindingId);
    expect((await state()).status).toBe(403);
    db.prepare("UPDATE device_bindings SET pin_hash = 'x' WHERE id = ?").run(bindingId);
    const after = await state();
    expect(after.status).toBe(200);
    expect(after.body?.binding.pinSet).toBe(true);
  });

  test('a juror renamed or made chair shows on the next request', async () => {
    const { db, state, jurorA } = await boundTablet();
    db.prepare("UPDATE jurors SET name = 'Dr. Juror A', is_chair = 1 WHERE id = ?").run(jurorA);
    expect((await state()).body?.juror).toMatchObject({ name: 'Dr. Juror A', isChair: true });
  });

  test('a binding deleted on its own, or with its juror (cascade), is refused', async () => {
    const alone = await boundTablet();
    alone.db.prepare('DELETE FROM device_bindings WHERE id = ?').run(alone.bindingId);
    expect((await alone.state()).status).toBe(401);

    const withJuror = await boundTablet();
    withJuror.db.prepare('DELETE FROM jurors WHERE id = ?').run(withJuror.jurorA);
    expect(withJuror.db.prepare('SELECT COUNT(*) FROM device_bindings').pluck().get()).toBe(0);
    expect((await withJuror.state()).status).toBe(401);
  });

  test('a change rolled back leaves the tablet working', async () => {
    const { db, state, bindingId } = await boundTablet();
    expect(() =>
      db.transaction(() => {
        db.prepare("UPDATE device_bindings SET revoked_at = '2026-06-13T09:00:01Z' WHERE id = ?").run(bindingId);
        throw new Error('changed my mind');
      })(),
    ).toThrow('changed my mind');
    expect((await state()).status).toBe(200);
  });

  test('two apps on one database share one cache: a revocation through either is seen by both', async () => {
    const { db, app, state } = await boundTablet();
    const { cookie } = await bindTablet(app, 'invite-a');
    const second = createApp({ db });
    expect((await second.request('/api/juror/state', { headers: { cookie } })).status).toBe(200);
    db.prepare("UPDATE device_bindings SET revoked_at = '2026-06-13T09:00:01Z'").run();
    expect((await second.request('/api/juror/state', { headers: { cookie } })).status).toBe(401);
    expect((await state()).status).toBe(401);
  });
});
