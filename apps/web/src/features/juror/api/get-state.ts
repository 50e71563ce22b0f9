import type { JurorBindingStatus, JurorState } from '@palmares/contract';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, isApiError, request } from '../../../lib/api-client';
import { noteBoundTablet } from '../lib/bound-tablet';
import { idbDel, idbGet, idbSet } from '../lib/idb-storage';
import { useLock } from '../stores/lock-store';
import { useOutbox, whenOutboxLoaded } from '../stores/outbox-store';

export const jurorStateQueryKey = ['juror', 'state'] as const;
const CACHE_KEY = 'palmares.juror.state';
const LOCKED_POLL_MS = 5_000;

/** The juror's state, or why there is none; a refusal of the binding is an answer, not an error. */
export type JurorStateResult =
  | { kind: 'ok'; state: JurorState; receivedAt: number; fromCache: boolean }
  | { kind: 'unbound' }
  /**
   * Bound, but without a PIN yet (first visit, or after the organiser's reset): nothing answers
   * before it. `afterReset`: this tablet had a PIN for this binding, so the organiser reset it.
   */
  | { kind: 'needs-pin'; binding: JurorBindingStatus; afterReset: boolean }
  | { kind: 'locked' };

/** Who the tablet is bound to, whether it has its PIN, whether it is locked; answers in every case. */
export const fetchBindingStatus = () => request(api.juror.binding.$get());

interface CachedState {
  state: JurorState;
  receivedAt: number;
}

/** Keeps the tablet's copy of the state, for a reload offline. */
export function rememberState(state: JurorState, receivedAt: number): void {
  void idbSet(CACHE_KEY, { state, receivedAt } satisfies CachedState).catch(() => undefined);
}

/**
 * Reads the state from the server and keeps a copy on the tablet; when the server cannot be
 * reached, answers with that copy, so a reload offline still opens the scorecards.
 */
export async function fetchJurorState(): Promise<JurorStateResult> {
  const call = request(api.juror.state.$get());
  void call.catch(() => undefined); // handled below, once the outbox is loaded
  // What this learns goes into the outbox's store (when the server last answered): it waits until
  // the store has been read back from IndexedDB, or it would be written over the stored outbox.
  await whenOutboxLoaded();
  try {
    const state: JurorState = await call;
    const receivedAt = Date.now();
    noteBoundTablet(true);
    useOutbox.getState().noteContact(true);
    useOutbox.getState().serverState(state);
    rememberState(state, receivedAt);
    return { kind: 'ok', state, receivedAt, fromCache: false };
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED')) {
      useOutbox.getState().noteContact(true, 'UNAUTHENTICATED');
      noteBoundTablet(false);
      await idbDel(CACHE_KEY).catch(() => undefined);
      return { kind: 'unbound' };
    }
    if (isApiError(error, 'PIN_REQUIRED')) {
      useOutbox.getState().noteContact(true);
      noteBoundTablet(true);
      // No PIN on the server (first visit, or reset by the organiser): the tablet's copy of the
      // state and its offline PIN belong to a PIN that no longer exists.
      await idbDel(CACHE_KEY).catch(() => undefined);
      const binding = await fetchBindingStatus();
      const afterReset = useLock.getState().pin?.bindingId === binding.binding.id;
      useLock.getState().forget();
      return { kind: 'needs-pin', binding, afterReset };
    }
    if (isApiError(error, 'BINDING_LOCKED')) {
      useOutbox.getState().noteContact(true, 'BINDING_LOCKED');
      return { kind: 'locked' };
    }
    const unreachable = isApiError(error, 'NETWORK') || isApiError(error, 'UNEXPECTED_RESPONSE') || (isApiError(error) && error.status >= 500);
    if (!unreachable) throw error;
    useOutbox.getState().noteContact(false);
    const cached = await idbGet<CachedState>(CACHE_KEY).catch(() => undefined);
    if (cached) useOutbox.getState().serverState(cached.state);
    if (cached) return { kind: 'ok', state: cached.state, receivedAt: cached.receivedAt, fromCache: true };
    throw error;
  }
}

export const jurorStateQueryOptions = () =>
  queryOptions({
    queryKey: jurorStateQueryKey,
    queryFn: fetchJurorState,
    staleTime: 5_000,
    // A locked-out tablet asks every few seconds, so it notices the organiser's reset by itself
    // (it then answers PIN_REQUIRED and the juror sets a new PIN); otherwise the live stream and
    // the sync loop keep it fresh.
    refetchInterval: (query) => (query.state.data?.kind === 'locked' ? LOCKED_POLL_MS : 30_000),
    networkMode: 'always',
  });

export const useJurorState = () => useQuery(jurorStateQueryOptions());

/**
 * Starts reading the state before the first render instead of after it. On the juror's screens
 * the server has already asked the browser to fetch it beside the JavaScript (apps/server/src/
 * static.ts), so this takes that response as soon as the app runs. Never rejects.
 */
export function prefetchJurorState(queryClient: QueryClient): Promise<void> {
  return queryClient.prefetchQuery(jurorStateQueryOptions());
}
