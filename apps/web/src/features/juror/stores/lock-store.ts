import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { DEFAULT_IDLE_MS } from '../lib/idle-lock';
import type { OfflinePinRecord } from '../lib/pin-hash';

interface LockState {
  /** The offline PIN record of this tablet's binding. */
  pin: { bindingId: number; record: OfflinePinRecord } | null;
  locked: boolean;
  /** Wrong PINs typed offline in a row; at the limit only the server can unlock. */
  offlineFailures: number;
  /** The end of the offline pause after every PIN_POLICY.attemptsPerWindow wrong PINs (ms since the epoch). */
  offlinePausedUntil: number | null;
  idleMs: number;
  lastActivity: number;
  setPin: (bindingId: number, record: OfflinePinRecord) => void;
  lock: () => void;
  unlock: () => void;
  failOffline: () => void;
  pauseOffline: (until: number) => void;
  setIdleMs: (ms: number) => void;
  touch: (now: number) => void;
  forget: () => void;
}

/**
 * The PIN lock: kept in localStorage (read synchronously at start), so a reload never shows a
 * locked tablet's scorecards, and a tab reopened after the idle time opens locked.
 */
export const useLock = create<LockState>()(
  persist(
    (set) => ({
      pin: null,
      locked: false,
      offlineFailures: 0,
      offlinePausedUntil: null,
      idleMs: DEFAULT_IDLE_MS,
      lastActivity: Date.now(),
      setPin: (bindingId, record) =>
        set({ pin: { bindingId, record }, locked: false, offlineFailures: 0, offlinePausedUntil: null, lastActivity: Date.now() }),
      lock: () => set({ locked: true }),
      unlock: () => set({ locked: false, offlineFailures: 0, offlinePausedUntil: null, lastActivity: Date.now() }),
      failOffline: () => set((s) => ({ offlineFailures: s.offlineFailures + 1 })),
      pauseOffline: (offlinePausedUntil) => set({ offlinePausedUntil }),
      setIdleMs: (idleMs) => set({ idleMs }),
      touch: (lastActivity) => set({ lastActivity }),
      forget: () => set({ pin: null, locked: false, offlineFailures: 0, offlinePausedUntil: null }),
    }),
    { name: 'palmares.juror.lock', version: 1, storage: createJSONStorage(() => localStorage) },
  ),
);
