import { z } from 'zod';

/** Machine-readable error codes. A client switches on these, never on messages. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'FOREIGN_ORIGIN',
  'NOT_FOUND',
  'NOT_ASSIGNED',
  'RECUSED',
  'ROUND_CLOSED',
  'REVISION_CONFLICT',
  'SETTINGS_LOCKED',
  'CHAIR_TAKEN',
  'CHAIR_FIXED',
  'CONFLICT',
  'RATE_LIMITED',
  'BINDING_LOCKED',
  'PIN_REQUIRED',
  'INTERNAL',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/**
 * One problem with a request: which field (`path`, dot-separated as in the request body), which
 * rule (a zod issue code such as `too_small`, or a named rule such as `one_per_level`), the
 * rule's figures in `params` (`{ minimum: 1 }`, `{ lang: 'ar', count: 5 }`) so a client can word
 * it in the reader's language, and `message`, the server's English wording for logs and curl.
 */
export const ErrorDetailSchema = z.object({
  path: z.string(),
  rule: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type ErrorDetail = z.infer<typeof ErrorDetailSchema>;

/**
 * The one error envelope every non-2xx JSON response uses.
 * @example { "error": { "code": "VALIDATION_FAILED", "message": "Invalid request body", "details": [{ "path": "email", "rule": "invalid_format", "message": "Invalid email address" }] } }
 */
export const ErrorEnvelopeSchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    details: z.array(ErrorDetailSchema),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;
