// Item 3: the juror's tablet in headless Chromium. The gzipped JavaScript loaded before the
// scorecard is interactive, and the time from navigation start until the criterion buttons are
// visible and enabled, under Lighthouse's default mobile throttling, cold cache.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median, orCleanUp, repoRoot, startPalmares } from './util.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Lighthouse's default mobile throttling (simulated there, applied here through CDP). */
const THROTTLING = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8, cpuSlowdown: 4 };
const PIN = '2468';
const INTERACTIVE_SELECTOR = '.criterion__levels .level-button';
/** How long a new page is left alone before the measured navigation (see below). */
const SETTLE_MS = 3_000;

/** Resolves in the page once every criterion button is visible and enabled: performance.now(). */
function interactiveAt(selector) {
  const buttons = [...globalThis.document.querySelectorAll(selector)];
  if (buttons.length === 0) return false;
  const ready = buttons.every((b) => !b.disabled && b.getClientRects().length > 0 && globalThis.getComputedStyle(b).visibility !== 'hidden');
  return ready ? globalThis.performance.now() : false;
}

/**
 * The same check, installed in the page before its first script and run on every animation frame
 * until it holds; it leaves the time in a global. Waiting with Playwright's waitForFunction instead
 * evaluates Playwright's own injected script (some 300 KB) in the page while it loads, a few
 * hundred ms of the throttled main thread that the app never spends for a real juror.
 */
const PROBE_GLOBAL = '__palmaresInteractiveAt';
const probeSource = (selector) =>
  `(() => { const ready = ${interactiveAt.toString()}; const check = () => { const at = ready(${JSON.stringify(selector)}); if (at === false) requestAnimationFrame(check); else globalThis.${PROBE_GLOBAL} = at; }; requestAnimationFrame(check); })();`;

/** Polls the probe's global through the DevTools protocol (nothing injected): performance.now() when ready. */
async function probedInteractiveAt(cdp, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: `globalThis.${PROBE_GLOBAL} ?? null`, returnByValue: true });
    if (typeof result.value === 'number') return result.value;
    if (Date.now() > deadline) throw new Error(`the scorecard was not interactive within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One line per request of a visit: when it started and ended (ms after the first), bytes on the wire. */
function logWaterfall(requests, log) {
  const t0 = Math.min(...requests.map((q) => q.start));
  const ms = (t) => (t === undefined ? '…' : String(Math.round((t - t0) * 1000)));
  log('  waterfall of run 1 (ms from the first request: start–end, KB on the wire):');
  for (const q of requests.sort((a, b) => a.start - b.start)) {
    log(`    ${ms(q.start).padStart(5)}–${ms(q.end).padEnd(5)} ${q.bytes === undefined ? '    ' : (q.bytes / 1024).toFixed(1).padStart(5)}  ${q.type.padEnd(10)} ${q.url}`);
  }
}

export async function browserBench({ runs, log }) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}`);
  if (!existsSync(join(repoRoot, 'apps/web/dist/index.html'))) throw new Error('apps/web/dist is not built');
  const { chromium } = createRequire(join(repoRoot, 'e2e/package.json'))('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'palmares-bench-web-'));
  const server = await orCleanUp(dir, () => startPalmares({ dbPath: join(dir, 'web.sqlite') }));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS }).catch(async (e) => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  try {
    // Bind a tablet through the invitation link, as a juror does, and choose its PIN; the
    // measured visits reuse its cookie and local storage, never its HTTP cache.
    const setup = await browser.newContext({ serviceWorkers: 'block' });
    const page = await setup.newPage();
    await page.goto(`${server.url}/j/demo-juror-2`);
    let target = null;
    let note = '';
    try {
      await page.waitForURL(/\/juror(\/|$|\?)/, { timeout: 30_000 });
      const cookies = await setup.cookies();
      if (!cookies.some((c) => c.name === 'palmares_device')) throw new Error('no device cookie');
      const entrantId = await page.evaluate(async (pin) => {
        const pinRes = await fetch('/api/juror/pin', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pin }) });
        if (!pinRes.ok && pinRes.status !== 409) throw new Error(`PIN: ${pinRes.status}`);
        const state = await (await fetch('/api/juror/state')).json();
        return state.entrants.find((e) => e.state !== 'recused')?.id ?? null;
      }, PIN);
      if (!entrantId) throw new Error('juror 2 has no entrant to score');
      target = { path: `/juror/entrants/${entrantId}`, selector: INTERACTIVE_SELECTOR, what: 'scorecard' };
      // A first visit of the scorecard, unthrottled, checks that the route is there.
      await page.goto(`${server.url}${target.path}`);
      await page.waitForFunction(interactiveAt, target.selector, { timeout: 30_000, polling: 100 });
    } catch (e) {
      note = `the juror's scorecard could not be reached (${e.message.split('\n')[0]}): measured the app shell at / instead`;
      log(`  ${note}`);
      target = { path: '/', selector: 'main', what: 'app shell' };
    }
    const storageState = await setup.storageState();
    await setup.close();

    const samples = [];
    for (let r = 0; r < runs; r++) {
      const context = await browser.newContext({ storageState, serviceWorkers: 'block' });
      const p = await context.newPage();
      const cdp = await context.newCDPSession(p);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: THROTTLING.latency,
        downloadThroughput: THROTTLING.downloadThroughput,
        uploadThroughput: THROTTLING.uploadThroughput,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuSlowdown });
      // Every request of the visit, for the waterfall printed after the first run.
      const requests = new Map();
      cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: new URL(e.request.url).pathname, type: e.type, start: e.timestamp }));
      cdp.on('Network.loadingFinished', (e) => Object.assign(requests.get(e.requestId) ?? {}, { end: e.timestamp, bytes: e.encodedDataLength }));
      // Scripts are only noted during the visit; their bodies are read and gzipped once the
      // scorecard is interactive, so the measuring takes no CPU from the page it measures.
      const responses = [];
      p.on('response', (res) => {
        if (res.request().resourceType() === 'script') responses.push({ res, at: Date.now() });
      });
      if (target.what === 'scorecard') {
        await cdp.send('Page.enable');
        await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: probeSource(target.selector) });
      }
      // A new window makes this Chromium load its own omnibox and compose-box pages (chrome://
      // WebUI, some 60 files, in other processes) for about 1.5 s: on two cores they took CPU from
      // the visit measured. Like Lighthouse, navigate once the browser is quiet.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      await p.goto(`${server.url}${target.path}`, { waitUntil: 'commit' });
      let interactiveMs;
      if (target.what === 'scorecard') {
        interactiveMs = await probedInteractiveAt(cdp, 120_000);
      } else {
        await p.waitForLoadState('load');
        interactiveMs = await p.evaluate(() => globalThis.performance.now());
      }
      const doneAt = Date.now();
      const loaded = (
        await Promise.all(
          responses.map(({ res, at }) =>
            res.body().then(
              (body) => ({ url: new URL(res.url()).pathname, raw: body.length, gzip: gzipSync(body).length, encoding: res.headers()['content-encoding'] ?? 'identity', at }),
              () => null,
            ),
          ),
        )
      ).filter(Boolean);
      const before = loaded.filter((s) => s.at <= doneAt);
      samples.push({
        ms: interactiveMs,
        gzipKB: before.reduce((n, s) => n + s.gzip, 0) / 1024,
        rawKB: before.reduce((n, s) => n + s.raw, 0) / 1024,
        files: before.map((s) => ({ url: s.url, rawKB: +(s.raw / 1024).toFixed(1), gzipKB: +(s.gzip / 1024).toFixed(1), encoding: s.encoding })),
      });
      await context.close();
      log(`  run ${r + 1}: ${target.what} interactive at ${interactiveMs.toFixed(0)} ms; ${before.length} JS files, ${samples.at(-1).gzipKB.toFixed(1)} KB gzipped (${samples.at(-1).rawKB.toFixed(0)} KB as served)`);
      if (r === 0) logWaterfall([...requests.values()], log);
    }
    return {
      what: target.what,
      path: target.path,
      note,
      ms: median(samples.map((s) => s.ms)),
      gzipKB: median(samples.map((s) => s.gzipKB)),
      rawKB: median(samples.map((s) => s.rawKB)),
      files: samples[0].files,
      runs: samples.length,
    };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
