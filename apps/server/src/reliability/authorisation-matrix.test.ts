import { ErrorEnvelopeSchema } from '@palmares/contract';
import { beforeAll, describe, expect, test } from 'vitest';
import { dbDigest } from '../test-utils.js';
import { allows, ROUTES, type Entry } from './support/route-rules.js';
import { twoCompetitions, type Actor, type TwoCompetitions } from './support/two-competitions.js';

/** Refusals that disclose nothing: not signed in, not allowed, or "no such thing". */
const DENIED = [401, 403, 404];

let world: TwoCompetitions;
let routes: { method: string; path: string }[];
type Operation = { security?: Record<string, string[]>[]; responses?: Record<string, unknown> };
let operations: Record<string, Record<string, Operation>>;
let schemes: Record<string, { type: string; in?: string; name?: string; scheme?: string }>;

beforeAll(async () => {
  world = await twoCompetitions();
  const doc = (await (await world.app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, Operation>>;
    components: { securitySchemes: typeof schemes };
  };
  operations = doc.paths;
  schemes = doc.components.securitySchemes;
  routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })));
});

function urlFor(path: string, entry: Entry, actor: Actor): string {
  const { ids } = world;
  const round = entry.round === 'shortlist' ? ids.shortlistA : ids.finalA;
  // A startup's link is its own token; anyone else can only guess one.
  const token = actor.kind === 'startup' && actor.token ? actor.token : 'demo-guessed-startup-link';
  return path
    .replace('{id}', String(ids.competitionA))
    .replace('{roundId}', String(round))
    .replace('{entrantId}', String(ids.entrantA))
    .replace('{jurorId}', String(ids.jurorAId))
    .replace('{token}', token);
}

async function call(method: string, path: string, entry: Entry, actor: Actor) {
  const hasBody = method !== 'GET' && method !== 'DELETE';
  const res = await world.app.request(urlFor(path, entry, actor), {
    method,
    headers: { ...actor.headers, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
    ...(hasBody ? { body: JSON.stringify(entry.body?.(world.ids) ?? {}) } : {}),
  });
  // An event stream never ends: read the status, then let it go.
  const isStream = res.headers.get('content-type')?.includes('text/event-stream');
  const body = isStream ? (await res.body?.cancel(), null) : await res.text();
  return { status: res.status, body };
}

describe('authorisation matrix', () => {
  test('every route of the OpenAPI document has exactly one rule, and every rule a route', () => {
    const documented = routes.map((r) => `${r.method} ${r.path}`).sort();
    expect(documented.filter((r) => !(r in ROUTES)), 'routes without a rule: add them to ROUTES').toEqual([]);
    expect(Object.keys(ROUTES).filter((r) => !documented.includes(r)), 'rules for routes that no longer exist').toEqual([]);
    expect(documented.length).toBeGreaterThan(60);
  });

  test('no actor outside a route rule gets a 2xx, a 400 or a 5xx: every refusal is 401, 403 or 404 with the envelope, and changes nothing', async () => {
    const before = dbDigest(world.db);
    const leaks: string[] = [];
    for (const { method, path } of routes) {
      const entry = ROUTES[`${method} ${path}`];
      if (!entry) continue;
      for (const actor of world.actors) {
        if (allows(entry.rule, actor)) continue;
        const { status, body } = await call(method, path, entry, actor);
        const enveloped = body !== null && ErrorEnvelopeSchema.safeParse(safeJson(body)).success;
        if (!DENIED.includes(status) || !enveloped) leaks.push(`${actor.name}: ${method} ${path} → ${status} ${body?.slice(0, 120)}`);
        // The document names every refusal the server gives.
        else if (!(String(status) in (operations[path]?.[method.toLowerCase()]?.responses ?? {}))) leaks.push(`${method} ${path}: ${status} is not in the document's answers`);
      }
    }
    expect(leaks).toEqual([]);
    expect(dbDigest(world.db) === before, 'a refused request changed the database').toBe(true);
  });

  test("the document declares each operation's credential, and the server asks for exactly that one", async () => {
    expect(schemes).toMatchObject({
      organiserSession: { type: 'apiKey', in: 'cookie', name: 'palmares_session' },
      jurorDevice: { type: 'apiKey', in: 'cookie', name: 'palmares_device' },
      jurorBearer: { type: 'http', scheme: 'bearer' },
    });
    const expected: Record<string, string[]> = {
      public: [], anyone: [], 'startup-link': [],
      organiser: ['organiserSession'], 'organiser-of-competition': ['organiserSession'],
      juror: ['jurorDevice', 'jurorBearer'], 'juror-of-competition': ['jurorDevice', 'jurorBearer'], chair: ['jurorDevice', 'jurorBearer'], 'chair-of-competition': ['jurorDevice', 'jurorBearer'],
    };
    const anonymous = world.actors.find((a) => a.kind === 'anonymous')!;
    const organiser = world.actors.find((a) => a.name === 'organiser')!;
    const chair = world.actors.find((a) => a.name === 'chair')!;
    const wrong: string[] = [];
    for (const { method, path } of routes) {
      const entry = ROUTES[`${method} ${path}`];
      const op = operations[path]?.[method.toLowerCase()];
      if (!entry || !op) continue;
      const declared = (op.security ?? [{ undeclared: [] }]).flatMap((s) => Object.keys(s));
      if (JSON.stringify(declared) !== JSON.stringify(expected[entry.rule])) wrong.push(`${method} ${path}: declares ${JSON.stringify(declared)} for rule ${entry.rule}`);
      const fourxx = Object.keys(op.responses ?? {}).filter((s) => /^4\d\d$/.test(s));
      // Only an open, input-less read (liveness) can give no 4xx at all.
      if (fourxx.length === 0 && (declared.length > 0 || method !== 'GET' || path.includes('{'))) wrong.push(`${method} ${path}: no 4xx answer declared`);
      // What the server does without a credential, and with the other kind, matches the declaration.
      const { status } = await call(method, path, entry, anonymous);
      if (declared.length > 0 && status !== 401) wrong.push(`${method} ${path}: secured in the document, but anonymous got ${status}`);
      if (declared.length === 0 && status === 401) wrong.push(`${method} ${path}: open in the document, but anonymous got 401`);
      if (declared.includes('organiserSession') && (await call(method, path, entry, chair)).status !== 401) wrong.push(`${method} ${path}: a tablet's token passed an organiser route`);
      if (declared.includes('jurorDevice') && (await call(method, path, entry, organiser)).status !== 401) wrong.push(`${method} ${path}: an organiser session passed a tablet route`);
    }
    expect(wrong).toEqual([]);
  });

  test('every actor a read-only route allows gets past authorisation (no 401 or 403, no 5xx)', async () => {
    const refused: string[] = [];
    for (const { method, path } of routes.filter((r) => r.method === 'GET')) {
      const entry = ROUTES[`${method} ${path}`];
      if (!entry) continue;
      for (const actor of world.actors.filter((a) => allows(entry.rule, a))) {
        const { status, body } = await call(method, path, entry, actor);
        if (status === 401 || status === 403 || status >= 500) refused.push(`${actor.name}: ${method} ${path} → ${status} ${body?.slice(0, 120)}`);
      }
    }
    expect(refused).toEqual([]);
  });

  test('a startup link shows that startup only: X and Y see their own names, a guessed link gets 404', async () => {
    const x = world.actors.find((a) => a.name === 'startup X');
    const y = world.actors.find((a) => a.name === 'startup Y');
    const page = async (token: string) => world.app.request(`/api/startup/${token}`);
    const [px, py] = [await page(x?.token ?? ''), await page(y?.token ?? '')];
    expect([px.status, py.status]).toEqual([200, 200]);
    const [nx, ny] = [((await px.json()) as { startup: { name: string } }).startup.name, ((await py.json()) as { startup: { name: string } }).startup.name];
    expect(nx).not.toBe(ny);
    expect((await page(`${x?.token ?? ''}x`)).status).toBe(404);
  });
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
