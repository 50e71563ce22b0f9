import { isApiError } from '../../../lib/api-client';
import { MAX_CHANGES_PER_BATCH } from '../../../lib/contract-constants';
import { postChanges } from '../api/post-changes';
import { useOutbox } from '../stores/outbox-store';
import { whenWritten } from './idb-storage';
import { nextBatch } from './outbox-logic';

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 60_000;
const IDLE_CHECK_MS = 30_000;
/** Refusals that are about the tablet, not the batch: the entries wait, untouched. */
const TABLET_REFUSALS = new Set(['UNAUTHENTICATED', 'BINDING_LOCKED', 'RATE_LIMITED', 'FOREIGN_ORIGIN', 'PAYLOAD_TOO_LARGE']);

/** Delay before the next attempt: doubles with each failure, capped at a minute. */
export const backoffDelay = (failures: number) => Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, failures - 1));

/**
 * Drains the outbox of one juror in batches: right after each change, on the browser's `online`
 * event, and on a timer that backs off while the server cannot be reached. Returns a stop function.
 */
export function startSyncLoop(jurorId: number, onSynced: () => void): () => void {
  let running = false;
  let again = false;
  let stopped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    clearTimeout(timer);
    if (stopped) return;
    const pending = nextBatch(useOutbox.getState().entries, jurorId, 1) !== null;
    timer = setTimeout(() => void drain(), pending ? backoffDelay(Math.max(1, failures)) : IDLE_CHECK_MS);
  };

  async function drain(): Promise<void> {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    let sent = false;
    try {
      // A change leaves the tablet only once it is on the tablet's own disk.
      await whenWritten();
      for (;;) {
        const batch = nextBatch(useOutbox.getState().entries, jurorId, MAX_CHANGES_PER_BATCH);
        if (!batch || stopped) break;
        try {
          const res = await postChanges(batch.roundId, batch.entries.map((e) => e.change));
          useOutbox.getState().acknowledged(batch, res.serverRevisions);
          useOutbox.getState().noteContact(true);
          failures = 0;
          sent = true;
        } catch (error) {
          if (isApiError(error) && error.isClientError && !TABLET_REFUSALS.has(error.code)) {
            useOutbox.getState().refused(batch, error);
            useOutbox.getState().noteContact(true);
            sent = true;
            continue;
          }
          failures++;
          if (isApiError(error) && TABLET_REFUSALS.has(error.code)) useOutbox.getState().noteContact(true, error.code);
          else useOutbox.getState().noteContact(false);
          break;
        }
      }
    } finally {
      running = false;
      if (sent) onSynced();
      if (again) {
        again = false;
        void drain();
      } else schedule();
    }
  }

  const onOnline = () => {
    failures = 0;
    void drain();
  };
  window.addEventListener('online', onOnline);
  let count = useOutbox.getState().entries.length;
  const unsubscribe = useOutbox.subscribe((s) => {
    if (s.entries.length > count) void drain();
    count = s.entries.length;
  });
  void drain();

  return () => {
    stopped = true;
    clearTimeout(timer);
    window.removeEventListener('online', onOnline);
    unsubscribe();
  };
}

/** Sends whatever is pending now and resolves when the outbox holds nothing sendable (or fails). */
export async function flushOutbox(jurorId: number): Promise<boolean> {
  await whenWritten();
  for (;;) {
    const batch = nextBatch(useOutbox.getState().entries, jurorId, MAX_CHANGES_PER_BATCH);
    if (!batch) return true;
    try {
      const res = await postChanges(batch.roundId, batch.entries.map((e) => e.change));
      useOutbox.getState().acknowledged(batch, res.serverRevisions);
      useOutbox.getState().noteContact(true);
    } catch (error) {
      if (isApiError(error) && error.isClientError && !TABLET_REFUSALS.has(error.code)) {
        useOutbox.getState().refused(batch, error);
        return false;
      }
      useOutbox.getState().noteContact(false);
      return false;
    }
  }
}
