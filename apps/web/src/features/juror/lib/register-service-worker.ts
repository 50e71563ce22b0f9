import { create } from 'zustand';

/** The cache of the hand-written service worker that Workbox's replaced (decision 020). */
const LEGACY_CACHE = 'palmares-shell-v1';

interface AppUpdateState {
  /** A new version is installed and waits for the juror's go-ahead. */
  waiting: ServiceWorker | null;
}

/** Whether a new version of the app waits; client state only (the service worker is the truth). */
export const useAppUpdate = create<AppUpdateState>()(() => ({ waiting: null }));

/**
 * Takes the waiting version: it activates, and the page reloads under it once it controls the page.
 * Only ever called from the juror's own tap, so a reload never interrupts a scorecard.
 */
export function applyAppUpdate(): void {
  const worker = useAppUpdate.getState().waiting;
  if (!worker) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  worker.postMessage({ type: 'SKIP_WAITING' });
}

function watch(registration: ServiceWorkerRegistration): void {
  const offer = (worker: ServiceWorker | null) => {
    // The first install has no controller yet: nothing to update from, it simply takes over.
    if (worker && navigator.serviceWorker.controller) useAppUpdate.setState({ waiting: worker });
  };
  offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer(installing);
    });
  });
}

/**
 * Registers the service worker that Workbox generates at build time (`sw.js` at the site root): it
 * precaches every file of the build with its revision, so every juror screen opens offline after
 * the first visit. A new version waits until the juror accepts it ({@link applyAppUpdate}). Only in
 * production builds: in development Vite serves modules that a cache would only get in the way of.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then((registration) => {
      watch(registration);
      // A tablet left open all day still learns of a new version.
      setInterval(() => void registration.update().catch(() => undefined), 60 * 60 * 1000);
      if ('caches' in window) void caches.delete(LEGACY_CACHE).catch(() => undefined);
    })
    .catch(() => {
      // No offline shell (private mode, insecure context); the app itself works the same online.
    });
}
