import type { ErrorCode, ErrorDetail, ErrorEnvelope } from '@palmares/contract';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error the client can act on: a status, a code from the contract, and what went wrong. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You may not do this') => new AppError(403, 'FORBIDDEN', message);
export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', 'Sign in first');

export function envelope(code: ErrorCode, message: string, details: ErrorDetail[] = []): ErrorEnvelope {
  return { error: { code, message, details } };
}
