// Issue 14, point 4: a juror's tablet (headless Chromium, the built app) has a change queued while
// the server process is stopped; the server restarts on the same address and database. Timed from
// the moment the restarted server answers /api/health until its database holds the change: what
// the juror waits for, "back online means sent now". Budget: 2 s.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, median, repoRoot, requireFromServer, serverDir, sleep, startProcess } from './util.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PIN = '2468';
/** Failed sends seen before the server comes back: the tablet is well into its backoff by then. */
const FAILED_SENDS_BEFORE_RESTART = 3;

export async function syncDrainBench({ runs, log }) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}`);
  if (!existsSync(join(repoRoot, 'apps/web/dist/index.html'))) throw new Error('apps/web/dist is not built');
  const { chromium } = createRequire(join(repoRoot, 'e2e/package.json'))('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'palmares-bench-drain-'));
  const dbPath = join(dir, 'drain.sqlite');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const start = () =>
    startProcess({
      args: [`${serverDir}dist/index.js`, '--demo'],
      env: { PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: dbPath, NODE_ENV: 'production' },
      readyUrl: `${url}/api/health`,
      label: 'Palmares server',
    });
  let server = await start();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const db = new (requireFromServer('better-sqlite3'))(dbPath, { readonly: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${url}/j/demo-juror-5`);
    await page.waitForURL(/\/juror(\/|$|\?)/, { timeout: 30_000 });
    const { jurorId, roundId, entrantId } = await page.evaluate(async (pin) => {
      const pinRes = await fetch('/api/juror/pin', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pin }) });
      if (!pinRes.ok && pinRes.status !== 409) throw new Error(`PIN: ${pinRes.status}`);
      const state = await (await fetch('/api/juror/state')).json();
      return { jurorId: state.juror.id, roundId: state.round.id, entrantId: state.entrants.find((e) => e.state === 'not-started')?.id ?? null };
    }, PIN);
    if (!entrantId) throw new Error('juror 5 has no scorecard left to start');
    await page.goto(`${url}/juror/entrants/${entrantId}`);
    const levels = page.locator('.criterion__levels').first();
    await levels.waitFor({ timeout: 30_000 });
    const held = db.prepare(
      `SELECT COUNT(*) FROM score_changes s JOIN scorecards c ON c.id = s.scorecard_id WHERE c.juror_id = ? AND c.round_id = ? AND c.entrant_id = ?`,
    ).pluck();
    let failedSends = 0;
    page.on('requestfailed', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/changes')) failedSends++;
    });

    const samples = [];
    for (let r = 0; r < runs; r++) {
      const before = held.get(jurorId, roundId, entrantId);
      await server.stop();
      failedSends = 0;
      // One tap, queued on the tablet while the server is away (a different level each run).
      await levels.getByRole('button', { name: String(1 + (r % 9)), exact: true }).click();
      const deadline = Date.now() + 60_000;
      while (failedSends < FAILED_SENDS_BEFORE_RESTART) {
        if (Date.now() > deadline) throw new Error(`drain: only ${failedSends} failed sends in 60 s`);
        await sleep(20);
      }
      server = await start();
      const t0 = performance.now();
      while (held.get(jurorId, roundId, entrantId) === before) {
        if (performance.now() - t0 > 60_000) throw new Error('drain: the server never received the queued change');
        await sleep(5);
      }
      samples.push(performance.now() - t0);
    }
    log(`  queued change stored ${samples.map((t) => t.toFixed(0)).join(', ')} ms after the server answered again (${FAILED_SENDS_BEFORE_RESTART} failed sends before each restart)`);
    await context.close();
    return { ms: median(samples), runs: samples.length };
  } finally {
    db.close();
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
