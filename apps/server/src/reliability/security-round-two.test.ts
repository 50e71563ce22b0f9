import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorEnvelopeSchema, MAX_REVISION_STEP } from '@palmares/contract';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoOrganiser } from '../demo/demo-data.js';
import { LOGIN_POLICY } from '../routes/auth/login-limit.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

// Issue 17, replayed against the built server as its own process (`pnpm build` first): each
// attack is refused with a clear error and changes nothing.

const builtServer = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const dirs: string[] = [];
async function start(env: Record<string, string> = {}, demo = true): Promise<ServerProcess> {
  expect(existsSync(builtServer), `no built server at ${builtServer}: run \`pnpm build\` first`).toBe(true);
  const dir = mkdtempSync(join(tmpdir(), 'palmares-sec-'));
  dirs.push(dir);
  return startServerProcess(join(dir, 'db.sqlite'), { from: 'built', demo, env });
}

let server: ServerProcess;
let trusting: ServerProcess;
beforeAll(async () => {
  [server, trusting] = await Promise.all([start(), start({ TRUST_PROXY: '1' })]);
});
afterAll(async () => {
  await Promise.all([server?.stop(), trusting?.stop()]);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const codeOf = async (res: Response) => ErrorEnvelopeSchema.parse(await res.json()).error;

async function organiser(base: string) {
  const res = await post(base, '/api/auth/login', { email: demoOrganiser.email, password: demoOrganiser.password });
  expect(res.status).toBe(200);
  return { cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

async function juror(base: string, invite = 'demo-juror-2') {
  const res = await post(base, '/api/juror/bind', { inviteToken: invite });
  expect(res.status).toBe(201);
  const auth = { authorization: `Bearer ${((await res.json()) as { deviceToken: string }).deviceToken}` };
  expect((await post(base, '/api/juror/pin', { pin: '4821' }, auth)).status).toBeLessThan(300);
  const state = (await (await fetch(`${base}/api/juror/state`, { headers: auth })).json()) as {
    round: { id: number };
    entrants: { id: number; state: string; scorecard: { scores: { criterion: string; value: number }[] } | null }[];
    competition: { criteria: { code: string }[] };
  };
  return { auth, state };
}

describe('17.9 proxies are trusted only when told', () => {
  test('a foreign Origin with X-Forwarded-Host set to its own host is refused 403 FOREIGN_ORIGIN, and nothing is written', async () => {
    const res = await post(server.url, '/api/auth/login', { email: demoOrganiser.email, password: demoOrganiser.password }, {
      origin: 'https://evil.example',
      'x-forwarded-host': 'evil.example',
    });
    expect(res.status).toBe(403);
    expect((await codeOf(res)).code).toBe('FOREIGN_ORIGIN');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  test('behind a declared proxy (TRUST_PROXY=1) the forwarded host is the site', async () => {
    const res = await post(trusting.url, '/api/auth/login', { email: demoOrganiser.email, password: demoOrganiser.password }, {
      origin: 'https://palmares.example',
      'x-forwarded-host': 'palmares.example',
      'x-forwarded-proto': 'https',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  test('HSTS is not sent over plain HTTP, nor on a forwarded https claim the server was not told to believe', async () => {
    expect((await fetch(`${server.url}/api/health`)).headers.get('strict-transport-security')).toBeNull();
    expect((await fetch(`${server.url}/`, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBeNull();
  });
});

describe('17.8 private answers are not cached', () => {
  test('every GET of the OpenAPI document answers with an explicit Cache-Control; only the public ones allow a cache', async () => {
    const { cookie } = await organiser(server.url);
    const { auth } = await juror(server.url, 'demo-juror-4');
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    let checked = 0;
    for (const [template, ops] of Object.entries(doc.paths)) {
      if (!('get' in ops)) continue;
      const path = template.replace(/\{[^}]+\}/g, '1');
      const headers = path.startsWith('/api/juror') || path.startsWith('/api/chair') ? auth : { cookie };
      const res = await fetch(server.url + path, { headers });
      const policy = res.headers.get('cache-control');
      expect(policy, `${path} (${res.status})`).not.toBeNull();
      if (path.startsWith('/api/public/') || path === '/api/openapi.json') expect(policy).toMatch(/^public/);
      else if (!(res.headers.get('content-type') ?? '').includes('text/event-stream')) expect(policy, path).toBe('no-store');
      await res.body?.cancel();
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('17.3 a revision cannot freeze a score', () => {
  test(`a revision more than ${MAX_REVISION_STEP} above the server's is refused 400 and the tablet's next revision still counts`, async () => {
    const { auth, state } = await juror(server.url, 'demo-juror-3');
    const entrantId = state.entrants.find((e) => e.state === 'not-started')?.id ?? 0;
    const criterion = state.competition.criteria[0]?.code ?? '';
    const send = (revision: number, value: number) =>
      post(server.url, `/api/juror/rounds/${state.round.id}/changes`, { changes: [{ kind: 'score', entrantId, criterion, value, revision }] }, auth);
    const frozen = await send(2_147_483_647, 1);
    expect(frozen.status).toBe(400);
    const error = await codeOf(frozen);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details?.[0]?.path).toBe('changes.0.revision');
    expect((await send(1, 7)).status).toBe(200);
    expect((await send(1 + MAX_REVISION_STEP, 8)).status).toBe(200);
    const after = (await (await fetch(`${server.url}/api/juror/state`, { headers: auth })).json()) as typeof state;
    expect(after.entrants.find((e) => e.id === entrantId)?.scorecard?.scores.find((s) => s.criterion === criterion)?.value).toBe(8);
  });
});

describe('17.7 names are text', () => {
  test.each([
    ['a bidi override', 'Madar \u202EretaW'],
    ['a NUL', 'Madar\u0000Water'],
    ['a lone surrogate', 'Madar \uD800 Water'],
    ['a bidi isolate', '\u2067Madar Water'],
  ])('an entrant name with %s is refused 400 naming the field, and no entrant is created', async (_what, name) => {
    const { cookie } = await organiser(server.url);
    const before = ((await (await fetch(`${server.url}/api/competitions/1/entrants`, { headers: { cookie } })).json()) as { entrants: unknown[] }).entrants.length;
    const res = await post(server.url, '/api/competitions/1/entrants', { name, axisId: 1 }, { cookie });
    expect(res.status).toBe(400);
    const error = await codeOf(res);
    expect(error.details?.map((d) => d.path)).toContain('name');
    const after = ((await (await fetch(`${server.url}/api/competitions/1/entrants`, { headers: { cookie } })).json()) as { entrants: unknown[] }).entrants.length;
    expect(after).toBe(before);
  });

  test('a name is stored in NFC, and a juror title with a control character is refused', async () => {
    const { cookie } = await organiser(server.url);
    const created = { name: 'E\u0301co Ville 2027', startsOn: '2027-06-01', endsOn: '2027-06-02', languages: ['fr'], defaultLanguage: 'fr' };
    const res = await post(server.url, '/api/competitions', created, { cookie });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    const shown = (await (await fetch(`${server.url}/api/competitions/${id}`, { headers: { cookie } })).json()) as { name: string };
    expect(shown.name).toBe('\u00C9co Ville 2027');
    const juror = await post(server.url, `/api/competitions/${id}/jurors`, { name: 'Nadia', title: 'Chair\u0007' }, { cookie });
    expect(juror.status).toBe(400);
    expect((await codeOf(juror)).details?.map((d) => d.path)).toContain('title');
  });

  test.each(['1e0', '0x1', '+1', '01', ' 1'])('a path id written %j is refused 400', async (id) => {
    const { cookie } = await organiser(server.url);
    const res = await fetch(`${server.url}/api/competitions/${encodeURIComponent(id)}/entrants`, { headers: { cookie } });
    expect(res.status).toBe(400);
  });
});

describe('17.2 one chair, fixed with the rules', () => {
  type Jury = { jurors: { id: number; name: string; isChair: boolean; invitePath: string }[] };
  const jury = async (id: number, cookie: string) => (await (await fetch(`${server.url}/api/competitions/${id}/jurors`, { headers: { cookie } })).json()) as Jury;
  const newCompetition = async (cookie: string, name: string) => {
    const res = await post(server.url, '/api/competitions', { name, startsOn: '2027-05-01', endsOn: '2027-05-02', languages: ['fr'], defaultLanguage: 'fr' }, { cookie });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  };

  test('a second chair is refused 409 CHAIR_TAKEN and not created; moving the chair before the lock is logged', async () => {
    const { cookie } = await organiser(server.url);
    const id = await newCompetition(cookie, 'Chaise Unique 2027');
    const first = await post(server.url, `/api/competitions/${id}/jurors`, { name: 'Nadia Chair', isChair: true }, { cookie });
    expect(first.status).toBe(201);
    const nadia = ((await first.json()) as { id: number }).id;

    const second = await post(server.url, `/api/competitions/${id}/jurors`, { name: 'Organiser In Disguise', isChair: true }, { cookie });
    expect(second.status).toBe(409);
    const error = await codeOf(second);
    expect(error.code).toBe('CHAIR_TAKEN');
    expect(error.details.map((d) => d.path)).toEqual(['isChair']);
    expect((await jury(id, cookie)).jurors.map((j) => [j.name, j.isChair])).toEqual([['Nadia Chair', true]]);

    const omar = ((await (await post(server.url, `/api/competitions/${id}/jurors`, { name: 'Omar' }, { cookie })).json()) as { id: number }).id;
    const moved = await post(server.url, `/api/competitions/${id}/jurors/${omar}/chair`, {}, { cookie });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as Jury).jurors.filter((j) => j.isChair).map((j) => j.id)).toEqual([omar]);
    const doc = (await (await fetch(`${server.url}/api/admin/competitions/${id}/export.json`, { headers: { cookie } })).json()) as {
      events: { columns: string[]; rows: unknown[][] };
    };
    const type = doc.events.columns.indexOf('type');
    const payload = doc.events.columns.indexOf('payload');
    const changed = doc.events.rows.filter((r) => r[type] === 'juror.chair-changed').map((r) => JSON.parse(String(r[payload])) as unknown);
    expect(changed).toEqual([{ from: nadia, to: omar }]);
  });

  test('once the rules are locked no juror becomes chair, the chair does not move, and its link and tablets cannot be re-issued (409 CHAIR_FIXED, nothing changes)', async () => {
    const { cookie } = await organiser(server.url);
    const { auth } = await juror(server.url, 'demo-juror-1'); // the demo's chair, bound before the attempts
    const before = await jury(1, cookie);
    const chair = before.jurors.find((j) => j.isChair);
    const other = before.jurors.find((j) => !j.isChair);
    if (!chair || !other) throw new Error('the demo has a chair and other jurors');

    const attempts = [
      post(server.url, '/api/competitions/1/jurors', { name: 'Second Chair', isChair: true }, { cookie }),
      post(server.url, `/api/competitions/1/jurors/${other.id}/chair`, {}, { cookie }),
      post(server.url, `/api/competitions/1/jurors/${chair.id}/invite/rotate`, {}, { cookie }),
      post(server.url, `/api/competitions/1/jurors/${chair.id}/bindings/revoke`, {}, { cookie }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(409);
      const error = await codeOf(res);
      expect(error.code).toBe('CHAIR_FIXED');
      expect(error.details[0]?.rule).toBe('chair-fixed');
    }
    expect(await jury(1, cookie)).toEqual(before);
    // The chair's own tablet still works: nothing was revoked.
    expect((await fetch(`${server.url}/api/juror/state`, { headers: auth })).status).toBe(200);
    // A plain juror's link can still be replaced after the lock.
    expect((await post(server.url, `/api/competitions/1/jurors/${other.id}/invite/rotate`, {}, { cookie })).status).toBe(200);
  });
});

describe('17.1 an import writes only its own competition', () => {
  type Doc = { competitionId: number; tables: Record<string, { columns: string[]; rows: unknown[][] }>; events: { columns: string[]; rows: unknown[][] } };
  const exportOf = async (base: string, id: number, cookie: string) =>
    (await (await fetch(`${base}/api/admin/competitions/${id}/export.json`, { headers: { cookie } })).json()) as Doc;
  const cell = (doc: Doc, table: string, column: string, row = 0) => doc.tables[table]?.rows[row]?.[doc.tables[table]?.columns.indexOf(column) ?? -1];

  /** A document for a new, empty competition 9000 of the attacker's, plus one foreign row. */
  async function forged(cookie: string, table: string, row: Record<string, unknown>): Promise<Doc> {
    const res = await post(server.url, '/api/competitions', { name: `Cheval de Troie ${table}`, startsOn: '2027-04-01', endsOn: '2027-04-02', languages: ['fr'], defaultLanguage: 'fr' }, { cookie });
    const own = await exportOf(server.url, ((await res.json()) as { id: number }).id, cookie);
    const competitions = own.tables.competitions!;
    competitions.rows[0]![competitions.columns.indexOf('id')] = 9000;
    const columns = Object.keys(row);
    return { ...own, competitionId: 9000, events: { columns: own.events.columns, rows: [] }, tables: { competitions, [table]: { columns, rows: [columns.map((c) => row[c])] } } };
  }

  test.each([
    ['a score correction of competition 1\'s scorecard', 'score_corrections', 'scorecard_id'],
    ["a sign-off of competition 1's results", 'signoffs', 'snapshot_id'],
  ])('a document carrying %s is refused 400 naming the row, and neither competition changes', async (_what, table, key) => {
    const { cookie } = await organiser(server.url);
    const before = await exportOf(server.url, 1, cookie);
    const row =
      table === 'score_corrections'
        ? { id: 9001, scorecard_id: cell(before, 'scorecards', 'id'), criterion_id: cell(before, 'criteria', 'id'), old_value: 3, new_value: 10, reason: 'forged', chair_juror_id: cell(before, 'jurors', 'id'), created_at: '2027-04-01T10:00:00Z' }
        : { snapshot_id: 1, role: 'chair', actor: `juror:${String(cell(before, 'jurors', 'id'))}`, signed_at: '2027-04-01T10:00:00Z' };
    const res = await post(server.url, '/api/admin/competitions/import', await forged(cookie, table, row), { cookie });
    expect(res.status).toBe(400);
    const error = await codeOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toContainEqual(expect.objectContaining({ path: `tables.${table}.rows.0.${key}`, rule: 'outside-competition' }));
    expect((await fetch(`${server.url}/api/competitions/9000`, { headers: { cookie } })).status).toBe(404);
    expect((await exportOf(server.url, 1, cookie)).tables).toEqual(before.tables);
  });

  test('the demo exported and imported into another server ranks round 1 with the same fingerprint, with new links and nothing signed', async () => {
    const importer = await start({ ORGANISER_EMAIL: 'archive@example.org', ORGANISER_PASSWORD: 'a long archive password' }, false);
    try {
      const source = await organiser(server.url);
      const login = await post(importer.url, '/api/auth/login', { email: 'archive@example.org', password: 'a long archive password' });
      const target = { cookie: login.headers.get('set-cookie')?.split(';')[0] ?? '' };
      const doc = await exportOf(server.url, 1, source.cookie);
      const res = await post(importer.url, '/api/admin/competitions/import', doc, target);
      expect(res.status).toBe(201);
      expect(((await res.json()) as { dropped: unknown }).dropped).toEqual({ signoffs: 0, publications: 0 });

      const ranking = async (base: string, cookie: string) => {
        const { rounds } = (await (await fetch(`${base}/api/competitions/1/rounds`, { headers: { cookie } })).json()) as { rounds: { id: number; kind: string }[] };
        const shortlist = rounds.find((r) => r.kind === 'shortlist')?.id ?? 0;
        return ((await (await fetch(`${base}/api/competitions/1/rounds/${shortlist}/ranking`, { headers: { cookie } })).json()) as { result: { fingerprint: string } }).result.fingerprint;
      };
      const fingerprint = await ranking(server.url, source.cookie);
      expect(fingerprint).toMatch(/\w{16,}/);
      expect(await ranking(importer.url, target.cookie)).toBe(fingerprint);
      // The document's links bind nothing on the new server: links are issued anew there.
      expect((await post(importer.url, '/api/juror/bind', { inviteToken: 'demo-juror-1' })).status).toBe(404);
      const paths = ((await (await fetch(`${importer.url}/api/competitions/1/jurors`, { headers: target })).json()) as { jurors: { invitePath: string }[] }).jurors.map((j) => j.invitePath);
      expect(paths).toHaveLength(8);
      expect(paths.some((p) => p.includes('demo-juror'))).toBe(false);
    } finally {
      await importer.stop();
    }
  });
});

describe('17.4 the login limiter cannot be flushed or forgotten', () => {
  /** A sign-in sent from a chosen loopback address (127.0.0.0/8 all reaches the server). */
  const loginFrom = (base: string, from: string, email: string, password: string) =>
    new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
      const body = JSON.stringify({ email, password });
      const url = new URL('/api/auth/login', base);
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  test('wrong passwords from ever-new addresses still lock the account, and a restart does not forget it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palmares-sec-'));
    dirs.push(dir);
    const db = join(dir, 'db.sqlite');
    let target = await startServerProcess(db, { from: 'built', demo: true });
    try {
      for (let i = 0; i < LOGIN_POLICY.attempts; i++) {
        expect((await loginFrom(target.url, `127.0.1.${i + 1}`, demoOrganiser.email.toUpperCase(), `guess-${i}`)).status).toBe(401);
      }
      const fresh = await loginFrom(target.url, '127.0.2.1', demoOrganiser.email, demoOrganiser.password);
      expect(fresh.status).toBe(429);
      expect(Number(fresh.retryAfter)).toBeGreaterThan(0);
      await target.stop();
      target = await startServerProcess(db, { from: 'built', demo: true });
      expect((await loginFrom(target.url, '127.0.2.2', demoOrganiser.email, demoOrganiser.password)).status).toBe(429);
    } finally {
      await target.stop();
    }
  });

  test(`one address guessing across accounts is stopped after ${LOGIN_POLICY.addressAttempts} tries, while other addresses still sign in`, async () => {
    const from = '127.0.3.1';
    for (let i = 0; i < LOGIN_POLICY.addressAttempts; i++) {
      expect((await loginFrom(server.url, from, `someone-${i}@example.org`, 'guess')).status).toBe(401);
    }
    expect((await loginFrom(server.url, from, 'yet-another@example.org', 'guess')).status).toBe(429);
    expect((await loginFrom(server.url, from, demoOrganiser.email, demoOrganiser.password)).status).toBe(429);
    expect((await loginFrom(server.url, '127.0.3.2', demoOrganiser.email, demoOrganiser.password)).status).toBe(200);
  });
});

describe('17.6 live streams are bounded', () => {
  /** Opens a live stream and waits for its first event; `ended` settles when the server closes it. */
  async function openStream(base: string, path: string, headers: Record<string, string>) {
    const res = await fetch(base + path, { headers });
    if (res.status !== 200 || !res.body) return { status: res.status, res, ended: Promise.resolve(), cancel: async () => undefined };
    const reader = res.body.getReader();
    await reader.read();
    const ended = (async () => {
      for (;;) if ((await reader.read()).done) return;
    })();
    return { status: 200, res, ended, cancel: () => reader.cancel() };
  }

  test('a tablet opening stream after stream is never refused, its oldest close; past the total a new tablet gets 429, and nothing else is cut', async () => {
    const capped = await start({ LIVE_STREAMS_MAX: '4' });
    const open: { cancel(): Promise<unknown> }[] = [];
    try {
      const tablet = await juror(capped.url, 'demo-juror-5');
      const streams = [];
      for (let i = 0; i < 5; i++) {
        const s = await openStream(capped.url, '/api/juror/live', tablet.auth);
        expect(s.status, `stream ${i + 1} of one tablet`).toBe(200);
        streams.push(s);
        open.push(s);
      }
      // The two oldest were closed by the server to make room; the last three are open.
      await Promise.all([streams[0]!.ended, streams[1]!.ended]);

      const { cookie } = await organiser(capped.url);
      const board = await openStream(capped.url, '/api/competitions/1/live', { cookie });
      expect(board.status).toBe(200);
      open.push(board);

      const other = await juror(capped.url, 'demo-juror-6');
      const refused = await openStream(capped.url, '/api/juror/live', other.auth);
      expect(refused.status).toBe(429);
      const error = await codeOf(refused.res);
      expect(error.code).toBe('RATE_LIMITED');
      expect(error.details[0]?.rule).toBe('too_many_streams');

      // The organiser reloading its screen at the cap closes its own old stream, not a tablet's.
      const reloaded = await openStream(capped.url, '/api/competitions/1/live', { cookie });
      expect(reloaded.status).toBe(200);
      open.push(reloaded);
      await board.ended;
      const again = await openStream(capped.url, '/api/juror/live', tablet.auth);
      expect(again.status).toBe(200);
      open.push(again);
      await streams[2]!.ended;
    } finally {
      await Promise.all(open.map((s) => s.cancel().catch(() => undefined)));
      await capped.stop();
    }
  });
});

describe('17.5 backups are private', () => {
  async function serverIn(env: Record<string, string> = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'palmares-sec-'));
    dirs.push(dir);
    return { dir, process: await startServerProcess(join(dir, 'db.sqlite'), { from: 'built', demo: true, env }) };
  }
  const backup = (base: string, cookie: string) => post(base, '/api/admin/backup', {}, { cookie });

  test('the answer names the file, not a path; the folder is 700 and the file 600; a second backup within the minute is 429 and writes nothing', async () => {
    const { dir, process: target } = await serverIn();
    try {
      const { cookie } = await organiser(target.url);
      const res = await backup(target.url, cookie);
      expect(res.status).toBe(201);
      const { file } = (await res.json()) as { file: string };
      expect(file).toMatch(/^palmares-[\w-]+\.sqlite$/);
      const folder = join(dir, 'backups');
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      expect(statSync(join(folder, file)).mode & 0o777).toBe(0o600);

      const again = await backup(target.url, cookie);
      expect(again.status).toBe(429);
      expect((await codeOf(again)).code).toBe('RATE_LIMITED');
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(readdirSync(folder)).toEqual([file]);
    } finally {
      await target.stop();
    }
  });

  test('with BACKUPS_KEEP=2 only the two newest backups stay', async () => {
    const { dir, process: target } = await serverIn({ BACKUPS_KEEP: '2', BACKUPS_MIN_INTERVAL_S: '0' });
    try {
      const { cookie } = await organiser(target.url);
      const names: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await backup(target.url, cookie);
        expect(res.status).toBe(201);
        names.push(((await res.json()) as { file: string }).file);
      }
      expect(readdirSync(join(dir, 'backups')).sort()).toEqual(names.slice(1).sort());
    } finally {
      await target.stop();
    }
  });
});

describe('17.10 the contract says who may call what', () => {
  test('the served document declares the cookie schemes and every operation its security and 4xx answers; each secured one refuses an anonymous caller 401', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      components: { securitySchemes: Record<string, { type: string; in?: string; name?: string }> };
      paths: Record<string, Record<string, { security?: Record<string, string[]>[]; responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['jurorBearer', 'jurorDevice', 'organiserSession']);
    let secured = 0;
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${template}`;
        expect(Array.isArray(op.security), where).toBe(true);
        if ((op.security ?? []).length === 0) continue;
        secured++;
        expect(Object.keys(op.responses), where).toEqual(expect.arrayContaining(['401']));
        const res = await fetch(server.url + template.replace(/\{[^}]+\}/g, '1'), {
          method: method.toUpperCase(),
          ...(method === 'get' ? {} : { headers: { 'content-type': 'application/json' }, body: '{}' }),
        });
        expect(res.status, where).toBe(401);
        await res.body?.cancel();
      }
    }
    expect(secured).toBeGreaterThan(50);
  });
});
