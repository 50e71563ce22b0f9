import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoAxeViolations, launchChromium, TABLET_LANDSCAPE, TABLET_PORTRAIT } from './support/browser.js';
import { FIXTURE_ENV, openRoundOne, scoredRoundOne, type ScoredRoundOne } from './support/competition-fixture.js';
import { startServer, type RunningServer } from './support/server.js';
import { bindJurorTablet } from './support/tablet.js';

/**
 * Issue 14 point 6: the PIN lockout tells the truth. The lock screen counts the tries left before
 * the 5-minute pause, counts the pause down, warns before the try that blocks the tablet for good,
 * and the offline check (the server unreachable) shows the same counts.
 */

let server: RunningServer;
let browser: Browser;
let fixture: ScoredRoundOne;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: false, env: FIXTURE_ENV }), launchChromium()]);
  fixture = await scoredRoundOne(server.url, { roundOne: false });
  await openRoundOne(server.url, fixture);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: `.tmp/shots/${name}.png`, fullPage: true });
const tabletContext = (viewport = TABLET_LANDSCAPE) => browser.newContext({ viewport, locale: 'fr-FR', hasTouch: true, serviceWorkers: 'block' });

/**
 * Five minutes pass for the server's PIN window: the tries of the window are forgotten (the
 * count in a row, which leads to the block, is kept). The server's clock cannot be moved, so its
 * window rows are removed, as they would fall out of the window.
 */
function serverWindowPasses(jurorId: number) {
  const requireFromServer = createRequire(new URL('../apps/server/package.json', import.meta.url));
  const Database = requireFromServer('better-sqlite3') as new (path: string) => { prepare(sql: string): { run(...p: unknown[]): unknown }; close(): void };
  const db = new Database(server.dbPath);
  try {
    db.prepare('DELETE FROM pin_failures WHERE binding_id IN (SELECT id FROM device_bindings WHERE juror_id = ?)').run(jurorId);
  } finally {
    db.close();
  }
}

async function lockNow(page: Page) {
  await page.getByRole('button', { name: /Verrouiller/ }).click();
  await page.getByRole('heading', { name: /Tablette verrouillée/ }).waitFor();
}
async function typeWrong(page: Page, pin = '0000') {
  await page.getByLabel('Code PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
}
const verdict = (page: Page) => page.locator('.pin-verdict');
const verdictSays = (page: Page, text: string) => verdict(page).filter({ hasText: text }).waitFor();

test('the lock screen counts the tries, counts the pause down, and warns before the try that blocks the tablet', { timeout: 300_000 }, async () => {
  const chadia = fixture.jurors[2];
  if (!chadia) throw new Error('no juror');
  const context = await tabletContext();
  const page = await bindJurorTablet(context, server.url, chadia.invitePath);
  // The tablet's clock runs as usual, and can be moved on by five minutes when the pause is over.
  await page.clock.install();
  await page.reload();
  await page.locator('.entrant-list').first().waitFor();
  // Scrolled down the home, then locked: the lock screen opens at its top.
  await page.mouse.wheel(0, 600);
  await lockNow(page);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);

  await typeWrong(page);
  await verdictSays(page, 'Code PIN incorrect. Encore 4 essais avant une pause de 5 minutes.');
  await typeWrong(page);
  await typeWrong(page);
  await verdictSays(page, 'Code PIN incorrect. Encore 2 essais avant une pause de 5 minutes.');
  await typeWrong(page);
  // One left: the singular, never "1 essais".
  await verdictSays(page, 'Code PIN incorrect. Encore 1 essai avant une pause de 5 minutes.');

  // The fifth: the pause, counting down, the keys inert, and what comes after it.
  await typeWrong(page);
  await verdictSays(page, 'Trop de codes erronés : une pause avant le prochain essai.');
  await verdictSays(page, 'Après la pause, 5 codes erronés de plus bloqueront cette tablette jusqu’à sa réinitialisation par l’organisation.');
  const timer = page.getByRole('timer');
  const first = await timer.textContent();
  expect(first).toMatch(/^[45]:\d\d$/);
  await expect.poll(() => timer.textContent()).not.toBe(first);
  expect(await page.getByRole('button', { name: 'Déverrouiller' }).isDisabled()).toBe(true);
  expect(await page.getByLabel('Code PIN', { exact: true }).isDisabled()).toBe(true);
  await shot(page, 'lock-pause-fr-1024x768');
  await expectNoAxeViolations(page, 'lock screen, pause (fr)');

  // Five minutes later, on the tablet and at the server: tries again, counted on towards the block.
  serverWindowPasses(chadia.id);
  await page.clock.fastForward('05:01');
  await expect.poll(() => timer.count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Déverrouiller' }).isDisabled()).toBe(false);
  await typeWrong(page);
  await verdictSays(page, 'Code PIN incorrect. Encore 4 essais avant une pause de 5 minutes.');
  await typeWrong(page);
  await typeWrong(page);
  await verdictSays(page, 'Code PIN incorrect. Encore 2 essais avant une pause de 5 minutes.');
  await typeWrong(page);
  // The ninth in a row: the next one blocks the tablet, and the screen says so first.
  await verdictSays(page, 'Code PIN incorrect. Attention : le prochain code erroné bloque cette tablette jusqu’à ce que l’organisation la réinitialise.');
  await shot(page, 'lock-last-try-fr-1024x768');
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.locator('.pin-verdict').filter({ hasText: 'انتبه: الرمز الخاطئ التالي يحظر هذه اللوحة' }).waitFor();
  await shot(page, 'lock-last-try-ar-1024x768');
  await expectNoAxeViolations(page, 'lock screen, last try (ar)');
  await page.getByRole('button', { name: 'Français' }).click();

  // The tenth: blocked until the organiser resets it; the tablet says so and waits for the reset.
  await typeWrong(page);
  await page.getByRole('heading', { level: 1, name: 'Tablette bloquée' }).waitFor();
  await page.getByText('Cet écran change de lui-même dès que l’organisation a réinitialisé la tablette.').waitFor();
  await shot(page, 'lock-blocked-fr-1024x768');
  await context.close();
});

test('offline, the tablet checks the PIN itself and shows the same counts', { timeout: 300_000 }, async () => {
  const bruno = fixture.jurors[1];
  if (!bruno) throw new Error('no juror');
  const context: BrowserContext = await tabletContext(TABLET_PORTRAIT);
  const page = await bindJurorTablet(context, server.url, bruno.invitePath);
  await lockNow(page);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  await typeWrong(page);
  await verdictSays(page, 'Code PIN incorrect. Encore 4 essais avant une pause de 5 minutes.');
  await verdictSays(page, 'Vérifié sur cette tablette (hors ligne)');
  for (let i = 0; i < 3; i++) await typeWrong(page);
  await verdictSays(page, 'Code PIN incorrect. Encore 1 essai avant une pause de 5 minutes.');
  await typeWrong(page);
  await verdictSays(page, 'Trop de codes erronés : une pause avant le prochain essai.');
  await page.getByRole('timer').waitFor();
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.locator('.pin-verdict').filter({ hasText: 'دون اتصال' }).waitFor();
  await shot(page, 'lock-offline-pause-ar-768x1024');
  await expectNoAxeViolations(page, 'lock screen, offline pause (ar)');
  await context.close();
});
