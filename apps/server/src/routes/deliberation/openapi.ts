import { ErrorEnvelopeSchema } from '@palmares/contract';
import { resolver } from 'hono-openapi';

type Schema = Parameters<typeof resolver>[0];

/** OpenAPI responses: the success schema under its status, and the error envelope for the rest. */
export function responses(status: 200 | 201, schema: Schema, description: string, errors: Record<number, string> = {}) {
  const out: Record<number, { description: string; content: { 'application/json': { schema: ReturnType<typeof resolver> } } }> = {
    [status]: { description, content: { 'application/json': { schema: resolver(schema) } } },
  };
  for (const [code, text] of Object.entries(errors)) out[Number(code)] = { description: text, content: { 'application/json': { schema: resolver(ErrorEnvelopeSchema) } } };
  return out;
}
