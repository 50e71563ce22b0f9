import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { startServerProcess, type ServerProcess } from '../apps/server/src/reliability/support/server-process.js';
import { Anything, client } from './support/api.js';
import { expectNoAxeViolations, launchChromium, newTabletContext, TABLET_LANDSCAPE, TABLET_PORTRAIT } from './support/browser.js';
import type { RubricUpdate } from '../packages/contract/src/index.js';
import { entrantIdOf, FIXTURE_ENV, openRoundOne, RUBRIC, scoredRoundOne, type ScoredRoundOne } from './support/competition-fixture.js';
import { bindJurorTablet } from './support/tablet.js';

/**
 * Issue 14, points 3 and 10: every scorecard opens at its top with the startup's name in view and
 * focused (today "Next" opened the next card where the last one was scrolled to, its name off
 * screen), and it shows what the juror scores: the founders and the pitch paragraph, open on a
 * landscape tablet, folded under the name on a portrait one.
 */

const PITCH = 'Des toitures solaires louées aux copropriétés de Casablanca, payées sur les économies d’électricité.';

const SIX_CRITERIA: RubricUpdate = {
  scale: RUBRIC.scale,
  criteria: ['innovation', 'impact', 'team', 'market', 'traction', 'pitch'].map((code, i) => {
    const template = RUBRIC.criteria[i % RUBRIC.criteria.length]!;
    return { ...template, code, labels: { fr: `Critère ${code}`, en: `Criterion ${code}`, ar: `المعيار ${i + 1}` } };
  }),
};

let dir: string;
let server: ServerProcess;
let browser: Browser;
let fixture: ScoredRoundOne;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'palmares-e2e-scorecard-'));
  mkdirSync('.tmp/shots', { recursive: true });
  [server, browser] = await Promise.all([
    startServerProcess(join(dir, 'e2e.sqlite'), { from: 'built', demo: false, env: FIXTURE_ENV }),
    launchChromium(),
  ]);
  fixture = await scoredRoundOne(server.url, { roundOne: false });
  const organiser = client(server.url, { cookie: fixture.cookie });
  // Six criteria, as the demo's rubric: a card taller than the screen, as on the day.
  await organiser('PUT', `/api/competitions/${fixture.competitionId}/settings/rubric`, Anything, SIX_CRITERIA);
  await openRoundOne(server.url, fixture);
  await organiser('PATCH', `/api/competitions/${fixture.competitionId}/entrants/${entrantIdOf(fixture, 'Green 2')}`, Anything, { pitch: PITCH });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Where the scorecard's heading is, and whether it is what a juror sees and what has focus. */
function headingPlace(page: Page) {
  return page.evaluate(() => {
    const h1 = document.querySelector('h1');
    if (!h1) return null;
    const rect = h1.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + Math.min(20, rect.width / 2), rect.top + rect.height / 2);
    return {
      text: h1.textContent,
      inView: rect.top >= 0 && rect.bottom <= window.innerHeight,
      // Not hidden under the sticky header: the heading is what is at its own place on screen.
      onTop: hit !== null && h1.contains(hit),
      focused: document.activeElement === h1,
      scrollY: window.scrollY,
    };
  });
}

async function scrollToBottom(page: Page) {
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
}

for (const [label, viewport] of [
  ['landscape', TABLET_LANDSCAPE],
  ['portrait', TABLET_PORTRAIT],
] as const) {
  test(`${label} tablet: "Next", "Previous" and the home's rows open each scorecard at its top, its name in view and focused; the pitch and founders are shown`, { timeout: 240_000 }, async () => {
    const juror = fixture.jurors[label === 'landscape' ? 0 : 1];
    if (!juror) throw new Error('no juror');
    const context = await newTabletContext(browser, viewport);
    const page = await bindJurorTablet(context, server.url, juror.invitePath);
    onTestFailed(async () => {
      await page.screenshot({ path: `.tmp/shots/scorecard-view-${label}-failure.png`, fullPage: true }).catch(() => undefined);
    });

    // From the home, scrolled down to the row: the card opens at its top.
    const row = page.getByRole('link', { name: /Green 1/ });
    await row.scrollIntoViewIfNeeded();
    await row.click();
    await page.getByRole('heading', { level: 1, name: 'Green 1' }).waitFor();
    await expect.poll(() => headingPlace(page)).toMatchObject({ text: 'Green 1', inView: true, onTop: true, focused: true, scrollY: 0 });

    // At the bottom of a card, "Next": the next startup's name is on screen and has focus.
    await scrollToBottom(page);
    await page.getByRole('link', { name: 'Suivante' }).click();
    await page.getByRole('heading', { level: 1, name: 'Green 2' }).waitFor();
    await expect.poll(() => headingPlace(page)).toMatchObject({ text: 'Green 2', inView: true, onTop: true, focused: true, scrollY: 0 });

    // Green 2's brief: founders and pitch, open on a landscape tablet, folded on a portrait one.
    const pitch = page.getByText(PITCH);
    if (label === 'landscape') {
      expect(await pitch.isVisible()).toBe(true);
      expect(await page.getByText('Fondatrice de Green 2').isVisible()).toBe(true);
    } else {
      expect(await pitch.isVisible()).toBe(false);
      await page.getByText('Le pitch et les fondateurs').click();
      await pitch.waitFor({ state: 'visible' });
      expect(await page.getByText('Fondatrice de Green 2').isVisible()).toBe(true);
    }
    await page.screenshot({ path: `.tmp/shots/scorecard-${label}-fr.png` });
    await expectNoAxeViolations(page, `scorecard with its brief (${label}, fr)`);

    // "Previous" from the bottom as well.
    await scrollToBottom(page);
    await page.getByRole('link', { name: 'Précédente' }).click();
    await page.getByRole('heading', { level: 1, name: 'Green 1' }).waitFor();
    await expect.poll(() => headingPlace(page)).toMatchObject({ text: 'Green 1', inView: true, onTop: true, focused: true, scrollY: 0 });

    // In Arabic, right to left: the same.
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.locator('html[dir="rtl"]').waitFor();
    await scrollToBottom(page);
    await page.getByRole('link', { name: 'التالية' }).click();
    await page.getByRole('heading', { level: 1, name: 'Green 2' }).waitFor();
    await expect.poll(() => headingPlace(page)).toMatchObject({ text: 'Green 2', inView: true, onTop: true, focused: true, scrollY: 0 });
    if (label === 'portrait') await page.getByText('العرض والمؤسسون').click();
    await pitch.waitFor({ state: 'visible' });
    await page.screenshot({ path: `.tmp/shots/scorecard-${label}-ar.png` });
    await expectNoAxeViolations(page, `scorecard with its brief (${label}, ar)`);
    await context.close();
  });
}
