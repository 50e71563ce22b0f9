import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { withoutIdleTime } from '../lib/idle-lock';
import type { OfflinePinRecord } from '../lib/pin-hash';

interface LockState {
  /** The offline PIN record of this tablet's binding. */
  pin: { bindingId: number; record: OfflinePinRecord } | null;
  locked: boolean;
  /** Wrong PINs typed offline in a row; at the limit only the server can unlock. */
  offlineFailures: number;
  /** The end of the offline pause after every PIN_POLICY.attemptsPerWindow wrong PINs (ms since the epoch). */
  offlinePausedUntil: number | null;
  lastActivity: number;
  setPin: (bindingId: number, record: OfflinePinRecord) => void;
  lock: () => void;
  unlock: () => void;
  failOffline: () => void;
  pauseOffline: (until: number) => void;
  touch: (now: number) => void;
  forget: () => void;
}

/**
 * The PIN lock: kept in localStorage (read synchronously at start), so a reload never shows a
 * locked tablet's scorecards, and a tab reopened after the idle time opens locked. The idle time
 * itself is not kept here: it is the competition's setting, read with the juror's state.
 */
export const useLock = create<LockState>()(
  persist(
    (set) => ({
      pin: null,
      locked: false,
      offlineFailures: 0,
      offlinePausedUntil: null,
      lastActivity: Date.now(),
      setPin: (bindingId, record) =>
        set({ pin: { bindingId, record }, locked: false, offlineFailures: 0, offlinePausedUntil: null, lastActivity: Date.now() }),
      lock: () => set({ locked: true }),
      unlock: () => set({ locked: false, offlineFailures: 0, offlinePausedUntil: null, lastActivity: Date.now() }),
      failOffline: () => set((s) => ({ offlineFailures: s.offlineFailures + 1 })),
      pauseOffline: (offlinePausedUntil) => set({ offlinePausedUntil }),
      touch: (lastActivity) => set({ lastActivity }),
      forget: () => set({ pin: null, locked: false, offlineFailures: 0, offlinePausedUntil: null }),
    }),
    {
      name: 'palmares.juror.lock',
      // Version 2: the idle time left the tablet's storage (an address's `?idle=` once landed there).
      version: 2,
      storage: createJSONStorage(() => localStorage),
      migrate: (stored) => withoutIdleTime(stored) as Partial<LockState>,
    },
  ),
);

