import { create } from 'zustand';
import type { RemoteChange } from '../lib/remote-change';

/** The key of one scorecard (round, entrant): `3:12`. */
export const scorecardKey = (roundId: number, entrantId: number) => `${roundId}:${entrantId}`;

interface RemoteChangeState {
  /** The last change made elsewhere, per scorecard (round, entrant), until the juror leaves it. */
  byScorecard: Record<string, RemoteChange>;
  heard: (change: RemoteChange) => void;
  seen: (roundId: number, entrantId: number) => void;
}

/** What the scorecard says changed from elsewhere ("Changed on your other tablet: …"); not stored. */
export const useRemoteChanges = create<RemoteChangeState>()((set) => ({
  byScorecard: {},
  heard: (change) => set((s) => ({ byScorecard: { ...s.byScorecard, [scorecardKey(change.roundId, change.entrantId)]: change } })),
  seen: (roundId, entrantId) =>
    set((s) => {
      const key = scorecardKey(roundId, entrantId);
      if (!(key in s.byScorecard)) return {};
      const { [key]: _gone, ...rest } = s.byScorecard;
      return { byScorecard: rest };
    }),
}));
