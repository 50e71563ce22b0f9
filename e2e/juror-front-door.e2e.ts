import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { expectNoAxeViolations, launchChromium, newTabletContext, TABLET_PORTRAIT } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { bindJurorTablet } from './support/tablet.js';

/**
 * Issue 14, point 11: the tablet's front door. On a bound tablet `/` opens the juror's home,
 * online and with the server stopped (the service worker serves the app, the tablet its copy of
 * the state); the organiser's sign-in is one link away. The home lists the startups in pitch order
 * (the default once it is drawn) or under their axes, and the tablet remembers the choice.
 */

let server: RunningServer;
let browser: Browser;
let stopped = false;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  if (!stopped) await server?.stop();
});

test('on a bound tablet / opens the juror home, online and offline, in the order the juror chose; the organiser sign-in is a link away', { timeout: 300_000 }, async () => {
  const context = await newTabletContext(browser);
  const page = await bindJurorTablet(context, server.url, '/j/demo-juror-4');
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  onTestFailed(async () => {
    console.error('page errors:', pageErrors);
    await page.screenshot({ path: '.tmp/shots/front-door-failure.png', fullPage: true }).catch(() => undefined);
  });
  // The service worker controls the page before anything is cut (STACK.md, trap 11).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });

  // The demo's final has its pitch order drawn: the home follows it, each startup with its axis.
  const pitchOrder = page.getByRole('button', { name: 'Ordre de passage' });
  const byAxis = page.getByRole('button', { name: 'Par axe' });
  expect(await pitchOrder.getAttribute('aria-pressed')).toBe('true');
  await page.getByRole('heading', { level: 2, name: 'Dans l’ordre de passage' }).waitFor();
  const numbers = (await page.locator('.entrant-row__number').allTextContents()).map((n) => Number(n.replace(/\D/g, '')));
  expect(numbers.length).toBeGreaterThan(1);
  expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
  expect(await page.locator('.juror-pitch-order .juror-axis').count()).toBe(numbers.length);
  await expectNoAxeViolations(page, 'juror home in pitch order (fr)');
  await page.screenshot({ path: '.tmp/shots/home-pitch-order-1024x768-fr.png', fullPage: true });

  await byAxis.click();
  await expect.poll(() => page.locator('.juror-axis-section').count()).toBeGreaterThan(1);
  expect(await page.getByRole('heading', { level: 2, name: 'Dans l’ordre de passage' }).count()).toBe(0);
  expect(await byAxis.getAttribute('aria-pressed')).toBe('true');
  await page.screenshot({ path: '.tmp/shots/home-by-axis-1024x768-fr.png', fullPage: true });

  // The front door, online: the juror's home, still by axis (remembered on the tablet).
  await page.goto(`${server.url}/`);
  await page.waitForURL((url) => url.pathname === '/juror');
  await page.getByRole('heading', { level: 1, name: 'Mes startups' }).waitFor();
  expect(await page.getByRole('button', { name: 'Par axe' }).getAttribute('aria-pressed')).toBe('true');

  // The organiser's sign-in is one link away.
  await page.getByRole('link', { name: 'Connexion de l’organisation' }).click();
  await page.getByRole('heading', { level: 1, name: 'Connexion organisateur' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/login');

  // The server stops: the front door still opens the juror's home, from the tablet's copy.
  await server.stop();
  stopped = true;
  await page.goto(`${server.url}/`);
  await page.waitForURL((url) => url.pathname === '/juror');
  await page.getByRole('heading', { level: 1, name: 'Mes startups' }).waitFor();
  await page.getByText(/Serveur injoignable : affichage de la copie enregistrée sur la tablette/).waitFor();
  await expect.poll(() => page.locator('.juror-axis-section').count()).toBeGreaterThan(1);
  await expectNoAxeViolations(page, 'front door offline (fr)');
  await page.screenshot({ path: '.tmp/shots/front-door-offline-1024x768-fr.png', fullPage: true });

  // Arabic, portrait, still offline: its catalogs come from the service worker's cache.
  await page.setViewportSize(TABLET_PORTRAIT);
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await page.getByRole('heading', { level: 1, name: 'شركاتي الناشئة' }).waitFor();
  await page.getByRole('button', { name: 'ترتيب العروض' }).click();
  await page.getByRole('heading', { level: 2, name: 'بترتيب العروض' }).waitFor();
  await expectNoAxeViolations(page, 'front door offline (ar)');
  await page.screenshot({ path: '.tmp/shots/front-door-offline-768x1024-ar.png', fullPage: true });

  expect(pageErrors).toEqual([]);
  await context.close();
});
