import { useSyncExternalStore } from 'react';

const TICK_MS = 5_000;

/**
 * One clock for every screen of the tablet: each "synced 12 s ago" reads the same `now`, so two
 * indicators never disagree (each had its own timer before: issue 14 point 12). It ticks only
 * while something shows it.
 */
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0 || timer === undefined) return;
    clearInterval(timer);
    timer = undefined;
  };
}

/** The shared clock's time, refreshed every 5 s, for "synced 12 s ago". */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
