import type { NowPitchingEvent, RoundClosingEvent } from '@palmares/contract';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { loadSchemas } from '../../../lib/load-schemas';
import { syncNow } from '../lib/sync-loop';
import { useOutbox } from '../stores/outbox-store';
import { jurorStateQueryKey, type JurorStateResult } from './get-state';

const RETRY_MS = 10_000;

function moveCursor(queryClient: QueryClient, { roundId, entrantId }: NowPitchingEvent) {
  queryClient.setQueryData<JurorStateResult>(jurorStateQueryKey, (old) => {
    if (old?.kind !== 'ok' || old.state.round?.id !== roundId) return old;
    const round = { ...old.state.round, nowPitchingEntrantId: entrantId, nowPitchingSince: new Date().toISOString() };
    return { ...old, state: { ...old.state, round } };
  });
}

/** The organiser announced the close: the tablet's copy of the round counts down to it. */
function announceClosing(queryClient: QueryClient, { roundId, closesAt }: RoundClosingEvent) {
  queryClient.setQueryData<JurorStateResult>(jurorStateQueryKey, (old) => {
    if (old?.kind !== 'ok' || old.state.round?.id !== roundId) return old;
    return { ...old, state: { ...old.state, round: { ...old.state.round, closesAt } } };
  });
}

/**
 * Follows the now-pitching cursor (SSE on /api/juror/live) into the cached state, and the
 * juror's scorecards changed from elsewhere (their other tablet, the chair: `scorecard`), the
 * organiser's announcement of the close (`round-closing`) and the close itself (`round-closed`:
 * the state is read again, so drafts left unsubmitted say they did not count). EventSource
 * reconnects by itself after a network error; after a refusal (it then closes) we try again later.
 */
export function useLiveCursor(enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let opened = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      source = new EventSource('/api/juror/live');
      source.addEventListener('open', () => {
        // The stream is back, so is the server: what waits on the tablet goes now, not at the next retry.
        useOutbox.getState().noteContact(true);
        syncNow();
        // Scorecard changes made elsewhere while the stream was down were not heard: read them.
        if (opened) void queryClient.invalidateQueries({ queryKey: jurorStateQueryKey });
        opened = true;
      });
      source.addEventListener('scorecard', (event) => {
        const data: unknown = JSON.parse((event as MessageEvent<string>).data);
        // Its handling loads with the first such event, beside the schemas: not before the first scorecard.
        void Promise.all([loadSchemas(), import('./scorecard-event')]).then(([{ ScorecardEventSchema }, { applyScorecardEvent }]) => {
          const parsed = ScorecardEventSchema.safeParse(data);
          if (parsed.success) applyScorecardEvent(queryClient, parsed.data);
        }, () => void queryClient.invalidateQueries({ queryKey: jurorStateQueryKey }));
      });
      source.addEventListener('now-pitching', (event) => {
        const data: unknown = JSON.parse((event as MessageEvent<string>).data);
        // Checked against the contract. Every event waits on the same loading of the schemas, so
        // they apply in the order they came; if it fails, the next read of the state catches up.
        void loadSchemas().then(({ NowPitchingEventSchema }) => {
          const parsed = NowPitchingEventSchema.safeParse(data);
          if (parsed.success) moveCursor(queryClient, parsed.data);
        }, () => undefined);
      });
      source.addEventListener('round-closing', (event) => {
        const data: unknown = JSON.parse((event as MessageEvent<string>).data);
        void loadSchemas().then(({ RoundClosingEventSchema }) => {
          const parsed = RoundClosingEventSchema.safeParse(data);
          if (parsed.success) announceClosing(queryClient, parsed.data);
        }, () => undefined);
      });
      source.addEventListener('round-closed', () => void queryClient.invalidateQueries({ queryKey: jurorStateQueryKey }));
      source.addEventListener('error', () => {
        if (source?.readyState !== EventSource.CLOSED) return;
        retry = setTimeout(connect, RETRY_MS);
      });
    };
    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [enabled, queryClient]);
}
