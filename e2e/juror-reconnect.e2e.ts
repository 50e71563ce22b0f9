import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { startServerProcess, type ServerProcess } from '../apps/server/src/reliability/support/server-process.js';
import { launchChromium, newTabletContext } from './support/browser.js';
import { entrantIdOf, FIXTURE_ENV, openRoundOne, scoredRoundOne, type ScoredRoundOne } from './support/competition-fixture.js';
import { serverScorecard } from './support/server-db.js';
import { bindJurorTablet } from './support/tablet.js';

/**
 * Issue 14, point 4 and issue 18, point 3: the server process really stops (SIGTERM) and comes
 * back on the same address with the same database; the changes queued on the tablet meanwhile go
 * out by themselves, through the one send path that "submit" uses too. The time it takes is the
 * bench's row "sync: queue drain after the server returns" (bench/lib/sync-drain.mjs).
 */

const NEEDS_NETWORK = 'Soumettre ou rouvrir demande la connexion au serveur ; vos notes restent enregistrées sur la tablette.';

let dir: string;
let dbPath: string;
let port: number;
let server: ServerProcess;
let browser: Browser;
let fixture: ScoredRoundOne;
let roundId: number;

const start = (at?: number) => startServerProcess(dbPath, { from: 'built', demo: false, env: FIXTURE_ENV, ...(at ? { port: at } : {}) });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'palmares-e2e-reconnect-'));
  dbPath = join(dir, 'e2e.sqlite');
  [server, browser] = await Promise.all([start(), launchChromium()]);
  port = Number(new URL(server.url).port);
  fixture = await scoredRoundOne(server.url, { roundOne: false });
  roundId = await openRoundOne(server.url, fixture);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const idOf = (name: string) => entrantIdOf(fixture, name);

/** This juror's scorecard of an entrant in round 1, as the server holds it. */
const serverCard = (jurorId: number, entrantId: number) => serverScorecard(dbPath, roundId, jurorId, entrantId);

async function score(page: Page, name: string, values: number[]) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
  const rows = page.locator('.criterion__levels');
  await expect.poll(() => rows.count()).toBe(values.length);
  for (const [i, value] of values.entries()) await rows.nth(i).getByRole('button', { name: String(value), exact: true }).click();
}

test('the server stops and comes back: the changes queued on the tablet meanwhile are sent by themselves, and submit works again', { timeout: 300_000 }, async () => {
  const [amina] = fixture.jurors;
  if (!amina) throw new Error('no juror');
  const context = await newTabletContext(browser);
  const page = await bindJurorTablet(context, server.url, amina.invitePath);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  onTestFailed(async () => {
    console.error('page errors:', pageErrors);
    await page.screenshot({ path: '.tmp/shots/juror-reconnect-failure.png', fullPage: true }).catch(() => undefined);
  });
  // The app shell is in the service worker's cache before the server goes.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 });

  // Online: Green 1 scored, stored on the server.
  await page.goto(`${server.url}/juror/entrants/${idOf('Green 1')}`);
  await score(page, 'Green 1', [7, 6]);
  await expect.poll(() => serverCard(amina.id, idOf('Green 1'))?.scores).toEqual({ impact: 6, innovation: 7 });

  // The server process stops. The tablet keeps scoring: City 1, and a private note.
  let failedSends = 0;
  page.on('requestfailed', (request) => {
    if (request.method() === 'POST' && request.url().endsWith(`/rounds/${roundId}/changes`)) failedSends++;
  });
  await server.stop();
  await page.getByRole('link', { name: 'Suivante' }).click();
  await page.waitForURL((url) => url.pathname !== `/juror/entrants/${idOf('Green 1')}`);
  const nextId = Number(new URL(page.url()).pathname.split('/').pop());
  const nextName = [...fixture.entrantIds].find(([, id]) => id === nextId)?.[0] ?? '';
  await score(page, nextName, [4, 9]);
  await page.getByText('Note privée et retour pour la startup').click();
  await page.getByLabel('Note privée pour le jury').fill('Revoir le plan de financement');
  await page.getByLabel('Retour pour la startup').click(); // leaving the field saves it
  await expect.poll(() => page.locator('.juror-header .sync-status').textContent()).toMatch(/Hors ligne : 3 modifications en attente/);

  // "Submit" waits for the server, and says why.
  expect(await page.getByRole('button', { name: 'Soumettre la fiche' }).isDisabled()).toBe(true);
  await page.getByText(NEEDS_NETWORK).waitFor();
  // The tablet keeps trying on its own (backoff of at most 5 s): several attempts fail.
  await expect.poll(() => failedSends, { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(4);
  expect(serverCard(amina.id, idOf(nextName))).toBeNull();

  // The server returns on the same address: the queue drains with no tap and no reload.
  server = await start(port);
  const back = Date.now();
  await expect.poll(() => serverCard(amina.id, idOf(nextName)), { timeout: 30_000, interval: 100 }).toEqual({
    status: 'draft',
    note: 'Revoir le plan de financement',
    scores: { impact: 9, innovation: 4 },
  });
  console.log(`queue drained ${Date.now() - back} ms after the server answered again`);
  await expect.poll(() => page.locator('.juror-header .sync-status').textContent(), { timeout: 30_000 }).toContain('Synchronisé');

  // And submit goes through now.
  await page.getByRole('button', { name: 'Soumettre la fiche' }).click();
  await page.getByText('Fiche soumise.', { exact: true }).waitFor();
  expect(serverCard(amina.id, idOf(nextName))?.status).toBe('submitted');
  await page.screenshot({ path: '.tmp/shots/reconnect-submitted-1024x768-fr.png' });
  expect(pageErrors).toEqual([]);
  await context.close();
});
