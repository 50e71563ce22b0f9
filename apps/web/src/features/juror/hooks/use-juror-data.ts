import type { JurorEntrant, JurorState } from '@palmares/contract';
import { useMemo } from 'react';
import { useJurorState } from '../api/get-state';
import { overlayScorecard, type OverlaidScorecard, type OutboxEntry } from '../lib/outbox-logic';
import { displayedState } from '../lib/scorecard-math';
import { useOutbox } from '../stores/outbox-store';

export interface EntrantView {
  entrant: JurorEntrant;
  card: OverlaidScorecard;
  state: JurorEntrant['state'];
}

/** The state the shell has loaded; only rendered below the shell once it is there. */
export function useLoadedState(): { state: JurorState; receivedAt: number; fromCache: boolean } {
  const { data } = useJurorState();
  if (data?.kind !== 'ok') throw new Error('useLoadedState outside a loaded juror shell');
  return data;
}

/** This juror's entries in the outbox (a tablet re-bound to someone else keeps theirs apart). */
export function useJurorEntries(jurorId: number): OutboxEntry[] {
  const entries = useOutbox((s) => s.entries);
  return useMemo(() => entries.filter((e) => e.jurorId === jurorId), [entries, jurorId]);
}

/** Every entrant as the juror sees it: the server's state with the tablet's changes of this round on top. */
export function useEntrantViews(): { state: JurorState; views: EntrantView[]; entries: OutboxEntry[] } {
  const { state } = useLoadedState();
  const entries = useJurorEntries(state.juror.id);
  const acked = useOutbox((s) => s.acked);
  const roundId = state.round?.id ?? null;
  const views = useMemo(
    () =>
      state.entrants.map((entrant) => {
        // Without a round there is no scorecard: only the server's state (none) shows.
        const card = roundId === null ? overlayScorecard(-1, entrant, {}, []) : overlayScorecard(roundId, entrant, acked, entries);
        return { entrant, card, state: displayedState(entrant.state, card) };
      }),
    [state.entrants, roundId, acked, entries],
  );
  return { state, views, entries };
}
