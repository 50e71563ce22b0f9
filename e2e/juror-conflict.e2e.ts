import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { RoundDetailSchema } from '../packages/contract/src/index.js';
import { client } from './support/api.js';
import { expectNoAxeViolations, launchChromium, TABLET_LANDSCAPE, TABLET_PORTRAIT } from './support/browser.js';
import { entrantIdOf, FIXTURE_ENV, openRoundOne, scoredRoundOne, type ScoredRoundOne } from './support/competition-fixture.js';
import { serverScorecard } from './support/server-db.js';
import { startServer, type RunningServer } from './support/server.js';
import { bindJurorTablet } from './support/tablet.js';

/**
 * Issue 14, point 1 (and 12, "discard my value asks first"): the same juror on two tablets. The
 * second one, without network, scores the same fields as the first; when its changes reach the
 * server they are refused (same revision, another value). The screen then shows what the server
 * holds, the refused value beside it, a total from what counts, and no "Submit" until the juror
 * has chosen; a change refused because the round closed cannot be sent again.
 */

let server: RunningServer;
let browser: Browser;
let fixture: ScoredRoundOne;
let roundId: number;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: false, env: FIXTURE_ENV }), launchChromium()]);
  fixture = await scoredRoundOne(server.url, { roundOne: false });
  roundId = await openRoundOne(server.url, fixture);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const idOf = (name: string) => entrantIdOf(fixture, name);

/** This juror's round-1 scorecard, as the server holds it: its status and scores. */
const serverCard = (jurorId: number, entrantId: number) => {
  const card = serverScorecard(server.dbPath, roundId, jurorId, entrantId);
  return card && { status: card.status, scores: card.scores };
};

/** A tablet whose network the test cuts for real (every request aborted, no service worker to answer). */
const tabletContext = (viewport = TABLET_LANDSCAPE) => browser.newContext({ viewport, locale: 'fr-FR', hasTouch: true, serviceWorkers: 'block' });
const cut = (context: BrowserContext) => context.route('**/*', (route) => route.abort('internetdisconnected'));
const restore = (context: BrowserContext) => context.unroute('**/*');

async function openScorecard(page: Page, name: string) {
  await page.goto(`${server.url}/juror/entrants/${idOf(name)}`);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await expect.poll(() => page.locator('.criterion__levels').count()).toBe(2);
}
/** Taps a level of a criterion (0: Innovation, 1: Impact), on a scorecard already open. */
const tap = (page: Page, criterion: number, value: number) => page.locator('.criterion__levels').nth(criterion).getByRole('button', { name: String(value), exact: true }).click();
const pressedValues = (page: Page) => page.locator('.criterion__levels [aria-pressed="true"]').allTextContents();
const total = (page: Page) => page.locator('.scorecard__total-value').textContent();

test('two tablets of one juror disagree: the screen shows what the server holds beside the refused value, and nothing is submitted until the juror chooses', { timeout: 300_000 }, async () => {
  const [amina] = fixture.jurors;
  if (!amina) throw new Error('no juror');
  const first = await tabletContext();
  const second = await tabletContext();
  const a = await bindJurorTablet(first, server.url, amina.invitePath);
  const b = await bindJurorTablet(second, server.url, amina.invitePath);
  const pageErrors: string[] = [];
  for (const page of [a, b]) page.on('pageerror', (error) => pageErrors.push(error.message));
  onTestFailed(async () => {
    console.error('page errors:', pageErrors);
    await b.screenshot({ path: '.tmp/shots/juror-conflict-failure.png', fullPage: true }).catch(() => undefined);
  });

  await openScorecard(a, 'Green 1');
  await openScorecard(b, 'Green 1');
  // The second tablet loses the network and scores 9 and 3; the first scores 5 and 7, stored.
  await cut(second);
  await tap(b, 0, 9);
  await tap(b, 1, 3);
  await tap(a, 0, 5);
  await tap(a, 1, 7);
  await expect.poll(() => serverCard(amina.id, idOf('Green 1'))?.scores).toEqual({ impact: 7, innovation: 5 });

  // The second tablet is back: its changes are refused, and it shows the server's values.
  await restore(second);
  const banner = b.getByRole('alert').filter({ hasText: /refusées? par le serveur/ });
  const innovation = banner.getByRole('listitem').filter({ hasText: 'Innovation' });
  const impact = banner.getByRole('listitem').filter({ hasText: 'Impact' });
  await expect.poll(() => innovation.textContent(), { timeout: 30_000 }).toContain('Le serveur garde 5, cette tablette avait 9');
  await expect.poll(() => impact.textContent()).toContain('Le serveur garde 7, cette tablette avait 3');
  expect(await pressedValues(b)).toEqual(['5', '7']);
  expect(await total(b)).toBe('5,80'); // (3 × 5 + 2 × 7) / 5: what counts
  expect(await b.getByRole('button', { name: 'Soumettre la fiche' }).isDisabled()).toBe(true);
  await b.getByText('Le serveur a refusé une modification de cette fiche : choisissez ci-dessus quelle valeur garder, puis soumettez.').waitFor();
  await expectNoAxeViolations(b, 'scorecard with refused changes (fr)');
  await b.screenshot({ path: '.tmp/shots/conflict-1024x768-fr.png', fullPage: true });

  // Keep mine: 9 goes again, as a new revision, and the server takes it.
  await innovation.getByRole('button', { name: 'Garder ma valeur (nouvelle révision)' }).click();
  await expect.poll(() => serverCard(amina.id, idOf('Green 1'))?.scores).toEqual({ impact: 7, innovation: 9 });
  await expect.poll(() => innovation.count()).toBe(0);

  // Take the server's: asked first; "Cancel" keeps everything as it was.
  await impact.getByRole('button', { name: 'Prendre celle du serveur' }).click();
  const dialog = b.getByRole('dialog', { name: 'Abandonner votre valeur ?' });
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain('Votre valeur 3 sera retirée de cette tablette. Celle qui compte restera 7, celle du serveur.');
  await expectNoAxeViolations(b, 'discard my value? (fr)');
  await b.screenshot({ path: '.tmp/shots/discard-dialog-1024x768-fr.png' });
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
  expect(await impact.count()).toBe(1);
  await impact.getByRole('button', { name: 'Prendre celle du serveur' }).click();
  await dialog.getByRole('button', { name: 'Abandonner ma valeur' }).click();
  await expect.poll(() => banner.count()).toBe(0);
  await expect.poll(() => pressedValues(b)).toEqual(['9', '7']);
  expect(await total(b)).toBe('8,20');

  // Everything resolved: "Submit" is back and submits what the screen shows.
  await b.getByRole('button', { name: 'Soumettre la fiche' }).click();
  await b.getByText('Fiche soumise.', { exact: true }).waitFor();
  expect(serverCard(amina.id, idOf('Green 1'))).toEqual({ status: 'submitted', scores: { impact: 7, innovation: 9 } });

  // The round closes while the second tablet is cut off with a change: it says the round closed,
  // shows the stored value, and offers no resend.
  await openScorecard(a, 'Green 2');
  await tap(a, 0, 6);
  await expect.poll(() => serverCard(amina.id, idOf('Green 2'))?.scores).toEqual({ innovation: 6 });
  await openScorecard(b, 'Green 2');
  await expect.poll(() => pressedValues(b)).toEqual(['6']);
  await cut(second);
  await tap(b, 0, 4);
  const organiser = client(server.url, { cookie: fixture.cookie });
  await organiser('POST', `/api/competitions/${fixture.competitionId}/rounds/${roundId}/close`, RoundDetailSchema, { reason: 'Fin de la notation du premier tour' });
  await restore(second);
  // One refused change on this scorecard: its row, whatever the language.
  const closed = b.locator('.problems__item');
  await expect.poll(() => closed.textContent(), { timeout: 30_000 }).toContain('La notation de ce tour est close : cette valeur n’a pas compté. Le serveur garde 6.');
  expect(await closed.getByRole('button', { name: /Garder|Renvoyer/ }).count()).toBe(0);
  await expect.poll(() => pressedValues(b)).toEqual(['6']);
  expect(serverCard(amina.id, idOf('Green 2'))?.scores).toEqual({ innovation: 6 });
  await expectNoAxeViolations(b, 'change refused, round closed (fr)');
  await b.screenshot({ path: '.tmp/shots/round-closed-1024x768-fr.png', fullPage: true });
  await b.setViewportSize(TABLET_PORTRAIT);
  await b.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => b.locator('html').getAttribute('dir')).toBe('rtl');
  await expect.poll(() => closed.textContent()).toContain('أُغلق التقييم في هذه الجولة');
  await expectNoAxeViolations(b, 'change refused, round closed (ar)');
  await b.screenshot({ path: '.tmp/shots/round-closed-768x1024-ar.png', fullPage: true });

  // Removing it from the tablet is asked first too.
  await closed.getByRole('button', { name: 'احذفها من اللوحة' }).click();
  await b.getByRole('dialog').getByRole('button', { name: 'تخلَّ عن قيمتي' }).click();
  await expect.poll(() => closed.count()).toBe(0);
  expect(pageErrors).toEqual([]);
  await first.close();
  await second.close();
});
