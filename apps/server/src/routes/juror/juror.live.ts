import { NowPitchingEventSchema, RoundClosedEventSchema, RoundClosingEventSchema, type NowPitchingEvent } from '@palmares/contract';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { LiveHub } from '../../lib/live-hub.js';
import type { JurorEnv } from '../../middleware/juror.js';
import type { jurorQueries } from './juror.queries.js';

export const HEARTBEAT_MS = 15_000;
/** How soon a tablet's live stream reconnects after the network or the server comes back. */
export const RECONNECT_MS = 1_000;

/** What of the competition's channel reaches jurors: nothing about other jurors' scorecards. */
const FOR_JURORS = { 'round-closing': RoundClosingEventSchema, 'round-closed': RoundClosedEventSchema } as const;

/**
 * The now-pitching cursor for a juror's tablet: the current value first, then every change the
 * organiser publishes; and the organiser's announcements of the close (`round-closing`,
 * `round-closed`). Other jurors' progress never reaches a tablet.
 * Every heartbeat re-checks the binding, so revoking a tablet also ends its stream.
 */
export function jurorLive(c: Context<JurorEnv>, live: LiveHub, q: ReturnType<typeof jurorQueries>) {
  const { competitionId, bindingId } = c.get('juror');
  // A few streams per tablet; one more closes its oldest (a reload's stale connection), and past
  // the server's total a new tablet gets 429 before any stream opens.
  let evict = () => {};
  let evicted = false;
  const release = live.slots.open(`binding:${bindingId}`, () => {
    evicted = true;
    evict();
  });
  return streamSSE(c, async (stream) => {
    evict = () => stream.abort();
    stream.onAbort(release);
    if (evicted) return release();
    let wake = () => {};
    // `retry`: after a cut, the tablet's EventSource tries again every second (not the browser's
    // default of a few seconds); its reconnection is what sends the tablet's queue at once.
    const send = (data: NowPitchingEvent | { roundId: null; entrantId: null }, retry?: number) =>
      stream.writeSSE({ event: 'now-pitching', data: JSON.stringify(data), ...(retry ? { retry } : {}) }).catch(() => stream.abort());
    const unsubscribe = live.subscribe(competitionId, (event) => {
      const parsed = event.type === 'now-pitching' ? NowPitchingEventSchema.safeParse(event.data) : undefined;
      if (parsed?.success) void send(parsed.data);
      const schema = event.type in FOR_JURORS ? FOR_JURORS[event.type as keyof typeof FOR_JURORS] : undefined;
      const relayed = schema?.safeParse(event.data);
      if (relayed?.success) void stream.writeSSE({ event: event.type, data: JSON.stringify(relayed.data) }).catch(() => stream.abort());
    });
    stream.onAbort(() => {
      unsubscribe();
      wake();
    });

    const round = q.currentRound(competitionId);
    await send(round ? { roundId: round.id, entrantId: round.now_pitching_entrant_id } : { roundId: null, entrantId: null }, RECONNECT_MS);
    while (!stream.aborted) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, HEARTBEAT_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (stream.aborted) break;
      // A tablet revoked or locked since it connected stops hearing the room.
      if (!q.bindingLive(bindingId)) break;
      // A comment line keeps proxies and the tablet's Wi-Fi from dropping an idle connection.
      await stream.write(': keep-alive\n\n').catch(() => stream.abort());
    }
    unsubscribe();
    release();
  });
}
