import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { ConfirmShortlistResponseSchema, RoundDetailSchema } from '../packages/contract/src/index.js';
import { Anything, client } from './support/api.js';
import { expectNoAxeViolations, launchChromium, newTabletContext, TABLET_PORTRAIT } from './support/browser.js';
import { bindTablet, entrantIdOf, FIXTURE_ENV, openRoundOne, RUBRIC, scoredRoundOne, type FixtureEntrant, type ScoredRoundOne } from './support/competition-fixture.js';
import { serverScorecard } from './support/server-db.js';
import { startServer, type RunningServer } from './support/server.js';
import { bindJurorTablet } from './support/tablet.js';

/**
 * Issue 14, point 0: a finalist scored in round 1 on a tablet gets a new, empty scorecard in the
 * final on that same tablet. Before the fix the tablet laid its round-1 values over the final's
 * (keys without the round), showed them as "draft, synced", and the final's "Submit" was refused.
 */

// No ties anywhere: the shortlist (4, at most 2 per axis) is Green 1, Green 2, City 1, Social 1.
const ENTRANTS: FixtureEntrant[] = [
  { name: 'Green 1', axis: 'green', base: 8 },
  { name: 'Green 2', axis: 'green', base: 7 },
  { name: 'City 1', axis: 'city', base: 6 },
  { name: 'Social 1', axis: 'social', base: 5 },
  { name: 'City 2', axis: 'city', base: 3 },
  { name: 'Social 2', axis: 'social', base: 2 },
];

let server: RunningServer;
let browser: Browser;
let fixture: ScoredRoundOne;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: false, env: FIXTURE_ENV }), launchChromium()]);
  fixture = await scoredRoundOne(server.url, { entrants: ENTRANTS, roundOne: false });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const idOf = (name: string) => entrantIdOf(fixture, name);

/** This juror's scorecard of an entrant in a round, as the server holds it. */
function serverCard(roundId: number, jurorId: number, entrantId: number) {
  const card = serverScorecard(server.dbPath, roundId, jurorId, entrantId);
  return card && { status: card.status, scores: card.scores };
}

async function openScorecard(page: Page, name: string) {
  await page.goto(`${server.url}/juror/entrants/${idOf(name)}`);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await expect.poll(() => page.locator('.criterion__levels').count()).toBe(RUBRIC.criteria.length);
}

async function press(page: Page, values: number[]) {
  const rows = page.locator('.criterion__levels');
  for (const [i, value] of values.entries()) await rows.nth(i).getByRole('button', { name: String(value), exact: true }).click();
}

const pressedValues = (page: Page) => page.locator('.criterion__levels [aria-pressed="true"]').allTextContents();
const entrantRow = (page: Page, name: string) => page.locator('.entrant-row', { hasText: name });

test('a startup scored in round 1 on a tablet has a blank scorecard in the final on the same tablet, and it submits', { timeout: 300_000 }, async () => {
  const organiser = client(server.url, { cookie: fixture.cookie });
  const base = `/api/competitions/${fixture.competitionId}`;
  const round1Id = await openRoundOne(server.url, fixture);

  const [amina, ...others] = fixture.jurors;
  if (!amina) throw new Error('no juror');
  const context = await newTabletContext(browser);
  const page = await bindJurorTablet(context, server.url, amina.invitePath);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  onTestFailed(async () => {
    console.error('page errors:', pageErrors);
    await page.screenshot({ path: '.tmp/shots/juror-rounds-failure.png', fullPage: true }).catch(() => undefined);
  });

  // Round 1 on the tablet: Green 1 scored and submitted, Green 2 left as a draft (one criterion).
  await openScorecard(page, 'Green 1');
  await press(page, [9, 8]);
  await page.getByRole('button', { name: 'Soumettre la fiche' }).click();
  await page.getByText('Fiche soumise.', { exact: true }).waitFor();
  await openScorecard(page, 'Green 2');
  await press(page, [6]);
  await expect.poll(() => serverCard(round1Id, amina.id, idOf('Green 2'))?.scores).toEqual({ innovation: 6 });
  expect(serverCard(round1Id, amina.id, idOf('Green 1'))).toEqual({ status: 'submitted', scores: { impact: 8, innovation: 9 } });

  // The other jurors score every startup from their tablets; the organiser closes and confirms.
  for (const [index, juror] of others.entries()) {
    const asJuror = client(server.url, { bearer: (await bindTablet(server.url, juror.invitePath)).deviceToken });
    const changes = ENTRANTS.flatMap((e) =>
      RUBRIC.criteria.map((c) => ({ kind: 'score' as const, entrantId: idOf(e.name), criterion: c.code, value: Math.min(10, e.base + index), revision: 1 })),
    );
    await asJuror('POST', `/api/juror/rounds/${round1Id}/changes`, Anything, { changes });
    for (const e of ENTRANTS) await asJuror('POST', `/api/juror/rounds/${round1Id}/scorecards/${idOf(e.name)}/submit`, Anything);
  }
  await organiser('POST', `${base}/rounds/${round1Id}/close`, RoundDetailSchema, { reason: 'Amina Idrissi a noté les deux premières startups seulement' });
  const confirmed = await organiser('POST', `${base}/rounds/${round1Id}/confirm`, ConfirmShortlistResponseSchema);
  expect(confirmed.selected).toEqual(expect.arrayContaining([idOf('Green 1'), idOf('Green 2')]));
  await organiser('POST', `${base}/rounds/${round1Id}/publish`, RoundDetailSchema);
  await organiser('PUT', `${base}/live/pitch-order`, Anything, { draw: true });
  await organiser('POST', `${base}/rounds/${confirmed.finalRoundId}/open`, RoundDetailSchema);
  expect(serverCard(confirmed.finalRoundId, amina.id, idOf('Green 1'))).toBeNull();

  // The same tablet, the final: Green 1 and Green 2 are not started, their scorecards blank.
  await page.goto(`${server.url}/juror`);
  await expect.poll(() => page.locator('.entrant-row').count()).toBe(4);
  for (const name of ['Green 1', 'Green 2']) await expect.poll(() => entrantRow(page, name).textContent()).toContain('Pas commencée');
  await openScorecard(page, 'Green 1');
  expect(await pressedValues(page)).toEqual([]);
  expect(await page.locator('.scorecard__total-value').textContent()).toBe('—');
  expect(await page.locator('.scorecard__meta').textContent()).toContain('Pas commencée');
  await expectNoAxeViolations(page, 'final scorecard of a startup scored in round 1 (fr)');
  await page.screenshot({ path: '.tmp/shots/final-blank-1024x768-fr.png' });

  // Scored anew, it submits; round 1's scorecard is untouched.
  await press(page, [5, 4]);
  expect(await pressedValues(page)).toEqual(['5', '4']);
  await page.getByRole('button', { name: 'Soumettre la fiche' }).click();
  await page.getByText('Fiche soumise.', { exact: true }).waitFor();
  expect(serverCard(confirmed.finalRoundId, amina.id, idOf('Green 1'))).toEqual({ status: 'submitted', scores: { impact: 4, innovation: 5 } });
  expect(serverCard(round1Id, amina.id, idOf('Green 1'))).toEqual({ status: 'submitted', scores: { impact: 8, innovation: 9 } });

  // Green 2's round-1 draft stays in round 1 as well, in portrait too.
  await page.setViewportSize(TABLET_PORTRAIT);
  await openScorecard(page, 'Green 2');
  expect(await pressedValues(page)).toEqual([]);
  await page.screenshot({ path: '.tmp/shots/final-blank-768x1024-fr.png' });
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await expectNoAxeViolations(page, 'final scorecard of a startup scored in round 1 (ar)');
  await page.screenshot({ path: '.tmp/shots/final-blank-768x1024-ar.png' });
  expect(pageErrors).toEqual([]);
  await context.close();
});
