import { useLayoutEffect, useRef } from 'react';

/**
 * Each scorecard opens at its top, its heading focused. Without it the browser keeps the scroll
 * of the previous card ("Next" sits at the bottom of a long one), so the next card opened with the
 * startup's name off screen, inviting a score for the wrong startup. Runs once per card: the
 * scorecard is keyed by its startup, and a re-read of the state must not move the juror.
 */
export function useScorecardArrival<T extends HTMLElement>() {
  const heading = useRef<T>(null);
  useLayoutEffect(() => {
    window.scrollTo({ top: 0, left: 0, behavior: 'instant' });
    // The shell focuses <main> after a navigation unless focus already landed inside it.
    heading.current?.focus({ preventScroll: true });
  }, []);
  return heading;
}
