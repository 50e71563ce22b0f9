import { useEffect, useRef } from 'react';
import { shouldLock } from '../lib/idle-lock';
import { useLock } from '../stores/lock-store';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;
const SAVE_EVERY_MS = 5_000;

/**
 * Locks the tablet after `idleMs` (the competition's setting), except while the juror has the
 * scorecard of the startup on stage open. Activity is remembered across reloads, so closing the
 * tab does not reset it.
 */
export function useIdleLock(enabled: boolean, scoringOnStage: boolean, idleMs: number) {
  const lastActivity = useRef(useLock.getState().lastActivity);
  const onStage = useRef(scoringOnStage);
  const idle = useRef(idleMs);
  useEffect(() => {
    idle.current = idleMs;
  }, [idleMs]);
  useEffect(() => {
    onStage.current = scoringOnStage;
    if (scoringOnStage) lastActivity.current = Date.now();
  }, [scoringOnStage]);

  useEffect(() => {
    if (!enabled) return;
    let saved = lastActivity.current;
    const onActivity = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - saved >= SAVE_EVERY_MS) {
        saved = now;
        useLock.getState().touch(now);
      }
    };
    const check = () => {
      const { locked, lock, touch, lastActivity: stored } = useLock.getState();
      if (locked) return;
      const now = Date.now();
      // An unlock counts as activity (it is written to the store, not seen by the listeners).
      lastActivity.current = Math.max(lastActivity.current, stored);
      if (onStage.current) {
        lastActivity.current = now;
        return;
      }
      if (shouldLock({ now, lastActivity: lastActivity.current, idleMs: idle.current, scoringOnStage: onStage.current })) {
        touch(now);
        lock();
      }
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { passive: true, capture: true });
    const id = setInterval(check, 1_000);
    check();
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
      clearInterval(id);
      useLock.getState().touch(lastActivity.current);
    };
  }, [enabled]);
}
