import { ErrorEnvelopeSchema, JurorStateSchema } from '@palmares/contract';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

// Issue 17 point 11, replayed black-box against the real server process on the demo: the juror's
// PIN is a factor of its own, not something the invitation link stands in for. Each refusal must
// come with a clear code and change nothing the juror's own tablet can see.

const dir = mkdtempSync(join(tmpdir(), 'palmares-pin-factor-'));
let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess(join(dir, 'demo.sqlite'), { demo: true });
});
afterAll(async () => {
  await server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const post = (path: string, body: unknown, token?: string) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
const get = (path: string, token?: string) => fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const code = async (res: Response) => ErrorEnvelopeSchema.parse(await res.json()).error.code;

/** The juror's own first tablet, bound and with its PIN, as the juror sets it up. */
async function jurorsTablet(invite: string, pin: string) {
  const res = await post('/api/juror/bind', { inviteToken: invite });
  expect(res.status).toBe(201);
  const { deviceToken } = (await res.json()) as { deviceToken: string };
  expect((await post('/api/juror/pin', { pin }, deviceToken)).status).toBe(200);
  return deviceToken;
}

describe("the juror's PIN is a factor of its own (issue 17 point 11)", () => {
  test('the invitation link alone scores nothing: a tablet bound from it answers 403 PIN_REQUIRED everywhere until it has a PIN', async () => {
    const res = await post('/api/juror/bind', { inviteToken: 'demo-juror-3' });
    expect(res.status).toBe(201);
    const { deviceToken: linkOnly } = (await res.json()) as { deviceToken: string };
    const state = await get('/api/juror/state', linkOnly);
    expect(state.status).toBe(403);
    expect(await code(state)).toBe('PIN_REQUIRED');
    const live = await get('/api/juror/live', linkOnly);
    expect(live.status).toBe(403);

    // The juror's own tablet: the link, then a PIN (the juror's first tablet chooses it).
    const own = await jurorsTablet('demo-juror-3', '5823');
    const seen = JurorStateSchema.parse(await (await get('/api/juror/state', own)).json());
    const round = seen.round!;
    const entrant = seen.entrants.find((e) => e.scorecard === null)!;
    expect(round.state).toBe('open');
    const scored = await post(`/api/juror/rounds/${round.id}/changes`, { changes: [{ kind: 'score', entrantId: entrant.id, criterion: 'impact', value: 7, revision: 1 }] }, linkOnly);
    // Bound before the juror chose a PIN, the link-only tablet still has none of its own.
    expect(scored.status).toBe(403);
    expect(await code(scored)).toBe('PIN_REQUIRED');
    const after = JurorStateSchema.parse(await (await get('/api/juror/state', own)).json());
    expect(after.entrants.find((e) => e.id === entrant.id)?.scorecard).toBeNull();
  });

  test("a second device gets no binding, so no state, from the link without the juror's PIN (wrong PINs rate-limited); with it, it does", async () => {
    await jurorsTablet('demo-juror-4', '7316');
    const bare = await post('/api/juror/bind', { inviteToken: 'demo-juror-4' });
    expect(bare.status).toBe(401);
    expect(await code(bare)).toBe('PIN_REQUIRED');
    expect(bare.headers.get('set-cookie')).toBeNull();
    const wrong = await post('/api/juror/bind', { inviteToken: 'demo-juror-4', pin: '0000' });
    expect(wrong.status).toBe(401);
    expect(await code(wrong)).toBe('INVALID_CREDENTIALS');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    for (let i = 0; i < 4; i++) await post('/api/juror/bind', { inviteToken: 'demo-juror-4', pin: '0000' });
    const limited = await post('/api/juror/bind', { inviteToken: 'demo-juror-4', pin: '7316' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    await jurorsTablet('demo-juror-5', '2291');
    const right = await post('/api/juror/bind', { inviteToken: 'demo-juror-5', pin: '2291' });
    expect(right.status).toBe(201);
    const { deviceToken, pinSet } = (await right.json()) as { deviceToken: string; pinSet: boolean };
    expect(pinSet).toBe(true);
    expect((await get('/api/juror/state', deviceToken)).status).toBe(200);
  });

  test("the chair's link on a second device does not open the deliberation without the chair's PIN", async () => {
    // Before the chair has a PIN: a tablet bound from the link alone is refused the deliberation.
    const first = await post('/api/juror/bind', { inviteToken: 'demo-juror-1' });
    const { deviceToken: chairTablet } = (await first.json()) as { deviceToken: string };
    const early = await get('/api/chair/rounds/1/deliberation', chairTablet);
    expect(early.status).toBe(403);
    expect(await code(early)).toBe('PIN_REQUIRED');
    expect((await post('/api/juror/pin', { pin: '4417' }, chairTablet)).status).toBe(200);
    const state = JurorStateSchema.parse(await (await get('/api/juror/state', chairTablet)).json());
    expect(state.juror.isChair).toBe(true);
    expect((await get('/api/chair/rounds/1/deliberation', chairTablet)).status).toBe(200);
    // A second device: the link alone binds nothing, so it has no way to the chair's routes.
    const second = await post('/api/juror/bind', { inviteToken: 'demo-juror-1' });
    expect(second.status).toBe(401);
    expect(await code(second)).toBe('PIN_REQUIRED');
    expect((await get('/api/chair/rounds/1/deliberation')).status).toBe(401);
  });
});
