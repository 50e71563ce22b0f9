import type { ErrorCode, ErrorDetail } from '@palmares/contract';
import type { AppType } from '@palmares/server';
import { hc, parseResponse, type ClientResponse } from 'hono/client';
import { loadSchemas } from './load-schemas';

/** The typed client of the API; its routes and bodies come from the server's `AppType`. */
export const api = hc<AppType>('/api', { init: { credentials: 'same-origin' } });

/** Codes the client adds to the server's: no response at all, or one that is not our envelope. */
export type ClientErrorCode = ErrorCode | 'NETWORK' | 'UNEXPECTED_RESPONSE';

/** A failed API call, with the machine-readable code of the error envelope. */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[];

  constructor(code: ClientErrorCode, status: number, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }

  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

async function toApiError(res: ClientResponse<unknown>): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  // The envelope decides what a tablet does with a refused change, so it is checked, not trusted.
  // Without the schemas (offline before they were ever loaded) the exchange counts as not done.
  const schemas = await loadSchemas().catch(() => null);
  if (!schemas) return new ApiError('NETWORK', 0, `HTTP ${res.status}: the error could not be read`);
  const parsed = schemas.ErrorEnvelopeSchema.safeParse(body);
  if (!parsed.success) return new ApiError('UNEXPECTED_RESPONSE', res.status, `HTTP ${res.status}`);
  const { code, message, details } = parsed.data.error;
  return new ApiError(code, res.status, message, details);
}

/**
 * Awaits a call of the `api` client: returns the typed body of a 2xx response (`undefined` for
 * 204), throws an `ApiError` otherwise.
 *
 * @example const { user } = await request(api.auth.session.$get());
 */
export async function request<T extends ClientResponse<unknown>>(call: Promise<T>) {
  let res: T;
  try {
    res = await call;
  } catch (cause) {
    throw new ApiError('NETWORK', 0, cause instanceof Error ? cause.message : 'Network error');
  }
  if (!res.ok) throw await toApiError(res);
  return parseResponse(res);
}

export function isApiError(error: unknown, code?: ClientErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
