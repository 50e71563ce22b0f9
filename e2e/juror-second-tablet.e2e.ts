import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoAxeViolations, launchChromium, newTabletContext, TABLET_LANDSCAPE, TABLET_PORTRAIT } from './support/browser.js';
import { FIXTURE_ENV, openRoundOne, ORGANISER, scoredRoundOne, type ScoredRoundOne } from './support/competition-fixture.js';
import { startServer, type RunningServer } from './support/server.js';
import { bindJurorTablet, TABLET_PIN } from './support/tablet.js';

/**
 * Issue 14 point 8 (and issue 17 point 11): a juror's invitation link binds a second tablet only
 * with the juror's PIN, checked by the server; the organiser's jury page then counts 2 tablets;
 * the chair's link on another device opens no deliberation without the chair's PIN.
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

async function signInOrganiser(page: Page, path: string) {
  await page.goto(`${server.url}${path}`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Adresse e-mail').fill(ORGANISER.email);
  await page.getByLabel('Mot de passe').fill(ORGANISER.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  if (new URL(page.url()).pathname !== path) await page.goto(`${server.url}${path}`);
}

test("a second tablet is bound only with the juror's PIN, and the jury page counts 2 tablets", { timeout: 300_000 }, async () => {
  const bruno = fixture.jurors[1];
  if (!bruno) throw new Error('no juror');
  const first = await newTabletContext(browser, TABLET_LANDSCAPE);
  await bindJurorTablet(first, server.url, bruno.invitePath);

  // The same link on another tablet: no home, no name, only the juror's PIN.
  const second = await newTabletContext(browser, TABLET_LANDSCAPE);
  second.setDefaultTimeout(60_000);
  const b = await second.newPage();
  await b.goto(`${server.url}${bruno.invitePath}`);
  await b.getByRole('heading', { level: 1, name: 'Ce juré a déjà une tablette' }).waitFor();
  expect(await b.getByText(bruno.name).count()).toBe(0);
  expect(await b.locator('.entrant-list').count()).toBe(0);
  // Its device cookie was never set: the juror's state is refused to it.
  expect((await b.request.get(`${server.url}/api/juror/state`)).status()).toBe(401);

  // A wrong PIN is refused by the server, which says how many tries are left before the pause.
  await b.getByLabel('Votre code PIN', { exact: true }).fill('0000');
  await b.getByRole('button', { name: 'Lier cette tablette' }).click();
  await b.getByRole('alert').filter({ hasText: 'Code PIN incorrect. Encore 4 essais avant une pause de 5 minutes.' }).waitFor();
  expect(new URL(b.url()).pathname).toBe(bruno.invitePath);
  await shot(b, 'second-tablet-wrong-pin-fr-1024x768');
  await expectNoAxeViolations(b, 'second tablet, wrong PIN (fr)');

  // The juror's PIN binds it: the home opens, and this tablet unlocks with that same PIN.
  await b.getByLabel('Votre code PIN', { exact: true }).fill(TABLET_PIN);
  await b.getByRole('button', { name: 'Lier cette tablette' }).click();
  await b.waitForURL((url) => url.pathname === '/juror');
  await b.locator('.entrant-list').first().waitFor();
  await b.getByRole('button', { name: /Verrouiller/ }).click();
  await b.getByRole('heading', { name: /Tablette verrouillée/ }).waitFor();
  await b.getByLabel('Code PIN').fill(TABLET_PIN);
  await b.getByRole('button', { name: 'Déverrouiller' }).click();
  await b.locator('.entrant-list').first().waitFor();

  // The organiser's jury page counts both tablets.
  const laptop = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
  const org = await laptop.newPage();
  await signInOrganiser(org, `/competitions/${fixture.competitionId}/jurors`);
  const row = org.getByRole('row', { name: new RegExp(bruno.name) });
  await row.getByText('2 tablettes liées').waitFor();
  await shot(org, 'jury-two-tablets-fr-1440x900');

  // In Arabic, portrait: the same PIN step on a third tablet (the right PIN above forgave the wrong one).
  const third = await newTabletContext(browser, TABLET_PORTRAIT);
  third.setDefaultTimeout(60_000);
  const c = await third.newPage();
  await c.goto(`${server.url}${bruno.invitePath}`);
  await c.getByRole('heading', { level: 1, name: 'Ce juré a déjà une tablette' }).waitFor();
  await c.getByRole('button', { name: 'العربية' }).click();
  await c.getByRole('heading', { level: 1, name: 'لعضو التحكيم هذا لوحة بالفعل' }).waitFor();
  expect(await c.locator('html').getAttribute('dir')).toBe('rtl');
  await c.getByLabel('رمز PIN الخاص بك').fill('1111');
  await c.getByRole('button', { name: 'ربط هذه اللوحة' }).click();
  await c.getByRole('alert').filter({ hasText: 'رمز PIN غير صحيح. تبقّت 4 محاولات قبل استراحة مدتها 5 دقائق.' }).waitFor();
  await shot(c, 'second-tablet-wrong-pin-ar-768x1024');
  await expectNoAxeViolations(c, 'second tablet, wrong PIN (ar)');

  for (const context of [first, second, third, laptop]) await context.close();
});

test("the chair's link on another device opens no deliberation without the chair's PIN", { timeout: 300_000 }, async () => {
  const amina = fixture.jurors[0];
  if (!amina) throw new Error('no chair');
  // The chair's own tablet, with the chair's PIN.
  const own = await newTabletContext(browser, TABLET_PORTRAIT);
  await bindJurorTablet(own, server.url, amina.invitePath);

  const other = await newTabletContext(browser, TABLET_PORTRAIT);
  other.setDefaultTimeout(60_000);
  const page = await other.newPage();
  await page.goto(`${server.url}${amina.invitePath}`);
  await page.getByRole('heading', { level: 1, name: 'Ce juré a déjà une tablette' }).waitFor();
  // Straight to the deliberation instead of typing the PIN: nothing is shown but the notice.
  await page.goto(`${server.url}/juror/deliberation`);
  await page.getByText('Cette tablette n’est liée à aucun juré').waitFor();
  expect(await page.locator('table').count()).toBe(0);
  expect((await page.request.get(`${server.url}/api/chair/rounds/${fixture.roundId || 1}/deliberation`)).status()).toBe(401);
  expect((await page.request.get(`${server.url}/api/juror/state`)).status()).toBe(401);
  await shot(page, 'chair-second-device-no-pin-fr-768x1024');

  await own.close();
  await other.close();
});
