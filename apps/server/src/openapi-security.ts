import { ErrorEnvelopeSchema } from '@palmares/contract';
import { z } from 'zod';
import { DEVICE_COOKIE } from './middleware/juror.js';
import { SESSION_COOKIE } from './middleware/session.js';

/**
 * Who may call what, in the OpenAPI document itself (issue 17 point 10): the credentials as
 * security schemes, each operation's security, and the 4xx answers each can give. Written here in
 * one place from the server's own layout (organiser routes, tablet routes, open routes) rather than
 * in every route file; `reliability/authorisation-matrix.test.ts` reads the document back and
 * checks it against what the server does, so the two cannot drift apart.
 */

type Responses = Record<string, { description: string; content?: unknown }>;
interface Operation {
  security?: Record<string, string[]>[];
  responses?: Responses;
  parameters?: { in: string }[];
  requestBody?: unknown;
  [key: string]: unknown;
}
interface Document {
  paths?: Record<string, Record<string, Operation>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

export const SECURITY_SCHEMES = {
  organiserSession: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The organiser\'s session, set by POST /api/auth/login (HttpOnly, SameSite=Lax, 12 h).',
  },
  jurorDevice: {
    type: 'apiKey',
    in: 'cookie',
    name: DEVICE_COOKIE,
    description: "A juror's bound tablet, set by POST /api/juror/bind (HttpOnly); the chair's tablet reaches /api/chair too.",
  },
  jurorBearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'The same device token as jurorDevice, sent as `Authorization: Bearer` (it wins over the cookie).',
  },
} as const;

/** Routes anyone may call: the credential is in the body or the path, or there is none to have. */
const OPEN = new Set(['GET /api/health', 'GET /api/health/ready', 'GET /api/openapi.json', 'POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/juror/bind']);

export type Credential = 'none' | 'organiser' | 'juror';

/** The credential an operation needs, from its method and path. */
export function credentialOf(method: string, path: string): Credential {
  if (OPEN.has(`${method.toUpperCase()} ${path}`)) return 'none';
  // A startup's private link is its path: whoever holds it reads that page, and nothing else.
  if (path.startsWith('/api/public/') || path.startsWith('/api/startup/')) return 'none';
  if (path.startsWith('/api/juror/') || path.startsWith('/api/chair/')) return 'juror';
  return 'organiser';
}

const SECURITY: Record<Credential, Record<string, string[]>[]> = {
  none: [],
  organiser: [{ organiserSession: [] }],
  juror: [{ jurorDevice: [] }, { jurorBearer: [] }],
};

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } } });
const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/** The 4xx answers an operation can give beyond its own: what the shared middleware refuses. */
function sharedRefusals(method: string, path: string, op: Operation, credential: Credential): Responses {
  const out: Responses = {};
  const hasInput = path.includes('{') || op.requestBody !== undefined || (op.parameters ?? []).length > 0 || WRITES.has(method);
  if (hasInput) out['400'] = error('VALIDATION_FAILED (a field, named in details) or INVALID_JSON');
  if (credential !== 'none') out['401'] = error('UNAUTHENTICATED: no valid credential');
  if (WRITES.has(method)) out['403'] = error('FOREIGN_ORIGIN: a cross-site write' + (credential === 'juror' ? '; FORBIDDEN: not the chair, or not this juror\'s' : ''));
  else if (credential === 'juror') out['403'] = error('FORBIDDEN: only the jury chair, or not this juror\'s');
  if (path.includes('{') || credential === 'organiser') out['404'] = error("NOT_FOUND: no such thing, or another organiser's competition (not disclosed)");
  if (WRITES.has(method)) out['413'] = error('PAYLOAD_TOO_LARGE: bodies are limited to 256 KiB');
  if (credential === 'juror' && path !== '/api/juror/unlock') out['423'] = error('BINDING_LOCKED: this tablet is locked after too many wrong PINs');
  return out;
}

/** The generated document with the security schemes, each operation's security and its 4xx answers. */
export function secureDocument<T extends object>(generated: T): T {
  const doc = structuredClone(generated) as Document;
  doc.components = {
    ...doc.components,
    securitySchemes: { ...(doc.components?.['securitySchemes'] ?? {}), ...SECURITY_SCHEMES },
    schemas: { ...(doc.components?.['schemas'] ?? {}), ErrorEnvelope: z.toJSONSchema(ErrorEnvelopeSchema, { target: 'openapi-3.0' }) },
  };
  // Nothing is secured by default: each operation says what it needs.
  doc['security'] = [];
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(operations)) {
      if (typeof op !== 'object' || op === null || !('responses' in op || 'summary' in op)) continue;
      const credential = credentialOf(method, path);
      op.security = SECURITY[credential];
      op.responses = { ...sharedRefusals(method, path, op, credential), ...(op.responses ?? {}) };
    }
  }
  return doc as T;
}
