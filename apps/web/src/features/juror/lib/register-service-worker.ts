/**
 * Registers the service worker that keeps the app shell for offline reloads (apps/web/public/
 * sw.js, served from the site root). Only in production builds: in development Vite serves
 * modules that a cache would only get in the way of.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
    // No offline shell (private mode, insecure context); the app itself works the same online.
  });
}
