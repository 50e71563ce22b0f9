import fc from 'fast-check';

/** The subset of JSON Schema the OpenAPI document uses for request bodies. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/** Strings an attacker tries first: none matches a pattern, an enum or a constant of ours. */
export const INJECTIONS = [
  "' OR '1'='1",
  '1; DROP TABLE scores; --',
  '"); DELETE FROM events; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}',
  '../../etc/passwd',
  '\u0000',
  'ﷺ\u202e',
];

const SAFE_MAX = Number.MAX_SAFE_INTEGER;

function typesOf(s: JsonSchema): Set<string> {
  const out = new Set<string>();
  for (const t of [s.type ?? []].flat()) out.add(t === 'integer' ? 'number' : t);
  if (s.const !== undefined) out.add(s.const === null ? 'null' : typeof s.const);
  for (const sub of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) for (const t of typesOf(sub)) out.add(t);
  return out;
}

const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A value the schema accepts, as far as its form goes (the route may still refuse it). */
export function synthesize(s: JsonSchema): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alt = s.oneOf?.[0] ?? s.anyOf?.[0];
  if (alt) return synthesize(alt);
  const type = [s.type ?? 'string'].flat()[0];
  switch (type) {
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, (_, i) => {
        const v = synthesize(s.items ?? {});
        return typeof v === 'number' ? v + i : v;
      });
    case 'object':
      return Object.fromEntries((s.required ?? Object.keys(s.properties ?? {})).map((k) => [k, synthesize(s.properties?.[k] ?? {})]));
    default: {
      const candidates = ['abc', '4821', '#123456', '2026-06-13', 'juror@example.org', 'a'.repeat(Math.max(3, s.minLength ?? 0))];
      const fits = (c: string) => (!s.pattern || new RegExp(s.pattern).test(c)) && c.length >= (s.minLength ?? 0) && c.length <= (s.maxLength ?? Infinity);
      return candidates.find(fits) ?? 'abc';
    }
  }
}

/** Values this property schema refuses: another type, beyond its bounds, too long, off-pattern. */
export function invalidValues(s: JsonSchema): fc.Arbitrary<unknown> {
  const allowed = typesOf(s);
  const arbs: fc.Arbitrary<unknown>[] = [];
  const wrongTypes = [42, 'text', true, null, [], {}, [1, 2], { nested: { deep: 1 } }].filter((v) => allowed.size > 0 && !allowed.has(jsonType(v)));
  if (wrongTypes.length > 0) arbs.push(fc.constantFrom(...wrongTypes));
  const numeric = s.type === 'integer' || s.type === 'number';
  if (numeric) {
    const lower = s.minimum !== undefined ? s.minimum - 1 : s.exclusiveMinimum;
    if (lower !== undefined && lower > -SAFE_MAX) arbs.push(fc.integer({ min: Math.max(-SAFE_MAX, lower - 1000), max: lower }));
    if (s.maximum !== undefined && s.maximum < SAFE_MAX) arbs.push(fc.integer({ min: s.maximum + 1, max: Math.min(SAFE_MAX, s.maximum + 10_000) }));
    if (s.type === 'integer') arbs.push(fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((d) => !Number.isInteger(d)));
    arbs.push(fc.constantFrom('12', 'NaN', '1e309'));
  }
  const stringish = allowed.has('string') && !allowed.has('number') && s.anyOf === undefined;
  if (stringish && s.maxLength !== undefined) arbs.push(fc.integer({ min: s.maxLength + 1, max: s.maxLength + 64 }).map((n) => 'x'.repeat(n)));
  if (stringish && (s.minLength ?? 0) > 0) arbs.push(fc.constant('x'.repeat((s.minLength ?? 1) - 1)));
  const constrained = s.pattern !== undefined || s.enum !== undefined || s.const !== undefined;
  if (stringish && constrained) {
    const refused = (v: string) => !(s.pattern && new RegExp(s.pattern).test(v)) && !(s.enum ?? []).includes(v) && s.const !== v;
    arbs.push(fc.constantFrom(...INJECTIONS.filter(refused)));
  }
  if (s.type === 'array' && (s.minItems ?? 0) > 0) arbs.push(fc.constant([]));
  if (s.type === 'array' && s.items) arbs.push(invalidValues(s.items).map((v) => [...[synthesize(s)].flat(), v]));
  if (s.type === 'object' && s.properties) arbs.push(invalidBody(s));
  return arbs.length > 0 ? fc.oneof(...arbs) : fc.constant(Symbol('no invalid value'));
}

/**
 * Bodies this object schema refuses, each with exactly one fault on top of a well-formed base:
 * a required field missing, a field of the wrong type or out of bounds, an unknown field where
 * none is allowed, or not an object at all.
 */
export function invalidBody(s: JsonSchema): fc.Arbitrary<unknown> {
  const notAnObject = fc.constantFrom<unknown>(null, 42, 'text', true, [], [{}]);
  const branches = s.oneOf ?? s.anyOf;
  if (branches) {
    // Against a union, only faults every branch refuses: not an object, or nothing any branch requires.
    return fc.oneof(notAnObject, fc.constant({ unknownField: INJECTIONS[0] }));
  }
  const base = synthesize(s) as Record<string, unknown>;
  const props = Object.keys(s.properties ?? {});
  const arbs: fc.Arbitrary<unknown>[] = [notAnObject];
  const required = s.required ?? [];
  if (required.length > 0) {
    arbs.push(fc.constantFrom(...required).map((k) => Object.fromEntries(Object.entries(base).filter(([key]) => key !== k))));
  }
  const faulty = props.map((k) => invalidValues(s.properties?.[k] ?? {}).filter((v) => typeof v !== 'symbol').map((v) => ({ ...base, [k]: v })));
  if (faulty.length > 0) arbs.push(fc.oneof(...faulty));
  if (s.additionalProperties === false) arbs.push(fc.constantFrom(...INJECTIONS).map((v) => ({ ...base, 'extra<field>': v })));
  return fc.oneof(...arbs);
}

/** Text that is not JSON at all, or JSON cut short. */
export const malformedJson = fc.oneof(
  fc.constantFrom('{', '{"a":', "{'single': 'quotes'}", '{"a":1,}', 'undefined', 'NaN', '[1,2', '{"a":"\\x"}', '\u0000', 'nul'),
  fc.string({ minLength: 1, maxLength: 40 }).filter((t) => {
    try {
      JSON.parse(t);
      return false;
    } catch {
      return true;
    }
  }),
);

/** Path segments that name nothing: unknown ids, non-numbers, injections. */
export const badIds = fc.oneof(
  fc.integer({ min: 900_000, max: 2_147_483_647 }).map(String),
  fc.constantFrom('0', '-1', '1.5', 'abc', '99999999999999999999999', ...INJECTIONS),
  fc.string({ minLength: 1, maxLength: 20 }).filter((t) => {
    const n = Number(t);
    return !(Number.isInteger(n) && n > 0 && n < 900_000);
  }),
);
