import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoAxeViolations, launchChromium, newTabletContext, TABLET_LANDSCAPE } from './support/browser.js';
import { DEMO_ORGANISER } from './support/final-fixture.js';
import { startServer, type RunningServer } from './support/server.js';
import { bindJurorTablet, setIdleLock, TABLET_PIN } from './support/tablet.js';
import { signIn } from './support/api.js';

/**
 * Issue 14 point 5 (nothing complete is left unsubmitted) and point 9 (the idle lock is a
 * setting), on the demo's open final: a juror's tablet at 1024×768 and the organiser's laptop.
 */

let server: RunningServer;
let browser: Browser;
let competitionId: number;
let cookie: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchChromium()]);
  cookie = await signIn(server.url, DEMO_ORGANISER);
  const list = (await (await fetch(`${server.url}/api/competitions`, { headers: { cookie } })).json()) as { competitions: { id: number }[] };
  competitionId = list.competitions[0]!.id;
  mkdirSync('.tmp/shots', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const JOURNEY_MS = 300_000;
const shot = (page: Page, name: string) => page.screenshot({ path: `.tmp/shots/${name}.png`, fullPage: false });

async function organiserLaptop(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
  context.setDefaultTimeout(60_000);
  const org = await context.newPage();
  await org.goto(`${server.url}/login`);
  await org.getByLabel('Adresse e-mail').fill(DEMO_ORGANISER.email);
  await org.getByLabel('Mot de passe').fill(DEMO_ORGANISER.password);
  await org.getByRole('button', { name: 'Se connecter' }).click();
  await org.waitForURL(/\/competitions$/);
  return org;
}

/** The names of the startups the juror may score, as the home lists them (links only: recusals are not). */
const scorable = (page: Page) => page.locator('.entrant-row a .entrant-row__name').allTextContents();

/** Opens a startup's scorecard from the home and taps a level on the first `count` criteria. */
async function score(page: Page, name: string, count: number | 'all') {
  await page.getByRole('link', { name: 'Mes startups' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Mes startups' }).waitFor();
  await page.locator('.entrant-row a').filter({ hasText: name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  const groups = page.locator('.criterion__levels');
  const n = count === 'all' ? await groups.count() : count;
  for (let i = 0; i < n; i++) await groups.nth(i).getByRole('button', { name: '7', exact: true }).click();
  // Shown as tapped (the outbox holds them), then sent: the tablet says so before the journey goes on.
  await expect.poll(() => page.locator('.criterion__levels [aria-pressed="true"]').count()).toBe(n);
  await expect.poll(async () => (await page.locator('.scorecard__footer-sync').textContent()) ?? '', { timeout: 20_000 }).toMatch(/^Synchronisé/);
}

const row = (page: Page, name: string) => page.locator('.entrant-row').filter({ hasText: name });

test('a complete scorecard is flagged, the announced close counts down on the tablet and asks to submit, the organiser sees and is told what is left, and a draft after the close says it did not count', async () => {
  const tablet: BrowserContext = await newTabletContext(browser, TABLET_LANDSCAPE);
  const page = await bindJurorTablet(tablet, server.url, '/j/demo-juror-2');
  const [a, b, c] = (await scorable(page)) as [string, string, string];

  // A complete scorecard not submitted is flagged on the juror's home.
  await score(page, a, 'all');
  await page.getByText('Tous les critères sont notés : soumettez la fiche pour qu’elle compte.').waitFor();
  await page.getByRole('link', { name: 'Mes startups' }).first().click();
  await row(page, a).getByText('Complète, non soumise').waitFor();
  await page.getByText('1 fiche est complète mais non soumise : soumettez-la pour qu’elle compte.').waitFor();

  // The organiser's live board lists it before the close.
  const org = await organiserLaptop();
  await org.goto(`${server.url}/competitions/${competitionId}/final`);
  const pending = org.getByRole('region', { name: '1 fiche complète non soumise' });
  await pending.waitFor();
  expect(await pending.textContent()).toContain(a);

  // The organiser announces the close in 5 minutes: the tablet counts down and asks to submit.
  await org.getByLabel('Clôture dans (minutes)').fill('5');
  await org.getByRole('button', { name: 'Annoncer la clôture' }).click();
  await org.getByText(/Clôture annoncée pour .* \(dans 5 minutes\)/).waitFor();
  const banner = page.getByRole('region', { name: /Clôture de la notation dans/ });
  await banner.waitFor({ timeout: 10_000 });
  await expect.poll(async () => (await banner.locator('.closing-banner__clock').textContent()) ?? '').toMatch(/^4:[0-5]\d$/);
  await banner.getByText('1 fiche complète n’est pas soumise : elle ne compte qu’une fois soumise.').waitFor();
  expect(await banner.getByRole('link').allTextContents()).toEqual([a]);
  await expectNoAxeViolations(page, 'tablet home with the announced close (fr)');
  await shot(page, 'closing-tablet-fr-1024x768');
  await pending.scrollIntoViewIfNeeded();
  await shot(org, 'closing-organiser-board-fr-1440x900');
  await expectNoAxeViolations(org, 'organiser final with the announced close (fr)');

  // In Arabic, right to left, the countdown reads the same.
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await page.getByRole('region', { name: /يُغلَق التقييم بعد/ }).waitFor();
  await expectNoAxeViolations(page, 'tablet home with the announced close (ar)');
  await shot(page, 'closing-tablet-ar-1024x768');
  await page.getByRole('button', { name: 'Français' }).click();

  // One tap submits it; the organiser's list empties.
  await banner.getByRole('button', { name: 'Soumettre la fiche complète' }).click();
  await banner.getByText('1 fiche soumise.').waitFor();
  await banner.getByText('Toutes vos fiches complètes sont soumises.').waitFor();
  await row(page, a).getByText('Soumise').waitFor();
  await pending.waitFor({ state: 'detached' });

  // Another complete one, and one left half done; the close dialog names the complete one.
  await score(page, b, 'all');
  // On a scorecard the banner stays in view, without the list of names.
  await page.getByRole('region', { name: /Clôture de la notation dans/ }).waitFor();
  await shot(page, 'closing-tablet-scorecard-fr-1024x768');
  await score(page, c, 1);
  const pendingB = org.getByRole('region', { name: '1 fiche complète non soumise' });
  await expect.poll(async () => (await pendingB.count()) > 0 && ((await pendingB.textContent()) ?? '').includes(b), { timeout: 15_000 }).toBe(true);
  await org.getByRole('button', { name: 'Forcer la clôture…' }).click();
  const dialog = org.getByRole('dialog', { name: 'Clore avant que toutes les fiches soient là ?' });
  await dialog.waitFor();
  expect(await dialog.getByRole('region', { name: '1 fiche complète non soumise' }).textContent()).toContain(b);
  await expectNoAxeViolations(org, 'close dialog naming the complete scorecards (fr)');
  await shot(org, 'closing-organiser-dialog-fr-1440x900');
  await dialog.getByLabel('Motif (obligatoire)').fill('Horaire de la cérémonie');
  await dialog.getByRole('button', { name: 'Clore quand même' }).click();
  await org.getByText('La finale est close : place à la délibération.').waitFor();

  // The tablet hears the close: the drafts say they did not count.
  await page.getByRole('link', { name: 'Mes startups' }).first().click();
  await row(page, b).getByText('Non soumise : n’a pas compté').waitFor({ timeout: 10_000 });
  await row(page, c).getByText('Non soumise : n’a pas compté').waitFor();
  expect(await row(page, a).getByText('Non soumise').count()).toBe(0);
  await page.getByText('2 fiches n’ont pas été soumises avant la clôture : elles n’ont pas compté.').waitFor();
  await expect.poll(() => page.getByRole('region', { name: /Clôture de la notation dans/ }).count()).toBe(0);
  await expectNoAxeViolations(page, 'tablet home after the close (fr)');
  await shot(page, 'closing-tablet-after-close-fr-1024x768');
  await page.locator('.entrant-row a').filter({ hasText: b }).click();
  await page.getByText('L’épreuve a été close avant que cette fiche soit soumise : elle n’a pas compté.').waitFor();
  await tablet.close();
  await org.context().close();
}, JOURNEY_MS);

test('the idle lock follows the organiser\'s setting: the set-up screen refuses 0 on the field, a 2-minute lock comes after 2 minutes and not before, and opens at its top', async () => {
  const org = await organiserLaptop();
  await org.goto(`${server.url}/competitions/${competitionId}/setup`);
  const field = org.getByLabel('Verrouillage après inactivité (minutes)');
  await field.fill('0');
  await org.getByRole('button', { name: 'Enregistrer les réglages des tablettes' }).click();
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  await org.getByText('Saisissez au moins 1.').first().waitFor();
  await shot(org, 'idle-lock-setting-refused-fr-1440x900');
  await field.fill('2');
  await org.getByRole('button', { name: 'Enregistrer les réglages des tablettes' }).click();
  await org.getByRole('status').filter({ hasText: 'Enregistré' }).first().waitFor();
  await expectNoAxeViolations(org, 'set-up with the tablets\' settings (fr)');
  await org.context().close();

  // The tablet's clock is faked: two minutes pass at once, nothing in the app is shortened.
  const tablet = await newTabletContext(browser, TABLET_LANDSCAPE);
  const page = await bindJurorTablet(tablet, server.url, '/j/demo-juror-3');
  await tablet.clock.install();
  await page.goto(`${server.url}/juror`);
  await page.getByRole('heading', { level: 1, name: 'Mes startups' }).waitFor();
  // Scrolled down the list, as a juror looking for a startup would be.
  await page.mouse.wheel(0, 2000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await tablet.clock.fastForward('01:50');
  await page.getByRole('heading', { level: 1, name: 'Mes startups' }).waitFor();
  expect(await page.getByRole('heading', { name: /Tablette verrouillée/ }).count()).toBe(0);
  await tablet.clock.fastForward('00:15');
  await page.getByRole('heading', { name: /Tablette verrouillée/ }).waitFor({ timeout: 10_000 });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // Nothing of an idle time is kept in the tablet's storage.
  expect(await page.evaluate(() => localStorage.getItem('palmares.juror.lock') ?? '')).not.toContain('idle');
  await expectNoAxeViolations(page, 'lock screen after the set idle time (fr)');
  await shot(page, 'idle-lock-screen-fr-1024x768');
  await page.getByLabel('Code PIN').fill(TABLET_PIN);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mes startups' }).waitFor();
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.getByRole('button', { name: /قفل/ }).click();
  await page.getByRole('heading', { name: /اللوحة مقفلة/ }).waitFor();
  await shot(page, 'idle-lock-screen-ar-1024x768');
  await tablet.close();
  await setIdleLock(server.url, cookie, competitionId, 15);
}, JOURNEY_MS);
