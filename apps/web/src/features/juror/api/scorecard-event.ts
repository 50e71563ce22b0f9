import type { ScorecardEvent } from '@palmares/contract';
import type { QueryClient } from '@tanstack/react-query';
import { conflictsWith, describeChange, isNews, mergeScorecard } from '../lib/remote-change';
import { useOutbox } from '../stores/outbox-store';
import { useRemoteChanges } from '../stores/remote-change-store';
import { jurorStateQueryKey, rememberState, type JurorStateResult } from './get-state';

/**
 * A scorecard changed on the server from elsewhere (issue 14 point 2): the tablet's copy of the
 * state takes it (kept for offline too), the scorecard says what changed, and a change of this
 * tablet not yet sent that now collides becomes a conflict for the juror to resolve.
 */
export function applyScorecardEvent(queryClient: QueryClient, event: ScorecardEvent): void {
  const old = queryClient.getQueryData<JurorStateResult>(jurorStateQueryKey);
  if (old?.kind !== 'ok' || old.state.round?.id !== event.roundId) return;
  const before = old.state.entrants.find((e) => e.id === event.entrantId);
  if (!before) return;
  const after = { ...before, state: event.state, scorecard: mergeScorecard(before.scorecard, event.scorecard) };
  const outbox = useOutbox.getState();
  const change = describeChange(event, before, after, outbox.acked);
  const state = { ...old.state, entrants: old.state.entrants.map((e) => (e.id === after.id ? after : e)) };
  outbox.conflicted(conflictsWith(outbox.entries, event.roundId, after), event.by === 'chair' ? 'Corrected by the jury chair' : 'Changed on another tablet');
  outbox.serverState(state);
  const next: JurorStateResult = { ...old, state };
  queryClient.setQueryData(jurorStateQueryKey, next);
  rememberState(state, old.receivedAt);
  if (isNews(change)) useRemoteChanges.getState().heard(change);
}
