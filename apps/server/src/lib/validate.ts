import type { ValidationTargets } from 'hono';
import { validator } from 'hono-openapi';
import type { z } from 'zod';
import { envelope } from './errors.js';

/**
 * The contract's zod schema as request validator: it types the handler and the RPC client,
 * documents the route in OpenAPI, and answers bad input with a 400 envelope naming each field.
 */
export function validate<T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S) {
  return validator(target, schema, (result, c) => {
    if (result.success) return;
    const details = result.error.map((issue) => ({
      path: (issue.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.') || target,
      rule: 'code' in issue && typeof issue.code === 'string' ? issue.code : 'invalid',
      message: issue.message,
    }));
    return c.json(envelope('VALIDATION_FAILED', `Invalid request ${target}`, details), 400);
  });
}
