import type { ValidationTargets } from 'hono';
import { validator } from 'hono-openapi';
import type { z } from 'zod';
import { envelope } from './errors.js';

/** The figures of a zod issue a client needs to word it (`too_small` → `{ minimum: 1, origin: 'string' }`). */
const ISSUE_PARAMS = ['minimum', 'maximum', 'inclusive', 'origin', 'expected', 'format', 'exact'] as const;

/**
 * The issue's rule for the client: the contract's name for a cross-field rule (`params.rule`,
 * where zod says only `custom`), else zod's code; with the figures the rule needs.
 */
function ruleOf(issue: Record<string, unknown>): { rule: string; params?: Record<string, string | number | boolean> } {
  const named = issue.code === 'custom' && typeof issue.params === 'object' && issue.params !== null ? (issue.params as Record<string, unknown>).rule : undefined;
  const rule = typeof named === 'string' ? named : typeof issue.code === 'string' ? issue.code : 'invalid';
  const params: Record<string, string | number | boolean> = {};
  for (const key of ISSUE_PARAMS) {
    const value = issue[key];
    if (typeof value === 'string' || typeof value === 'boolean') params[key] = value;
    else if (typeof value === 'number' || typeof value === 'bigint') params[key] = Number(value);
  }
  return Object.keys(params).length > 0 ? { rule, params } : { rule };
}

/**
 * The contract's zod schema as request validator: it types the handler and the RPC client,
 * documents the route in OpenAPI, and answers bad input with a 400 envelope naming each field.
 */
export function validate<T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S) {
  return validator(target, schema, (result, c) => {
    if (result.success) return;
    const details = result.error.map((issue) => ({
      path: (issue.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.') || target,
      ...ruleOf(issue as unknown as Record<string, unknown>),
      message: issue.message,
    }));
    return c.json(envelope('VALIDATION_FAILED', `Invalid request ${target}`, details), 400);
  });
}
