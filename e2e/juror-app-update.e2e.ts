import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoAxeViolations, launchChromium, newTabletContext } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

// The service worker (decision 020): every juror screen opens offline after one visit of any of
// them, and a new version of the app waits for the juror's tap instead of reloading by itself.
// The server serves a copy of the built app, so the test can publish a "new version" of it.

const builtWeb = fileURLToPath(new URL('../apps/web/dist/', import.meta.url));
const PIN = '5937';
let webRoot: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'palmares-web-'));
  cpSync(builtWeb, webRoot, { recursive: true });
  [server, browser] = await Promise.all([startServer({ demo: true, env: { WEB_ROOT: webRoot } }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop().catch(() => undefined);
  rmSync(webRoot, { recursive: true, force: true });
});

async function bind(page: Page) {
  await page.goto(`${server.url}/j/demo-juror-3`);
  for (const digit of PIN) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel('Confirmez le code PIN').fill(PIN);
  await page.getByRole('button', { name: 'Enregistrer le code PIN' }).click();
  await page.waitForURL((url) => url.pathname === '/juror');
  await page.locator('.entrant-list').first().waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('a new version waits for the juror, and every juror screen opens offline after visiting only the home', async () => {
  const context = await newTabletContext(browser);
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await bind(page);
  const scorecardHref = await page.locator('.entrant-list a[href^="/juror/entrants/"]').first().getAttribute('href');
  expect(scorecardHref).toBeTruthy();

  // A new version is published: the tablet finds it and says so, without reloading by itself.
  appendFileSync(join(webRoot, 'sw.js'), '\n// a new release\n');
  await page.evaluate(() => {
    (window as unknown as { beforeUpdate: boolean }).beforeUpdate = true;
  });
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const prompt = page.getByRole('status').filter({ hasText: 'Une nouvelle version de l’application est prête' });
  await prompt.waitFor();
  await expectNoAxeViolations(page, 'juror home with the update prompt');
  await page.screenshot({ path: '.tmp/shots/juror-update-prompt-fr-1024x768.png' });
  expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)).toBe(true);

  // The juror's tap installs it: the page reloads once, under the new version, and the prompt is gone.
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Mettre à jour' }).click()]);
  await page.locator('.entrant-list').first().waitFor();
  expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)).toBeUndefined();
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
  expect(await prompt.count()).toBe(0);

  // The server goes away for real; a scorecard this tablet never opened still opens, from the cache.
  await server.stop();
  await page.goto(`${server.url}${scorecardHref}`);
  await page.locator('.criterion__levels').first().waitFor();
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
  await page.screenshot({ path: '.tmp/shots/juror-offline-unvisited-scorecard-fr-1024x768.png' });
  await context.close();
});
