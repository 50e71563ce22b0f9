import { ConfirmShortlistResponseSchema, RoundDetailSchema } from '../packages/contract/src/index.js';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Anything, client } from './support/api.js';
import { expectNoAxeViolations, launchChromium } from './support/browser.js';
import { DEFAULT_ENTRANTS, FIXTURE_ENV, ORGANISER, scoredRoundOne } from './support/competition-fixture.js';
import { startServer, type RunningServer } from './support/server.js';

const LAPTOP = { width: 1440, height: 900 };
const SHOTS = '.tmp/shots';
const JOURNEY_MS = 180_000;

let server: RunningServer;
let browser: Browser;
let competitionPath: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startServer({ demo: false, env: FIXTURE_ENV }), launchChromium()]);
  // Round 1 scored by its three jurors, closed and its four confirmed: the final waits, the
  // shortlist not yet published to the startups (built through the API, the journey's subject is
  // after). City 2 a point below City 1, so no tie awaits the chair.
  const fixture = await scoredRoundOne(server.url, { entrants: DEFAULT_ENTRANTS.map((e) => (e.name === 'City 2' ? { ...e, base: 4 } : e)) });
  const organiser = client(server.url, { cookie: fixture.cookie });
  const base = `/api/competitions/${fixture.competitionId}`;
  await organiser('POST', `${base}/rounds/${fixture.roundId}/close`, RoundDetailSchema, {});
  await organiser('POST', `${base}/rounds/${fixture.roundId}/confirm`, ConfirmShortlistResponseSchema);
  await organiser('PUT', `${base}/live/pitch-order`, Anything, { draw: true });
  competitionPath = `/competitions/${fixture.competitionId}`;
}, JOURNEY_MS);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedInAt(lang: 'fr' | 'ar', path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: LAPTOP, locale: lang === 'fr' ? 'fr-FR' : 'ar-MA' });
  await context.addInitScript((l) => window.localStorage.setItem('palmares.language', l), lang);
  const page = await context.newPage();
  // Straight to the page, signed out: sign-in brings the organiser back to it.
  await page.goto(`${server.url}${path}`);
  await page.waitForURL((url) => url.pathname === '/login');
  await page.locator('input[name="email"]').fill(ORGANISER.email);
  await page.locator('input[name="password"]').fill(ORGANISER.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === path);
  return page;
}

test('the final screen warns that the shortlist is unpublished before the organiser opens it, and opening is refused with the same sentence', async () => {
  const page = await signedInAt('fr', `${competitionPath}/final`);
  const sentence = 'Publiez d’abord la présélection : la page de chaque finaliste indique encore que sa candidature est seulement enregistrée.';
  const note = page.getByRole('region', { name: 'Avant d’aller plus loin' });
  await note.getByText(sentence).waitFor();
  await page.getByRole('button', { name: 'Ouvrir la finale' }).click();
  // Opening asks first (issue 16 point 8); the server's refusal shows inside the dialog.
  await page.getByRole('dialog').getByRole('button', { name: 'Ouvrir la finale' }).click();
  const refusal = page.getByRole('dialog').getByRole('alert').filter({ hasText: sentence });
  await refusal.waitFor();
  await expectNoAxeViolations(page, 'final refused (fr)');
  await page.screenshot({ path: `${SHOTS}/organiser-guard-final-fr.png`, fullPage: true });

  // The home says the same: the shortlist is next, to publish, with the warning.
  await page.goto(`${server.url}${competitionPath}`);
  const steps = page.getByRole('region', { name: 'Où en est le concours' });
  await steps.getByText('Étape suivante : Présélection.').waitFor();
  expect(await steps.getByRole('link', { name: 'Publier la présélection' }).getAttribute('href')).toBe(`${competitionPath}/round-1`);
  expect(await steps.locator('[aria-current="step"]').textContent()).toContain(sentence);
  await page.context().close();
}, JOURNEY_MS);

test('in Arabic the warning reads right to left on the final screen', async () => {
  const page = await signedInAt('ar', `${competitionPath}/final`);
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await page.getByRole('region', { name: 'قبل المتابعة' }).getByText('انشر القائمة المختارة أولًا').waitFor();
  await expectNoAxeViolations(page, 'final warning (ar)');
  await page.screenshot({ path: `${SHOTS}/organiser-guard-final-ar.png` });
  await page.context().close();
}, JOURNEY_MS);
