import { isApiError } from '../../../lib/api-client';
import { MAX_CHANGES_PER_BATCH } from '../../../lib/contract-constants';
import { postChanges } from '../api/post-changes';
import { useOutbox } from '../stores/outbox-store';
import { backoffDelay } from './backoff';
import { whenWritten } from './idb-storage';
import { nextBatch, type OutboxEntry } from './outbox-logic';

const IDLE_CHECK_MS = 30_000;
/** Refusals that are about the tablet (revoked, blocked, no PIN yet), not the batch: the entries wait, untouched. */
const BINDING_REFUSALS = new Set(['UNAUTHENTICATED', 'BINDING_LOCKED', 'PIN_REQUIRED']);
/** Refusals of the request as such: nothing wrong with the entries, try again later. */
const TRANSIENT_REFUSALS = new Set(['RATE_LIMITED', 'FOREIGN_ORIGIN', 'PAYLOAD_TOO_LARGE']);

/**
 * How a drain of the outbox ended, for whoever asked for it ("submit" reads it).
 * - `sent`: nothing sendable is left (refused entries may wait for the juror: `refused` counts them);
 * - `offline`: the server could not be reached, or asked to wait; the rest is still queued;
 * - `blocked`: the server refused this tablet (revoked: UNAUTHENTICATED, locked: BINDING_LOCKED).
 */
export type DrainOutcome = { kind: 'sent'; refused: number } | { kind: 'offline' } | { kind: 'blocked'; code: string };

/**
 * Sends the juror's queue in batches, oldest first, until nothing sendable is left or the server
 * cannot take more. The only code that posts changes: the background loop and "submit" both come
 * here, so a refusal means the same thing wherever it is met.
 */
async function sendQueued(jurorId: number, onSent: () => void): Promise<DrainOutcome> {
  // A change leaves the tablet only once it is on the tablet's own disk.
  await whenWritten();
  let refused = 0;
  for (;;) {
    const batch = nextBatch(useOutbox.getState().entries, jurorId, MAX_CHANGES_PER_BATCH);
    if (!batch) return { kind: 'sent', refused };
    try {
      const res = await postChanges(batch.roundId, batch.entries.map((e) => e.change));
      useOutbox.getState().acknowledged(batch, res.serverRevisions);
      useOutbox.getState().noteContact(true);
      onSent();
    } catch (error) {
      if (isApiError(error) && BINDING_REFUSALS.has(error.code)) {
        useOutbox.getState().noteContact(true, error.code);
        return { kind: 'blocked', code: error.code };
      }
      if (isApiError(error) && error.isClientError && !TRANSIENT_REFUSALS.has(error.code)) {
        // The batch itself was refused (a conflict, a closed round): its entries wait for the
        // juror's decision, the others go in the next batch.
        useOutbox.getState().refused(batch, error);
        useOutbox.getState().noteContact(true);
        refused += batch.entries.length;
        onSent();
        continue;
      }
      useOutbox.getState().noteContact(isApiError(error) && TRANSIENT_REFUSALS.has(error.code));
      return { kind: 'offline' };
    }
  }
}

interface Loop {
  jurorId: number;
  drain: () => Promise<DrainOutcome>;
  nudge: () => void;
}

let active: Loop | null = null;

/**
 * Drains the outbox of one juror: right after each change, on the browser's `online` event, when
 * the page becomes visible, when the live stream reconnects (`syncNow`), and on a timer that backs
 * off to 5 s at most while changes wait. One drain runs at a time; asking during one runs another
 * right after it. Returns a stop function.
 */
export function startSyncLoop(jurorId: number, onSynced: () => void): () => void {
  let stopped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<DrainOutcome> | null = null;
  let queued: Promise<DrainOutcome> | null = null;

  const schedule = (outcome: DrainOutcome) => {
    clearTimeout(timer);
    if (stopped) return;
    const waiting = nextBatch(useOutbox.getState().entries, jurorId, 1) !== null;
    // A refused tablet waits for the organiser, not for a faster retry; the state read notices.
    const delay = waiting && outcome.kind === 'offline' ? backoffDelay(failures) : waiting && outcome.kind === 'sent' ? 0 : IDLE_CHECK_MS;
    timer = setTimeout(() => void drain(), delay);
  };

  const run = async (): Promise<DrainOutcome> => {
    let sent = false;
    const outcome = await sendQueued(jurorId, () => (sent = true)).catch((): DrainOutcome => ({ kind: 'offline' }));
    failures = outcome.kind === 'offline' ? failures + 1 : 0;
    if (sent) onSynced();
    return outcome;
  };

  function drain(): Promise<DrainOutcome> {
    if (stopped) return Promise.resolve({ kind: 'offline' });
    if (!running) {
      running = run().then((outcome) => {
        running = null;
        if (!queued) schedule(outcome);
        return outcome;
      });
      return running;
    }
    // A drain is under way: whoever asks now gets the next one, which sees their change.
    queued ??= running.then(() => {
      queued = null;
      return drain();
    });
    return queued;
  }

  const nudge = () => {
    failures = 0;
    void drain();
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') nudge();
  };
  window.addEventListener('online', nudge);
  document.addEventListener('visibilitychange', onVisible);
  // A new change, or a refused one the juror keeps ("keep mine"), is sent at once.
  const sendable = (entries: OutboxEntry[]) => entries.filter((e) => !e.problem).length;
  let count = sendable(useOutbox.getState().entries);
  const unsubscribe = useOutbox.subscribe((s) => {
    const now = sendable(s.entries);
    if (now > count) void drain();
    count = now;
  });
  const loop: Loop = { jurorId, drain, nudge };
  active = loop;
  void drain();

  return () => {
    stopped = true;
    clearTimeout(timer);
    window.removeEventListener('online', nudge);
    document.removeEventListener('visibilitychange', onVisible);
    unsubscribe();
    if (active === loop) active = null;
  };
}

/** The server answered again (the live stream reconnected, a state read came through): send now. */
export function syncNow(): void {
  active?.nudge();
}

/**
 * Sends whatever is pending now, through the running loop (or once, if none runs for this juror),
 * and tells how it ended: "submit" goes on only when nothing of the scorecard is left behind.
 */
export function flushOutbox(jurorId: number): Promise<DrainOutcome> {
  if (active?.jurorId === jurorId) return active.drain();
  return sendQueued(jurorId, () => undefined).catch((): DrainOutcome => ({ kind: 'offline' }));
}
