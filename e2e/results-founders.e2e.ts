import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Anything, client } from './support/api.js';
import { expectNoAxeViolations, launchChromium } from './support/browser.js';
import { closeDemoFinal, type ClosedFinal } from './support/final-fixture.js';
import { startServer, type RunningServer } from './support/server.js';

// The demo final with the axis cap at work: the two best startups share an axis and the demo
// allows one prize per axis, so the 2nd by score wins nothing and the 3rd and 4th are promoted.
// Each founder, on a phone, must read in one sentence why they placed where they did.
let server: RunningServer;
let browser: Browser;
let final: ClosedFinal;
const JOURNEY_MS = 300_000;
const STEP_MS = 90_000;
const SHOTS = new URL('../.tmp/shots/', import.meta.url).pathname;
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1440, height: 900 };
const isolate = (name: string) => `\u2068${name}\u2069`;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startServer({ demo: true }), launchChromium()]);
  final = await closeDemoFinal(server.url, { layout: 'axis-cap' });
  // Publication is another journey's subject (results-deliberation.e2e.ts): here, through the API.
  const base = `/api/competitions/${final.competitionId}/results/${final.roundId}`;
  const organiser = client(server.url, { cookie: final.organiserCookie });
  await organiser('POST', `${base}/snapshot`, Anything);
  await organiser('POST', `${base}/signoff`, Anything);
  await client(server.url, { bearer: final.chairBearer })('POST', `/api/chair/rounds/${final.roundId}/signoff`, Anything);
  await organiser('POST', `${base}/publish`, Anything);
}, JOURNEY_MS);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function context(viewport: { width: number; height: number }, lang: 'fr' | 'ar'): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport, locale: lang === 'fr' ? 'fr-FR' : 'ar-MA', hasTouch: viewport.width < 500 });
  ctx.setDefaultTimeout(STEP_MS);
  await ctx.addInitScript((l) => localStorage.setItem('palmares.language', l), lang);
  return ctx;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });

test('the skipped founder reads the rule and who holds the axis’s prize; the promoted ones read the rule that promoted them, on a phone, in French and Arabic', async () => {
  const [third, fourth] = final.tied;
  const fr = await (await context(PHONE, 'fr')).newPage();
  await fr.goto(`${server.url}/s/${final.second.token}`);
  await fr.getByRole('heading', { level: 1, name: final.second.name }).waitFor();
  await fr.getByText(`Vous êtes 2e au score ; le règlement prévoit un seul prix par axe, et le prix de votre axe est revenu à ${isolate(final.first.name)}.`).waitFor();
  // The winner is named, never scored, and the skipped founder has no prize line.
  expect(await fr.getByText(/^Prix :/).count()).toBe(0);
  await expectNoAxeViolations(fr, 'skipped founder (fr)');
  await shot(fr, 'founder-skipped-fr-390');

  await fr.goto(`${server.url}/s/${third.token}`);
  await fr.getByText('Vous êtes 3e au score et recevez le 2e prix par la règle d’un prix par axe : une startup devant vous était dans un axe qui avait déjà son prix.').waitFor();
  await fr.getByText('Prix : 2e prix').waitFor();
  await shot(fr, 'founder-promoted-fr-390');
  await fr.goto(`${server.url}/s/${fourth.token}`);
  await fr.getByText(/^Vous êtes 4e au score et recevez le 3e prix/).waitFor();
  await fr.goto(`${server.url}/s/${final.first.token}`);
  await fr.getByText('Prix : 1er prix').waitFor();
  expect(await fr.locator('.res-founder-note').count()).toBe(0);
  await fr.context().close();

  const ar = await (await context(PHONE, 'ar')).newPage();
  await ar.goto(`${server.url}/s/${final.second.token}`);
  await expect.poll(() => ar.locator('html').getAttribute('dir')).toBe('rtl');
  await ar.getByText(`حللتم في المرتبة 2 حسب النتيجة؛ يسمح النظام بجائزة واحدة لكل محور، وقد نالت جائزةَ محوركم ${isolate(final.first.name)}.`).waitFor();
  await expectNoAxeViolations(ar, 'skipped founder (ar)');
  await shot(ar, 'founder-skipped-ar-390');
  await ar.goto(`${server.url}/s/${third.token}`);
  await ar.getByText(/^حللتم في المرتبة 3 حسب النتيجة ونلتم/).waitFor();
  await shot(ar, 'founder-promoted-ar-390');
  await ar.context().close();
}, JOURNEY_MS);

test('the deliberation table, the printable results and the winners page state the rules and mark the rows they acted on', async () => {
  const [third] = final.tied;
  const ctx = await context(LAPTOP, 'fr');
  const [name, value] = final.organiserCookie.split(';')[0]!.split('=') as [string, string];
  await ctx.addCookies([{ name, value, url: server.url }]);
  const page = await ctx.newPage();
  await page.goto(`${server.url}/competitions/${final.competitionId}/deliberation`);
  await page.getByRole('heading', { name: 'Les règles des prix' }).waitFor();
  await page.getByText('Un seul prix par axe : une startup dont l’axe a déjà son prix n’en reçoit pas, et la suivante au score prend le prix.').first().waitFor();
  const rowOf = (n: string) => page.locator('th.res-rank__name').filter({ hasText: n });
  const secondRow = rowOf(final.second.name);
  await expect.poll(() => secondRow.textContent()).toContain(`2e au score, sans prix : son axe a déjà ${isolate(final.first.name)}.`);
  await expect.poll(() => rowOf(third.name).textContent()).toContain('3e au score, 2e prix par la limite de prix par axe.');
  await expectNoAxeViolations(page, 'deliberation with rule notes (fr)');
  await shot(page, 'deliberation-rules-fr-1440');

  await page.goto(`${server.url}/competitions/${final.competitionId}/results/print`);
  await page.getByRole('heading', { name: 'Les règles des prix' }).waitFor();
  await expect.poll(() => page.getByRole('rowheader', { name: new RegExp(final.second.name) }).textContent()).toContain('sans prix : son axe a déjà');
  await shot(page, 'print-rules-fr-1440');

  await page.goto(`${server.url}/competitions/${final.competitionId}/winners`);
  await page.getByRole('heading', { name: 'Les règles des prix' }).waitFor();
  await page.getByText('3 prix, attribués dans l’ordre des scores.').waitFor();
  await expectNoAxeViolations(page, 'winners with the rules (fr)');
  await ctx.close();

  const ar = await (await context(LAPTOP, 'ar')).newPage();
  await ar.goto(`${server.url}/competitions/${final.competitionId}/winners`);
  await ar.getByRole('heading', { name: 'قواعد الجوائز' }).waitFor();
  await expectNoAxeViolations(ar, 'winners with the rules (ar)');
  await shot(ar, 'winners-rules-ar-1440');
  await ar.context().close();
}, JOURNEY_MS);
