import { ErrorEnvelopeSchema } from '@palmares/contract';
import { beforeAll, describe, expect, test } from 'vitest';
import { dbDigest } from '../test-utils.js';
import { twoCompetitions, type Actor, type TwoCompetitions } from './support/two-competitions.js';

/**
 * Who may call what (PRODUCT.md "Access"), one rule per route of the OpenAPI document:
 * - public: anyone may read it (liveness, published winners);
 * - anyone: anyone may try it, the credential is in the body or the call is harmless (login, bind, logout);
 * - organiser: any signed-in organiser, about their own things;
 * - organiser-of-competition: only an organiser of the competition in the path;
 * - juror: any bound tablet, about its own juror;
 * - juror-of-competition: a bound tablet of the competition the path's round belongs to;
 * - chair: the jury chair's tablet (of whichever competition), about their own competition;
 * - chair-of-competition: the chair of the competition the path's round belongs to;
 * - startup-link: whoever holds the startup's private link, and nobody else.
 */
type Rule =
  | 'public'
  | 'anyone'
  | 'organiser'
  | 'organiser-of-competition'
  | 'juror'
  | 'juror-of-competition'
  | 'chair'
  | 'chair-of-competition'
  | 'startup-link';

type Ids = TwoCompetitions['ids'];
interface Entry {
  rule: Rule;
  /**
   * A body that is valid in form, so a refusal cannot come from validation: were the check
   * missing, the request would go through.
   */
  body?: (ids: Ids) => unknown;
  /** Which round `{roundId}` names (default: A's open final). */
  round?: 'shortlist';
}

const scoreBatch = (ids: Ids) => ({ changes: [{ kind: 'score', entrantId: ids.entrantA, criterion: 'impact', value: 5, revision: 1 }] });

export const ROUTES: Record<string, Entry> = {
  'GET /api/health': { rule: 'public' },
  'POST /api/auth/login': { rule: 'anyone' },
  'POST /api/auth/logout': { rule: 'anyone' },
  'GET /api/auth/session': { rule: 'organiser' },
  'POST /api/juror/bind': { rule: 'anyone' },
  'POST /api/juror/pin': { rule: 'juror', body: () => ({ pin: '4821' }) },
  'POST /api/juror/unlock': { rule: 'juror', body: () => ({ pin: '4821' }) },
  'POST /api/juror/unbind': { rule: 'juror' },
  'GET /api/juror/state': { rule: 'juror' },
  'POST /api/juror/rounds/{roundId}/changes': { rule: 'juror-of-competition', body: scoreBatch },
  'POST /api/juror/rounds/{roundId}/scorecards/{entrantId}/submit': { rule: 'juror-of-competition' },
  'POST /api/juror/rounds/{roundId}/scorecards/{entrantId}/reopen': { rule: 'juror-of-competition' },
  'POST /api/juror/recusals': { rule: 'juror', body: (ids) => ({ entrantId: ids.entrantA, reason: 'My cousin founded it' }) },
  'GET /api/juror/live': { rule: 'juror' },
  'GET /api/competitions/{id}/jurors': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/jurors': { rule: 'organiser-of-competition', body: () => ({ name: 'Intruder', email: 'intruder@example.com' }) },
  'POST /api/competitions/{id}/jurors/{jurorId}/bindings/reset': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/jurors/{jurorId}/invite/rotate': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/jurors/{jurorId}/bindings/revoke': { rule: 'organiser-of-competition' },
  'GET /api/competitions': { rule: 'organiser' },
  'POST /api/competitions': { rule: 'organiser' },
  'GET /api/competitions/{id}': { rule: 'organiser-of-competition' },
  'PUT /api/competitions/{id}/settings': { rule: 'organiser-of-competition' },
  'PUT /api/competitions/{id}/settings/axes': { rule: 'organiser-of-competition' },
  'PUT /api/competitions/{id}/settings/rubric': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/entrants': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/entrants': { rule: 'organiser-of-competition' },
  'PATCH /api/competitions/{id}/entrants/{entrantId}': { rule: 'organiser-of-competition', body: () => ({ name: 'Renamed' }) },
  'DELETE /api/competitions/{id}/entrants/{entrantId}': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/entrants/{entrantId}/rotate-token': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/entrants/import': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/entrants/export': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/deliberation/{roundId}': { rule: 'organiser-of-competition', round: 'shortlist' },
  'GET /api/competitions/{id}/results/event-log/verify': { rule: 'organiser-of-competition' },
  'PUT /api/competitions/{id}/results/disclosure': { rule: 'organiser-of-competition', body: () => ({ startupPlaceDisplay: 'band' }) },
  'GET /api/competitions/{id}/results/{roundId}': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/results/{roundId}/snapshot': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/results/{roundId}/signoff': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/results/{roundId}/publish': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/results/{roundId}/verify': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/exports/scorecards.csv': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/exports/results.csv': { rule: 'organiser-of-competition' },
  'GET /api/chair/event-log/verify': { rule: 'chair' },
  'GET /api/chair/rounds/{roundId}/deliberation': { rule: 'chair-of-competition', round: 'shortlist' },
  'POST /api/chair/rounds/{roundId}/decisions': {
    rule: 'chair-of-competition',
    round: 'shortlist',
    body: (ids) => ({ entrantIds: [ids.entrantA, ids.entrantA + 1], reason: 'Ordered by the chair' }),
  },
  'POST /api/chair/rounds/{roundId}/corrections': {
    rule: 'chair-of-competition',
    round: 'shortlist',
    body: (ids) => ({ juror: 1, entrantId: ids.entrantA, criterion: 'impact', value: 7, reason: 'Typo on paper' }),
  },
  'GET /api/chair/rounds/{roundId}/results': { rule: 'chair-of-competition' },
  'POST /api/chair/rounds/{roundId}/snapshot': { rule: 'chair-of-competition' },
  'POST /api/chair/rounds/{roundId}/signoff': { rule: 'chair-of-competition' },
  'GET /api/chair/rounds/{roundId}/verify': { rule: 'chair-of-competition' },
  'GET /api/startup/{token}': { rule: 'startup-link' },
  'GET /api/public/competitions/{id}/winners': { rule: 'public' },
  'GET /api/competitions/{id}/rounds': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/rounds': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/rounds/{roundId}': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/rounds/{roundId}/assignments': { rule: 'organiser-of-competition' },
  'PUT /api/competitions/{id}/rounds/{roundId}/assignments': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/rounds/{roundId}/open': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/rounds/{roundId}/progress': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/rounds/{roundId}/close': { rule: 'organiser-of-competition', body: () => ({}) },
  'GET /api/competitions/{id}/rounds/{roundId}/ranking': { rule: 'organiser-of-competition', round: 'shortlist' },
  'POST /api/competitions/{id}/rounds/{roundId}/chair-decision': { rule: 'organiser-of-competition', round: 'shortlist' },
  'POST /api/competitions/{id}/rounds/{roundId}/confirm': { rule: 'organiser-of-competition', round: 'shortlist' },
  'POST /api/competitions/{id}/rounds/{roundId}/publish': { rule: 'organiser-of-competition', round: 'shortlist' },
  'GET /api/competitions/{id}/live': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/live/board': { rule: 'organiser-of-competition' },
  'PUT /api/competitions/{id}/live/pitch-order': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/live/now-pitching': { rule: 'organiser-of-competition', body: (ids) => ({ entrantId: ids.entrantA }) },
  'POST /api/admin/backup': { rule: 'organiser' },
  'GET /api/admin/competitions/{id}/export.json': { rule: 'organiser-of-competition' },
  'POST /api/admin/competitions/import': { rule: 'organiser' },
};

/** Whether the rule lets this actor through, for a route that does or does not name competition A. */
export function allows(rule: Rule, actor: Actor): boolean {
  switch (rule) {
    case 'public':
    case 'anyone':
      return true;
    case 'organiser':
      return actor.kind === 'organiser';
    case 'organiser-of-competition':
      return actor.kind === 'organiser' && actor.competition === 'A';
    case 'juror':
      return actor.kind === 'juror';
    case 'juror-of-competition':
      return actor.kind === 'juror' && actor.competition === 'A';
    case 'chair':
      return actor.kind === 'juror' && actor.chair;
    case 'chair-of-competition':
      return actor.kind === 'juror' && actor.chair && actor.competition === 'A';
    case 'startup-link':
      return actor.kind === 'startup';
  }
}

/** Refusals that disclose nothing: not signed in, not allowed, or "no such thing". */
const DENIED = [401, 403, 404];

let world: TwoCompetitions;
let routes: { method: string; path: string }[];

beforeAll(async () => {
  world = await twoCompetitions();
  const doc = (await (await world.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
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
      }
    }
    expect(leaks).toEqual([]);
    expect(dbDigest(world.db) === before, 'a refused request changed the database').toBe(true);
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
