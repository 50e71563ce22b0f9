import type { z } from 'zod';

/** Reads a JSON column through its contract schema: a corrupt row fails loudly, not silently. */
export function parseJsonColumn<S extends z.ZodType>(schema: S, text: string): z.infer<S> {
  return schema.parse(JSON.parse(text));
}
