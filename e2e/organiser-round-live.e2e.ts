import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { Anything, client } from './support/api.js';
import { expectNoAxeViolations, launchChromium } from './support/browser.js';
import { bindTablet, entrantIdOf, FIXTURE_ENV, openRoundOne, ORGANISER, RUBRIC, scoredRoundOne } from './support/competition-fixture.js';
import { closeDemoFinal, DEMO_ORGANISER } from './support/final-fixture.js';
import { startServer, type RunningServer } from './support/server.js';

/** Issue 16 point 7: round 1's progress and the chair's signature reach the organiser's laptop without a reload. */

const LAPTOP = { width: 1440, height: 900 };
let empty: RunningServer;
let demo: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [empty, demo, browser] = await Promise.all([startServer({ demo: false, env: FIXTURE_ENV }), startServer({ demo: true }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([empty?.stop(), demo?.stop()]);
});

async function laptop(baseUrl: string, path: string, who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: LAPTOP, locale: 'fr-FR' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  onTestFailed(async () => {
    console.error('page errors:', errors);
    await page.screenshot({ path: '.tmp/shots/organiser-round-live-failure.png', fullPage: true }).catch(() => undefined);
  });
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Adresse e-mail').fill(who.email);
  await page.getByLabel('Mot de passe').fill(who.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  if (new URL(page.url()).pathname !== path) await page.goto(`${baseUrl}${path}`);
  return page;
}

const arabic = (n: number) => new Intl.NumberFormat('ar').format(n);

test("round 1's progress counts a tablet's submission while the organiser watches, in French then Arabic, without a reload", async () => {
  const fixture = await scoredRoundOne(empty.url, { roundOne: false });
  const roundId = await openRoundOne(empty.url, fixture);
  const [first, second] = fixture.jurors;
  const submitOne = async (invitePath: string, entrant: string) => {
    const bound = await bindTablet(empty.url, invitePath);
    const asJuror = client(empty.url, { bearer: bound.deviceToken });
    const entrantId = entrantIdOf(fixture, entrant);
    const changes = RUBRIC.criteria.map((c) => ({ kind: 'score' as const, entrantId, criterion: c.code, value: 7, revision: 1 }));
    await asJuror('POST', `/api/juror/rounds/${roundId}/changes`, Anything, { changes });
    await asJuror('POST', `/api/juror/rounds/${roundId}/scorecards/${entrantId}/submit`, Anything);
  };

  const page = await laptop(empty.url, `/competitions/${fixture.competitionId}/round-1`, ORGANISER);
  await page.getByRole('heading', { level: 1, name: 'Premier tour : présélection' }).waitFor();
  await page.getByText('0 fiche soumise sur 24.').waitFor();
  // The live indicator says the page is following the stream before anything is submitted.
  await page.getByRole('status').filter({ hasText: 'En direct' }).waitFor();
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });

  await submitOne(first!.invitePath, 'Green 1');
  await page.getByText(/^1 fiches? soumises? sur 24\.$/).waitFor();
  await expectNoAxeViolations(page, 'round 1 progress, live (fr)');
  await page.screenshot({ path: '.tmp/shots/round1-progress-live-fr-1440x900.png' });

  await page.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await submitOne(second!.invitePath, 'City 1');
  await page.getByText(`أُرسلت بطاقتان من أصل ${arabic(24)}.`).waitFor();
  await expectNoAxeViolations(page, 'round 1 progress, live (ar)');
  await page.screenshot({ path: '.tmp/shots/round1-progress-live-ar-1440x900.png' });
  // Neither count came from a reload.
  expect(navigations).toEqual([]);
  await page.context().close();
});

test("the chair signs on the tablet and the organiser's deliberation page shows the signature without a reload, in French then Arabic", async () => {
  const final = await closeDemoFinal(demo.url, { layout: 'axis-cap' });
  const page = await laptop(demo.url, `/competitions/${final.competitionId}/deliberation`, DEMO_ORGANISER);
  await page.getByRole('heading', { level: 1, name: 'Délibération' }).waitFor();
  await page.getByText('Signature de la présidence du jury en attente').waitFor();
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });

  // The chair's tablet side, through its API: freeze the results, then sign.
  const chair = client(demo.url, { bearer: final.chairBearer });
  await chair('POST', `/api/chair/rounds/${final.roundId}/snapshot`, Anything);
  await chair('POST', `/api/chair/rounds/${final.roundId}/signoff`, Anything);
  await page.getByText(/Signé par la présidence du jury le /).waitFor();
  expect(await page.getByText('Signature de la présidence du jury en attente').count()).toBe(0);
  await expectNoAxeViolations(page, 'deliberation, chair signed live (fr)');
  await page.screenshot({ path: '.tmp/shots/deliberation-chair-signed-live-fr-1440x900.png' });

  await page.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await page.getByText(/وقّعها رئيس لجنة التحكيم في/).waitFor();
  await expectNoAxeViolations(page, 'deliberation, chair signed live (ar)');
  await page.screenshot({ path: '.tmp/shots/deliberation-chair-signed-live-ar-1440x900.png' });
  expect(navigations).toEqual([]);
  await page.context().close();
});
