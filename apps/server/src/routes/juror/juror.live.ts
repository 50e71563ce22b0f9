import { NowPitchingEventSchema, RoundClosedEventSchema, RoundClosingEventSchema, type NowPitchingEvent, type ScorecardEvent } from '@palmares/contract';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { LiveHub } from '../../lib/live-hub.js';
import type { JurorEnv } from '../../middleware/juror.js';
import type { jurorQueries } from './juror.queries.js';

export const HEARTBEAT_MS = 15_000;
/** How soon a tablet's live stream reconnects after the network or the server comes back. */
export const RECONNECT_MS = 1_000;

/** The hub's event when a juror's scorecard changed on the server; never sent to a browser as it is. */
export const SCORECARD_CHANGED = 'scorecard-changed';

/**
 * What changed, and where it came from: `bindingId` is the tablet that made the change (its own
 * stream skips it), null for the jury chair's correction. It names the scorecard only; each of
 * the juror's other streams reads what the server holds when it forwards it, so a batch costs
 * nothing more while the juror has no other tablet listening.
 */
export interface ScorecardChanged {
  jurorId: number;
  roundId: number;
  entrantId: number;
  bindingId: number | null;
}

/** Call once the change has committed, as for every live event. */
export function publishScorecardChanged(live: LiveHub, competitionId: number, change: ScorecardChanged): void {
  live.publish(competitionId, { type: SCORECARD_CHANGED, data: change });
}

const isScorecardChanged = (data: unknown): data is ScorecardChanged =>
  typeof data === 'object' && data !== null && 'jurorId' in data && 'roundId' in data && 'entrantId' in data && 'bindingId' in data;

/** The organiser's announcements that reach jurors as they are. */
const FOR_JURORS = { 'round-closing': RoundClosingEventSchema, 'round-closed': RoundClosedEventSchema } as const;

/**
 * The now-pitching cursor for a juror's tablet: the current value first, then every change the
 * organiser publishes; and `scorecard` when one of this juror's scorecards changed from elsewhere
 * (their other tablet, the chair's correction: issue 14 point 2); and the organiser's
 * announcements of the close (`round-closing`, `round-closed`: issue 14 point 5). Other jurors'
 * progress and scorecards never reach it.
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
    const { id: jurorId } = c.get('juror');
    const unsubscribe = live.subscribe(competitionId, (event) => {
      if (event.type === SCORECARD_CHANGED) {
        const change = event.data;
        if (!isScorecardChanged(change) || change.jurorId !== jurorId || change.bindingId === bindingId) return;
        const current = q.entrants(change.roundId, jurorId).find((e) => e.id === change.entrantId);
        if (!current) return;
        const data: ScorecardEvent = {
          roundId: change.roundId,
          entrantId: change.entrantId,
          by: change.bindingId === null ? 'chair' : 'other-tablet',
          state: current.state,
          scorecard: current.scorecard,
        };
        void stream.writeSSE({ event: 'scorecard', data: JSON.stringify(data) }).catch(() => stream.abort());
        return;
      }
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
