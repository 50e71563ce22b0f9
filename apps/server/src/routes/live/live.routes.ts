import { IdParamSchema, LiveBoardQuerySchema, LiveBoardSchema, NowPitchingRequestSchema, NowPitchingSchema, PitchOrderRequestSchema, PitchOrderResponseSchema } from '@palmares/contract';
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { getCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import type { AppEnv, Deps } from '../../deps.js';
import { notFound } from '../../lib/errors.js';
import { hashToken } from '../../lib/tokens.js';
import { validate } from '../../lib/validate.js';
import { requireCompetitionOrganiser } from '../../middleware/competition-access.js';
import { SESSION_COOKIE } from '../../middleware/session.js';
import { authQueries } from '../auth/auth.queries.js';
import { SCORECARD_CHANGED } from '../juror/juror.live.js';
import { liveQueries } from './live.queries.js';
import { finalRound, moveCursor, setPitchOrder } from './pitching.js';

export const HEARTBEAT_MS = 15_000;

const doc = (summary: string, schema: Parameters<typeof resolver>[0]) =>
  describeRoute({ tags: ['live'], summary, responses: { 200: { description: 'OK', content: { 'application/json': { schema: resolver(schema) } } } } });

/**
 * The organiser's controls of the live final: pitch order, the now-pitching cursor (pushed to every
 * tablet through the live hub), the jurors × entrants board, and an SSE stream of the hub's events.
 */
export function liveRoutes(deps: Deps) {
  const { db, clock, live } = deps;
  const q = liveQueries(db);
  const sessions = authQueries(db);
  const ctxOf = (competitionId: number, userId: number) => ({ db, q, competitionId, actor: `user:${userId}`, now: clock.now() });

  return new Hono<AppEnv>()
    .use(requireCompetitionOrganiser(deps))
    .get(
      '/',
      describeRoute({ tags: ['live'], summary: 'Server-Sent Events: now-pitching (current value first) and progress; 3 streams per session (a new one closes the oldest)', responses: { 200: { description: 'text/event-stream' }, 429: { description: 'RATE_LIMITED: the server holds its maximum of live streams' } } }),
      validate('param', IdParamSchema),
      (c) => {
        const { id } = c.req.valid('param');
        const tokenHash = hashToken(getCookie(c, SESSION_COOKIE) ?? '');
        // A few streams per organiser session (tabs, reloads), the oldest closed by one more.
        let evict = () => {};
        let evicted = false;
        const release = live.slots.open(`session:${tokenHash}`, () => {
          evicted = true;
          evict();
        });
        return streamSSE(c, async (stream) => {
          evict = () => stream.abort();
          stream.onAbort(release);
          if (evicted) return release();
          let wake = () => {};
          const send = (event: string, data: unknown) => stream.writeSSE({ event, data: JSON.stringify(data) }).catch(() => stream.abort());
          // A juror's scorecard changes are for that juror's own tablets (their board follows `progress`).
          const unsubscribe = live.subscribe(id, (event) => {
            if (event.type !== SCORECARD_CHANGED) void send(event.type, event.data);
          });
          stream.onAbort(() => {
            unsubscribe();
            wake();
          });
          const final = q.final(id);
          await send('now-pitching', { roundId: final?.id ?? null, entrantId: final?.now_pitching_entrant_id ?? null });
          while (!stream.aborted) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, HEARTBEAT_MS);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
            if (stream.aborted) break;
            // Signing out (or the session expiring) also ends the stream.
            if (!sessions.sessionUser(tokenHash, clock.now())) break;
            await stream.write(': keep-alive\n\n').catch(() => stream.abort());
          }
          unsubscribe();
          release();
        });
      },
    )
    .get('/board', doc('Jurors × entrants of a round (the final by default), with each juror\'s last contact', LiveBoardSchema),
      validate('param', IdParamSchema), validate('query', LiveBoardQuerySchema), (c) => {
        const { id } = c.req.valid('param');
        const round = q.round(id, c.req.valid('query').roundId);
        if (!round) throw notFound('Round');
        return c.json(q.board(id, round), 200);
      })
    .put('/pitch-order', doc('Draw the pitch order from a recorded seed, or set it by hand', PitchOrderResponseSchema),
      validate('param', IdParamSchema), validate('json', PitchOrderRequestSchema), (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const result = db.transaction(() => setPitchOrder(ctxOf(id, c.get('user').id), finalRound(q, id), body))();
        return c.json(result, 200);
      })
    .post('/now-pitching', doc('Move the now-pitching cursor: next, previous, clear (pause), or a given finalist', NowPitchingSchema),
      validate('param', IdParamSchema), validate('json', NowPitchingRequestSchema), (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const result = db.transaction(() => moveCursor(ctxOf(id, c.get('user').id), finalRound(q, id), body))();
        // Published once committed: every tablet and the organiser's stream follow the cursor.
        live.publish(id, { type: 'now-pitching', data: { roundId: result.roundId, entrantId: result.entrantId } });
        return c.json(result, 200);
      });
}
