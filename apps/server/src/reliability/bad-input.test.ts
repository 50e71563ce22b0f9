import { ErrorEnvelopeSchema } from '@palmares/contract';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { dbDigest } from '../test-utils.js';
import { badIds, invalidBody, malformedJson, type JsonSchema } from './support/json-schema-mutations.js';
import { allows, ROUTES } from './support/route-rules.js';
import { twoCompetitions, type Actor, type TwoCompetitions } from './support/two-competitions.js';

// docs/product.md: "Bad input gets a 4xx with a JSON body { error: { code, message, details } } ...
// and changes nothing". Every mutating route of the OpenAPI document, called by an actor it
// allows, with generated input that is wrong: never a 2xx, never a 5xx, the database untouched.

const SEED = Number(process.env.BAD_INPUT_SEED ?? 7);
const RUNS = 12;

interface Operation {
  method: string;
  path: string;
  params: string[];
  body?: JsonSchema;
}

let world: TwoCompetitions;
let operations: Operation[];

beforeAll(async () => {
  world = await twoCompetitions();
  const doc = (await (await world.app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([m]) => ['post', 'put', 'patch', 'delete'].includes(m))
      .map(([m, op]) => {
        const body = op.requestBody?.content?.['application/json']?.schema;
        return { method: m.toUpperCase(), path, params: [...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1] ?? ''), ...(body ? { body } : {}) };
      }),
  );
  // Every tablet has been seen once, so its first contact (a last-seen write) is not mistaken for a change.
  for (const a of world.actors) await world.app.request('/api/juror/state', { headers: a.headers });
});

function actorFor(op: Operation): Actor {
  const entry = ROUTES[`${op.method} ${op.path}`];
  if (!entry) throw new Error(`no rule for ${op.method} ${op.path}: see authorisation-matrix`);
  // The most specific actor the rule lets in, so the input, not the identity, is what gets refused.
  const order = ['organiser', 'chair', 'juror A', 'anonymous'];
  const actor = order.map((n) => world.actors.find((a) => a.name === n)).find((a) => a && allows(entry.rule, a));
  if (!actor) throw new Error(`nobody may call ${op.method} ${op.path}`);
  return actor;
}

function validParams(op: Operation): Record<string, string> {
  const { ids } = world;
  const round = ROUTES[`${op.method} ${op.path}`]?.round === 'shortlist' ? ids.shortlistA : ids.finalA;
  return { id: String(ids.competitionA), roundId: String(round), entrantId: String(ids.entrantA), jurorId: String(ids.jurorAId), token: ids.startupX };
}

type Input = { raw: string } | { json: unknown } | { param: string; value: string };

function inputsFor(op: Operation): fc.Arbitrary<Input> | undefined {
  const arbs: fc.Arbitrary<Input>[] = [];
  if (op.body) {
    arbs.push(malformedJson.map((raw) => ({ raw })));
    arbs.push(invalidBody(op.body).map((json) => ({ json })));
  }
  if (op.params.length > 0) arbs.push(fc.constantFrom(...op.params).chain((param) => badIds.map((value) => ({ param, value }))));
  return arbs.length > 0 ? fc.oneof(...arbs) : undefined;
}

async function send(op: Operation, actor: Actor, input: Input) {
  const params = validParams(op);
  if ('param' in input) params[input.param] = input.value;
  const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  // A wrong path id travels with a body that is well-formed, so only the id is wrong.
  const body = 'raw' in input ? input.raw : JSON.stringify('json' in input ? input.json : op.body ? ROUTES[`${op.method} ${op.path}`]?.body?.(world.ids) ?? {} : {});
  return world.app.request(url, { method: op.method, headers: { ...actor.headers, 'content-type': 'application/json' }, body });
}

describe('bad input on every mutating route', () => {
  test('the OpenAPI document lists the mutating routes this suite walks', () => {
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.filter((o) => o.body).length).toBeGreaterThan(15);
  });

  test('malformed JSON, wrong types, missing and extra fields, huge strings, out-of-range values, unknown ids and injections get a 4xx envelope and change nothing', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const inputs = inputsFor(op);
      if (!inputs) continue;
      const actor = actorFor(op);
      const before = dbDigest(world.db);
      try {
        await fc.assert(
          fc.asyncProperty(inputs, async (input) => {
            const res = await send(op, actor, input);
            const text = await res.text();
            let parsed: unknown;
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = undefined;
            }
            const ok = res.status >= 400 && res.status < 500 && ErrorEnvelopeSchema.safeParse(parsed).success;
            if (!ok) throw new Error(`${res.status} ${text.slice(0, 200)}`);
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
      } catch (err) {
        failures.push(`${op.method} ${op.path} as ${actor.name}: ${String(err).split('\n').slice(0, 6).join(' | ')}`);
      }
      if (dbDigest(world.db) !== before) failures.push(`${op.method} ${op.path}: the database changed`);
    }
    expect(failures).toEqual([]);
  });
});

describe('score batches the tablet must refuse', () => {
  test('off-scale values, unknown criteria, unknown or unassigned entrants, bad revisions and a closed round: 4xx, nothing stored', async () => {
    const { ids, db, app } = world;
    const jurorA = world.actors.find((a) => a.name === 'juror A');
    const notAssigned = db
      .prepare('SELECT id FROM entrants WHERE competition_id = ? AND id NOT IN (SELECT entrant_id FROM assignments WHERE round_id = ? AND juror_id = ?) LIMIT 1')
      .pluck()
      .get(ids.competitionA, ids.finalA, ids.jurorAId) as number;
    const codes = new Set(db.prepare('SELECT code FROM criteria WHERE competition_id = ?').pluck().all(ids.competitionA) as string[]);
    const score = { kind: 'score', entrantId: ids.entrantA, criterion: 'impact', value: 5, revision: 1 };
    const bad = fc.oneof(
      fc.oneof(fc.integer({ max: 0, min: -1_000_000 }), fc.integer({ min: 11, max: 1_000_000 })).map((value) => ({ round: ids.finalA, change: { ...score, value } })),
      fc.string({ minLength: 1, maxLength: 64 }).filter((c) => !codes.has(c)).map((criterion) => ({ round: ids.finalA, change: { ...score, criterion } })),
      fc.oneof(fc.integer({ min: 900_000, max: 2_000_000_000 }), fc.constant(notAssigned)).map((entrantId) => ({ round: ids.finalA, change: { ...score, entrantId } })),
      fc.oneof(fc.integer({ max: 0, min: -5 }), fc.constant(2_147_483_648), fc.constant(1.5)).map((revision) => ({ round: ids.finalA, change: { ...score, revision } })),
      fc.constantFrom('grade', 'SCORE', '', 'note ').map((kind) => ({ round: ids.finalA, change: { ...score, kind } })),
      fc.integer({ min: 5001, max: 6000 }).map((n) => ({ round: ids.finalA, change: { kind: 'note', entrantId: ids.entrantA, text: 'n'.repeat(n), revision: 1 } })),
      fc.integer({ min: 1, max: 10 }).map((value) => ({ round: ids.shortlistA, change: { ...score, value } })),
    );
    const before = dbDigest(db);
    await fc.assert(
      fc.asyncProperty(bad, async ({ round, change }) => {
        const res = await app.request(`/api/juror/rounds/${round}/changes`, {
          method: 'POST',
          headers: { ...jurorA?.headers, 'content-type': 'application/json' },
          body: JSON.stringify({ changes: [change] }),
        });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(ErrorEnvelopeSchema.safeParse(await res.json()).success).toBe(true);
      }),
      { numRuns: 60, seed: SEED },
    );
    expect(dbDigest(db) === before, 'a refused batch changed the database').toBe(true);
  });
});
