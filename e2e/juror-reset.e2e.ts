import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoAxeViolations, launchChromium, TABLET_LANDSCAPE, TABLET_PORTRAIT } from './support/browser.js';
import { FIXTURE_ENV, openRoundOne, ORGANISER, scoredRoundOne, type ScoredRoundOne } from './support/competition-fixture.js';
import { startServer, type RunningServer } from './support/server.js';
import { bindJurorTablet, TABLET_PIN } from './support/tablet.js';

/**
 * Issue 14 point 7: the organiser's reset unlocks the blocked tablet and nothing else. The juror's
 * other tablet keeps its PIN; the blocked one notices the reset by itself and offers a new PIN;
 * the jury page counts the juror's tablets and how many are blocked.
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

/** Five minutes pass for the server's PIN window (its clock cannot be moved: the window's rows go). */
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
async function unlockWith(page: Page, pin: string) {
  await page.getByLabel('Code PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
}

test('the reset unblocks the blocked tablet only: it notices by itself and sets a new PIN, the other keeps its own', { timeout: 300_000 }, async () => {
  const amina = fixture.jurors[0];
  if (!amina) throw new Error('no juror');
  const healthyContext = await tabletContext();
  const healthy = await bindJurorTablet(healthyContext, server.url, amina.invitePath);
  const blockedContext = await tabletContext(TABLET_PORTRAIT);
  const blocked = await bindJurorTablet(blockedContext, server.url, amina.invitePath);

  // The second tablet is blocked: ten wrong PINs in a row (a pause after the fifth).
  await lockNow(blocked);
  for (let i = 0; i < 5; i++) await unlockWith(blocked, '0000');
  await blocked.getByRole('timer').waitFor();
  serverWindowPasses(amina.id);
  // The tablet's own countdown is not waited out either: a reload opens the lock again, ready.
  await blocked.reload();
  await blocked.getByRole('heading', { name: /Tablette verrouillée/ }).waitFor();
  for (let i = 0; i < 5; i++) await unlockWith(blocked, '0000');
  await blocked.getByRole('heading', { level: 1, name: 'Tablette bloquée' }).waitFor();

  // The organiser sees the juror's two tablets, one of them blocked, and unblocks.
  const laptop = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
  const org = await laptop.newPage();
  const path = `/competitions/${fixture.competitionId}/jurors`;
  await org.goto(`${server.url}${path}`);
  await org.waitForURL(/\/login/);
  await org.getByLabel('Adresse e-mail').fill(ORGANISER.email);
  await org.getByLabel('Mot de passe').fill(ORGANISER.password);
  await org.getByRole('button', { name: 'Se connecter' }).click();
  await org.waitForURL((url) => url.pathname !== '/login');
  if (new URL(org.url()).pathname !== path) await org.goto(`${server.url}${path}`);
  const row = org.getByRole('row', { name: new RegExp(amina.name) });
  await row.getByText('2 tablettes liées, 1 bloquée (code PIN)').waitFor();
  await shot(org, 'jury-one-blocked-fr-1440x900');
  await expectNoAxeViolations(org, 'jury page, one tablet blocked (fr)');
  await row.getByRole('button', { name: 'Débloquer' }).click();
  const dialog = org.getByRole('dialog', { name: `Débloquer les tablettes de ${amina.name} ?` });
  await dialog.getByRole('button', { name: 'Débloquer' }).click();
  // Both tablets still bound, none blocked.
  await expect.poll(() => row.textContent()).toMatch(/2 tablettes liées(?!, 1 bloquée)/);

  // The blocked tablet notices the reset by itself (no reload, no tap) and offers a new PIN.
  await blocked.getByRole('heading', { level: 1, name: 'Choisissez un nouveau code PIN' }).waitFor({ timeout: 30_000 });
  await blocked.getByText('L’organisation a réinitialisé cette tablette : choisissez un nouveau code PIN.').waitFor();
  await shot(blocked, 'reset-new-pin-fr-768x1024');
  await expectNoAxeViolations(blocked, 'new PIN after the reset (fr)');
  await blocked.getByLabel('Nouveau code PIN', { exact: true }).fill('1357');
  await blocked.getByRole('button', { name: 'Continuer' }).click();
  await blocked.getByLabel('Confirmez le code PIN').fill('1357');
  await blocked.getByRole('button', { name: 'Enregistrer le code PIN' }).click();
  await blocked.locator('.entrant-list').first().waitFor();

  // The healthy tablet was never touched: its PIN still unlocks it, the new one does not.
  await lockNow(healthy);
  await unlockWith(healthy, '1357');
  await healthy.locator('.pin-verdict').filter({ hasText: 'Code PIN incorrect.' }).waitFor();
  await unlockWith(healthy, TABLET_PIN);
  await healthy.locator('.entrant-list').first().waitFor();
  expect(await healthy.getByRole('heading', { name: /nouveau code PIN/ }).count()).toBe(0);

  // In Arabic, the jury page after the reset.
  await org.getByRole('button', { name: 'العربية' }).click();
  await row.getByText('جهازان مرتبطان').waitFor();
  await shot(org, 'jury-after-reset-ar-1440x900');
  for (const context of [healthyContext, blockedContext, laptop]) await context.close();
});
