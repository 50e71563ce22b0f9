import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { expectNoAxeViolations, launchChromium, TABLET_LANDSCAPE, TABLET_PORTRAIT } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { bindJurorTablet } from './support/tablet.js';

/**
 * Issue 14, point 2 (and 12): one juror, two tablets, the same scorecard open on both. What one
 * tablet stores shows on the other at once, pushed on its live stream (its state reads are held
 * while it happens, so nothing else can have brought it), with one line saying what changed; a
 * value the second tablet has not sent yet is never overwritten: it becomes a conflict to
 * resolve. The sync indicators agree, and declaring a conflict of interest is confirmed.
 */

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const JUROR = '/j/demo-juror-3';
const tabletContext = (viewport = TABLET_LANDSCAPE) => browser.newContext({ viewport, locale: 'fr-FR', hasTouch: true, serviceWorkers: 'block' });

/** The juror's startups as the server lists them (not recused), in pitch order. */
const scorable = (page: Page) =>
  page.evaluate(async () => {
    const state = (await (await fetch('/api/juror/state')).json()) as { entrants: { id: number; name: string; state: string }[] };
    return state.entrants.filter((e) => e.state !== 'recused').map(({ id, name }) => ({ id, name }));
  });

async function openScorecard(page: Page, startup: { id: number; name: string }) {
  await page.goto(`${server.url}/juror/entrants/${startup.id}`);
  await page.getByRole('heading', { level: 1, name: startup.name }).waitFor();
  await expect.poll(() => page.locator('.criterion__levels').count()).toBe(6);
}
/** Taps a level of a criterion (0: Innovation, 1: Impact pour la ville, …). */
const tap = (page: Page, criterion: number, value: number) =>
  page.locator('.criterion__levels').nth(criterion).getByRole('button', { name: String(value), exact: true }).click();
const pressedAt = (page: Page, criterion: number) => page.locator('.criterion__levels').nth(criterion).locator('[aria-pressed="true"]').allTextContents();
const remoteLine = (page: Page) => page.locator('.remote-change');

/** Holds every request matching `pattern` until `release()`: the tablet sees no answer meanwhile. */
async function hold(context: BrowserContext, pattern: string) {
  const held: Route[] = [];
  const handler = (route: Route) => void held.push(route);
  await context.route(pattern, handler);
  return {
    held,
    async release() {
      await context.unroute(pattern, handler);
      await Promise.all(held.map((r) => r.continue().catch(() => undefined)));
    },
  };
}

test("a change on the juror's other tablet shows on the open scorecard, pushed, with one line saying what changed; an unsent value becomes a conflict", { timeout: 300_000 }, async () => {
  const first = await tabletContext();
  const second = await tabletContext();
  const a = await bindJurorTablet(first, server.url, JUROR);
  const b = await bindJurorTablet(second, server.url, JUROR);
  const pageErrors: string[] = [];
  for (const page of [a, b]) page.on('pageerror', (error) => pageErrors.push(error.message));
  onTestFailed(async () => {
    console.error('page errors:', pageErrors);
    await b.screenshot({ path: '.tmp/shots/juror-live-changes-failure.png', fullPage: true }).catch(() => undefined);
  });
  const [startup, other] = await scorable(a);
  if (!startup || !other) throw new Error('the demo juror has fewer than two startups to score');
  await openScorecard(a, startup);
  await openScorecard(b, startup);

  // While tablet B cannot read its state, tablet A scores: B follows through its live stream.
  const stateReads = await hold(second, '**/api/juror/state');
  await tap(a, 0, 5);
  await expect.poll(() => pressedAt(b, 0)).toEqual(['5']);
  expect(await remoteLine(b).textContent()).toBe('Modifié sur votre autre tablette : Innovation 5.');
  await tap(a, 0, 8);
  await expect.poll(() => remoteLine(b).textContent()).toBe('Modifié sur votre autre tablette : Innovation 5 → 8.');
  expect(await pressedAt(b, 0)).toEqual(['8']);
  await stateReads.release();

  // B taps Impact, but its change has not reached the server (held) when A's 6 arrives: B keeps
  // nothing it did not choose. Its 3 is a conflict, the screen shows what the server holds.
  const sends = await hold(second, '**/api/juror/rounds/*/changes');
  await tap(b, 1, 3);
  await expect.poll(() => sends.held.length).toBe(1);
  await tap(a, 1, 6);
  const conflict = b.locator('.problems__item').filter({ hasText: 'Impact pour la ville' });
  await expect.poll(() => conflict.textContent()).toContain('Le serveur garde 6, cette tablette avait 3');
  expect(await pressedAt(b, 1)).toEqual(['6']);
  expect(await remoteLine(b).textContent()).toBe('Modifié sur votre autre tablette : Impact pour la ville 6.');
  await sends.release(); // refused when it arrives (same revision, another value): nothing changes
  await expect.poll(() => conflict.count()).toBe(1);
  // One sync indicator at the top and one in the footer, saying the same thing on one clock.
  const header = b.locator('.juror-header .sync-status');
  const footer = b.locator('.scorecard__footer .sync-status');
  expect(await b.locator('.sync-status').count()).toBe(2);
  await expect.poll(async () => [await header.textContent(), await footer.textContent()].every((text) => text?.startsWith('1 modification refusée'))).toBe(true);
  await expectNoAxeViolations(b, 'scorecard changed on the other tablet, with a conflict (fr)');
  await b.screenshot({ path: '.tmp/shots/live-change-conflict-1024x768-fr.png', fullPage: true });

  await conflict.getByRole('button', { name: 'Prendre celle du serveur' }).click();
  await b.getByRole('dialog').getByRole('button', { name: 'Abandonner ma valeur' }).click();
  await expect.poll(() => conflict.count()).toBe(0);
  await expect.poll(async () => (await header.textContent()) === (await footer.textContent())).toBe(true);

  // A completes and submits: B says so (the line tells the latest change), and is read-only.
  for (const criterion of [2, 3, 4, 5]) await tap(a, criterion, 7);
  await expect.poll(() => remoteLine(b).textContent()).toBe('Modifié sur votre autre tablette : Qualité du pitch 7.');
  await a.getByRole('button', { name: 'Soumettre la fiche' }).click();
  await a.getByText('Fiche soumise.', { exact: true }).waitFor();
  await expect.poll(() => remoteLine(b).textContent()).toBe('Modifié sur votre autre tablette : fiche soumise.');
  await b.getByText('Fiche soumise : rouvrez-la pour la modifier.').waitFor();

  // In Arabic, portrait: A reopens it, B says so in its language.
  await b.setViewportSize(TABLET_PORTRAIT);
  await b.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => b.locator('html').getAttribute('dir')).toBe('rtl');
  await a.getByRole('button', { name: 'Rouvrir pour modifier' }).click();
  await expect.poll(() => remoteLine(b).textContent()).toBe('تغيّر على لوحتك الأخرى: أُعيد فتح البطاقة.');
  await tap(a, 0, 9);
  await expect.poll(() => remoteLine(b).textContent()).toMatch(/^تغيّر على لوحتك الأخرى: الابتكار .+ ← .+\.$/);
  await expectNoAxeViolations(b, 'scorecard changed on the other tablet (ar)');
  await b.screenshot({ path: '.tmp/shots/live-change-768x1024-ar.png', fullPage: true });

  // A declares a conflict of interest with another startup: A is told it is done; B, on that
  // startup's scorecard, shows it withdrawn and says why.
  await b.getByRole('button', { name: 'Français' }).click();
  await openScorecard(b, other);
  await openScorecard(a, other);
  await a.getByRole('button', { name: 'Déclarer un conflit d’intérêts' }).click();
  await a.getByLabel('Motif (obligatoire)').fill('Ancien associé de la fondatrice');
  await a.getByRole('button', { name: 'Confirmer le conflit' }).click();
  await a.waitForURL((url) => url.pathname === '/juror');
  await a.getByRole('status').filter({ hasText: `Conflit d’intérêts déclaré pour ${other.name} : sa fiche est retirée et vos notes pour elle ne comptent pas.` }).waitFor();
  await expectNoAxeViolations(a, 'conflict of interest declared (fr)');
  await a.screenshot({ path: '.tmp/shots/conflict-declared-1024x768-fr.png' });
  await expect.poll(() => remoteLine(b).textContent()).toBe('Modifié sur votre autre tablette : conflit d’intérêts déclaré.');
  await b.getByText('Vous avez déclaré un conflit d’intérêts avec cette startup').waitFor();

  expect(pageErrors).toEqual([]);
  await first.close();
  await second.close();
});
