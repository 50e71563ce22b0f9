import { isApiError } from './api-client';

/** One refused field, from the server's envelope or from the contract checked in the browser. */
export interface Problem {
  /** Dot-separated, as in the request body: `criteria.0.levels.ar`. */
  path: string;
  /** A zod issue code (`too_small`) or a rule the contract or the server names (`one_per_level`). */
  rule: string;
  params: Record<string, string | number | boolean>;
}

const FIGURES = ['minimum', 'maximum', 'inclusive', 'origin', 'expected', 'format', 'exact'] as const;

/** A zod issue as a problem: a cross-field rule's name rides in `params.rule`, the figures beside. */
function fromIssue(issue: { path: PropertyKey[]; code: string } & Record<string, unknown>): Problem {
  const own = typeof issue.params === 'object' && issue.params !== null ? (issue.params as Record<string, unknown>) : {};
  const params: Problem['params'] = {};
  for (const key of FIGURES) {
    const value = issue[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') params[key] = value;
    else if (typeof value === 'bigint') params[key] = Number(value);
  }
  const rule = issue.code === 'custom' && typeof own.rule === 'string' ? own.rule : issue.code;
  return { path: issue.path.map(String).join('.'), rule, params };
}

function isZodError(error: unknown): error is { issues: ({ path: PropertyKey[]; code: string } & Record<string, unknown>)[] } {
  return typeof error === 'object' && error !== null && Array.isArray((error as { issues?: unknown }).issues);
}

/**
 * The refused fields of a failed call or of a draft the contract rejected, each with its rule and
 * figures; empty for any other error (the network, a refusal of the whole request).
 *
 * @example problemsOf(schema.safeParse(draft).error) // [{ path: 'name', rule: 'too_small', params: { minimum: 1, origin: 'string' } }]
 */
export function problemsOf(error: unknown): Problem[] {
  if (isApiError(error)) return error.details.map((d) => ({ path: d.path, rule: d.rule, params: d.params ?? {} }));
  if (isZodError(error)) return error.issues.map(fromIssue);
  return [];
}
