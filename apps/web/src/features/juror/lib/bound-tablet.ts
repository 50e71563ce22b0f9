const KEY = 'palmares.juror.bound';

/**
 * Whether this browser is a juror's tablet, as it last learnt from the server (the binding's
 * cookie is not readable by the page): the front door (`/`) opens the juror's home on it, online
 * and offline (issue 14 point 11). Only a hint for the route: the server still decides.
 */
export function isBoundTablet(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function noteBoundTablet(bound: boolean): void {
  try {
    if (bound) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): `/` then opens the organiser's side, one link from the juror's.
  }
}
