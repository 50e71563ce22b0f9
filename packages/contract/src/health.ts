import { z } from 'zod';

export const HealthResponseSchema = z.object({ status: z.literal('ok') });
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

/**
 * Readiness (`GET /api/health/ready`): may this process take traffic? A load balancer sends requests
 * only to a process that answers 200; 503 while the database does not answer, a migration is not
 * applied, or the process is shutting down (it finishes what it has, takes nothing new).
 */
export const ReadinessResponseSchema = z.object({
  status: z.enum(['ready', 'unavailable']),
  checks: z.object({
    database: z.enum(['ok', 'unreachable']),
    migrations: z.enum(['ok', 'pending']),
    accepting: z.boolean(),
  }),
});
export type ReadinessResponse = z.infer<typeof ReadinessResponseSchema>;
