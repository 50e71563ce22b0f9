import { resolve } from 'node:path';
import { z } from 'zod';

const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_PATH: z.string().min(1).default('./data/palmares.sqlite'),
    /** Served over HTTPS (directly or behind a proxy): session cookies become Secure. */
    PUBLIC_URL: z.url().optional(),
    ORGANISER_EMAIL: z.email().optional(),
    ORGANISER_PASSWORD: z.string().min(10).optional(),
    ORGANISER_NAME: z.string().min(1).default('Organiser'),
    WEB_ROOT: z.string().optional(),
    /**
     * Set (`1`/`true`) only when a reverse proxy in front of the server sets `X-Forwarded-Host` and
     * `X-Forwarded-Proto`: they are then believed for the origin check and HSTS. Unset, anyone
     * could send them, so they are ignored (docs/security.md).
     */
    TRUST_PROXY: z
      .enum(['1', 'true', '0', 'false', ''])
      .default('')
      .transform((v) => v === '1' || v === 'true'),
    /** How many rankings each database keeps in memory (docs/decisions/009); 0 computes every read. */
    RESULTS_CACHE_SIZE: z.coerce.number().int().min(0).max(100).default(6),
    /** How many backups `POST /api/admin/backup` keeps in backups/ (the newest; older ones are deleted). */
    BACKUPS_KEEP: z.coerce.number().int().min(1).max(1000).default(10),
    /** Seconds between two backups at least (each copy is the whole database); 429 sooner. */
    BACKUPS_MIN_INTERVAL_S: z.coerce.number().int().min(0).max(86_400).default(60),
    /** Live streams the server holds at once (tablets and organiser screens, 3 each at most); past it, 429. */
    LIVE_STREAMS_MAX: z.coerce.number().int().min(1).max(100_000).default(200),
  })
  .refine((e) => (e.ORGANISER_EMAIL === undefined) === (e.ORGANISER_PASSWORD === undefined), {
    message: 'ORGANISER_EMAIL and ORGANISER_PASSWORD go together',
    path: ['ORGANISER_PASSWORD'],
  });

export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment once at start; a wrong value stops the process with its name. */
export function parseEnv(source: NodeJS.ProcessEnv, cwd = process.cwd()): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return { ...result.data, DATABASE_PATH: result.data.DATABASE_PATH === ':memory:' ? ':memory:' : resolve(cwd, result.data.DATABASE_PATH) };
}
