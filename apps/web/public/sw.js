/* Palmares service worker: the app shell for offline reloads of the juror's tablet.
   - navigations: network first (with a short timeout), else the cached index.html;
   - /assets/* (hashed, immutable): cache first, cached on first fetch;
   - /api/*: never cached, never answered from here.
   On install it fetches "/" and caches index.html and every /assets/ file it links, so the first
   visit is enough for an offline reload. */
/* global self, caches */

const VERSION = 'palmares-shell-v1';
const INDEX = '/index.html';
const NAVIGATION_TIMEOUT_MS = 4000;

const assetsIn = (html) => {
  const found = new Set();
  for (const match of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) found.add(match[1]);
  return [...found];
};

async function cacheShell() {
  const cache = await caches.open(VERSION);
  const response = await fetch('/', { cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(INDEX, response);
  await Promise.all(
    assetsIn(html).map(async (path) => {
      if (await cache.match(path)) return;
      const asset = await fetch(path, { credentials: 'same-origin' });
      if (asset.ok) await cache.put(path, asset);
    }),
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().catch(() => undefined).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

async function navigate(request) {
  const cache = await caches.open(VERSION);
  try {
    const response = await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS);
    // Keep the newest shell (and the assets it names) for the next offline reload.
    if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) {
      const html = await response.clone().text();
      await cache.put(INDEX, response.clone());
      for (const path of assetsIn(html)) {
        if (!(await cache.match(path))) {
          fetch(path, { credentials: 'same-origin' })
            .then((asset) => (asset.ok ? cache.put(path, asset) : undefined))
            .catch(() => undefined);
        }
      }
    }
    return response;
  } catch {
    const cached = await cache.match(INDEX);
    return cached || new Response('Offline', { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
}

async function asset(request) {
  const cache = await caches.open(VERSION);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') event.respondWith(navigate(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
});
