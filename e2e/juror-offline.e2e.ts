import { createRequire } from 'node:module';
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoAxeViolations, launchChromium, newTabletContext } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { setIdleLock } from './support/tablet.js';

// ---------------------------------------------------------------------------------------------
// A network the test can really cut: every byte between Chromium and the server goes through
// this TCP gate. Cutting it destroys the open connections (the live stream too) and refuses new
// ones, so "the server saw nothing while offline" is measured, not assumed (STACK.md, trap 11).

interface Gate {
  url: string;
  cut(): void;
  restore(): void;
  /** Bytes that reached the server while the gate was cut: must stay 0. */
  bytesWhileCut: number;
  /** Connections the tablet attempted while cut (refused at the gate). */
  refusedWhileCut: number;
  close(): Promise<void>;
}

async function startGate(target: string): Promise<Gate> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let open = true;
  const gate = {
    url: '',
    bytesWhileCut: 0,
    refusedWhileCut: 0,
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    restore() {
      open = true;
    },
    close: async () => {
      gate.cut();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server: Server = createServer((client) => {
    if (!open) {
      gate.refusedWhileCut++;
      client.destroy();
      return;
    }
    const upstream = connect(Number(port), hostname);
    sockets.add(client);
    sockets.add(upstream);
    client.on('data', (chunk: Buffer) => {
      if (!open) gate.bytesWhileCut += chunk.length;
      else upstream.write(chunk);
    });
    // Ends are passed on gracefully (a response is flushed before its socket closes); only a
    // cut or an error destroys a connection.
    upstream.pipe(client);
    client.on('end', () => upstream.end());
    const forget = () => {
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', () => {
      forget();
      upstream.destroy();
    });
    upstream.on('close', () => {
      forget();
      client.end();
    });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  gate.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return gate;
}

// ---------------------------------------------------------------------------------------------
// The server's own record, read from its SQLite file (better-sqlite3 is the server's dependency).

interface Statement {
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
}
interface Db {
  prepare(sql: string): Statement;
  close(): void;
}
const requireFromServer = createRequire(new URL('../apps/server/package.json', import.meta.url));
const Database = requireFromServer('better-sqlite3') as new (path: string, options: { readonly: boolean }) => Db;

function readDb<T>(path: string, read: (db: Db) => T): T {
  const db = new Database(path, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

interface Finalist {
  id: number;
  name: string;
  position: number;
}

const JUROR_TOKEN = 'demo-juror-2';
const PIN = '4821';
const CRITERIA = 6;
/** A distinct, recognisable score per startup and criterion. */
const scoreFor = (startup: number, criterion: number) => ((startup * 3 + criterion * 2) % 10) + 1;

let server: RunningServer;
let gate: Gate;
let browser: Browser;
let finalists: Finalist[];
let jurorId: number;
let roundId: number;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchChromium()]);
  gate = await startGate(server.url);
  readDb(server.dbPath, (db) => {
    roundId = (db.prepare("SELECT id FROM rounds WHERE kind = 'final'").get() as { id: number }).id;
    jurorId = (db.prepare('SELECT id FROM jurors WHERE invite_token = ?').get(JUROR_TOKEN) as { id: number }).id;
    finalists = db
      .prepare(
        `SELECT e.id, e.name, re.pitch_position AS position FROM round_entrants re JOIN entrants e ON e.id = re.entrant_id
         WHERE re.round_id = ? ORDER BY re.pitch_position`,
      )
      .all(roundId) as Finalist[];
  });
});
afterAll(async () => {
  await browser?.close();
  await gate?.close();
  await server?.stop();
});

/** The server's current scores of this juror in the final: "startup name/criterion" → value. */
function serverScores(): Record<string, number> {
  return readDb(server.dbPath, (db) => {
    const rows = db
      .prepare(
        `SELECT e.name, c.position, s.value FROM scores s JOIN scorecards sc ON sc.id = s.scorecard_id
         JOIN criteria c ON c.id = s.criterion_id JOIN entrants e ON e.id = sc.entrant_id
         WHERE sc.round_id = ? AND sc.juror_id = ? AND sc.status <> 'withdrawn'`,
      )
      .all(roundId, jurorId) as { name: string; position: number; value: number }[];
    return Object.fromEntries(rows.map((r) => [`${r.name}/${r.position}`, r.value]));
  });
}

const serverChangeCount = () =>
  readDb(server.dbPath, (db) =>
    (db.prepare('SELECT COUNT(*) AS n FROM score_changes sc JOIN scorecards c ON c.id = sc.scorecard_id WHERE c.juror_id = ?').get(jurorId) as { n: number }).n,
  );

function expectedScores(startups: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of startups) for (let i = 0; i < CRITERIA; i++) out[`${finalists[k]?.name}/${i}`] = scoreFor(k, i);
  return out;
}

const finalist = (k: number): Finalist => {
  const f = finalists[k];
  if (!f) throw new Error(`no finalist ${k}`);
  return f;
};

const FR_PIN_LABELS = { choose: 'Nouveau code PIN', next: 'Continuer', confirm: 'Confirmez le code PIN', save: 'Enregistrer le code PIN', jurorsPin: 'Votre code PIN', bind: 'Lier cette tablette' };

/**
 * Binds a tablet from the juror's link: on the juror's first tablet the PIN is chosen (typed
 * twice); on any further one the link asks for the juror's PIN (issue 14 point 8).
 */
async function bindAndSetPin(context: BrowserContext, labels = FR_PIN_LABELS, axeLabel?: string) {
  // The machines running this journey are shared and often loaded: wait longer than the default.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.goto(`${gate.url}/j/${JUROR_TOKEN}`);
  const choose = page.getByLabel(labels.choose, { exact: true });
  const jurorsPin = page.getByLabel(labels.jurorsPin, { exact: true });
  await choose.or(jurorsPin).waitFor().catch(async (error: unknown) => {
    console.error('DIAG', page.url(), await page.locator('body').innerText().catch(() => '?'));
    await page.screenshot({ path: '/tmp/juror-e2e-diag.png' }).catch(() => undefined);
    throw error;
  });
  if (axeLabel) await expectNoAxeViolations(page, axeLabel);
  // The on-screen keypad types the first PIN, the keyboard the second.
  for (const digit of PIN) await page.getByRole('button', { name: digit, exact: true }).click();
  if (await jurorsPin.isVisible()) {
    await page.getByRole('button', { name: labels.bind }).click();
  } else {
    await page.getByRole('button', { name: labels.next }).click();
    await page.getByLabel(labels.confirm).fill(PIN);
    await page.getByRole('button', { name: labels.save }).click();
  }
  await page.waitForURL((url) => url.pathname === '/juror');
  await page.locator('.entrant-list').first().waitFor();
  return page;
}

async function scoreStartup(page: Page, k: number) {
  await page.goto(`${gate.url}/juror/entrants/${finalist(k).id}`);
  await page.getByRole('heading', { level: 1, name: finalist(k).name }).waitFor();
  const rows = page.locator('.criterion__levels');
  await expect.poll(() => rows.count()).toBe(CRITERIA);
  for (let i = 0; i < CRITERIA; i++) await rows.nth(i).getByRole('button', { name: String(scoreFor(k, i)), exact: true }).click();
}

/** The levels the scorecard shows as chosen, criterion by criterion. */
async function shownScores(page: Page, k: number): Promise<number[]> {
  await page.goto(`${gate.url}/juror/entrants/${finalist(k).id}`);
  await page.getByRole('heading', { level: 1, name: finalist(k).name }).waitFor();
  const pressed = page.locator('.criterion__levels [aria-pressed="true"]');
  await expect.poll(() => pressed.count()).toBe(CRITERIA);
  return (await pressed.allTextContents()).map(Number);
}

const expectedShown = (k: number) => Array.from({ length: CRITERIA }, (_, i) => scoreFor(k, i));

test('a juror scores on a tablet, keeps scoring with the network cut and reloads, and every score reaches the server once', { timeout: 360_000 }, async () => {
  const tablet = await newTabletContext(browser);
  const page = await bindAndSetPin(tablet, undefined, 'PIN set-up (fr)');
  await expect.poll(() => page.locator('.entrant-row').count()).toBe(12);
  await expectNoAxeViolations(page, 'juror home (fr)');

  // The app shell is in the service worker's cache before the network goes.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 });

  // Online: three startups scored, the first one submitted, a conflict declared on the fourth.
  for (const k of [0, 1, 2]) await scoreStartup(page, k);
  await page.getByRole('button', { name: 'Faisabilité' }).click();
  const levels = page.getByRole('dialog', { name: /Faisabilité/ });
  await levels.waitFor();
  expect(await levels.textContent()).toContain('Prototype fonctionnel');
  await expectNoAxeViolations(page, 'scorecard with its level descriptions (fr)');
  await page.keyboard.press('Escape');
  await expect.poll(() => levels.isVisible()).toBe(false);
  await expectNoAxeViolations(page, 'scorecard (fr)');

  await page.goto(`${gate.url}/juror/entrants/${finalist(0).id}`);
  await page.getByRole('button', { name: 'Soumettre la fiche' }).click();
  await page.getByText('Fiche soumise.', { exact: true }).waitFor();

  await page.goto(`${gate.url}/juror/entrants/${finalist(3).id}`);
  await page.getByRole('button', { name: 'Déclarer un conflit d’intérêts' }).click();
  const conflict = page.getByRole('dialog', { name: 'Déclarer un conflit d’intérêts' });
  await conflict.getByRole('button', { name: 'Confirmer le conflit' }).click();
  await conflict.getByText('Indiquez le motif du conflit.').waitFor();
  await conflict.getByLabel('Motif (obligatoire)').fill('Mentor de l’équipe fondatrice en 2022');
  await conflict.getByRole('button', { name: 'Confirmer le conflit' }).click();
  await page.waitForURL((url) => url.pathname === '/juror');
  const recusedRow = page.locator('.entrant-row', { hasText: finalist(3).name });
  await expect.poll(() => recusedRow.textContent()).toContain('Conflit déclaré');
  expect(await recusedRow.getByRole('link').count()).toBe(0);
  await expect.poll(() => page.getByText('1 sur 11 soumises').count()).toBe(1);

  await expect.poll(serverScores, { timeout: 15_000 }).toEqual(expectedScores([0, 1, 2]));
  expect(readDb(server.dbPath, (db) => db.prepare('SELECT reason FROM recusals WHERE juror_id = ? AND entrant_id = ?').get(jurorId, finalist(3).id))).toEqual({
    reason: 'Mentor de l’équipe fondatrice en 2022',
  });
  await expect.poll(() => page.locator('.juror-header .sync-status').textContent()).toContain('Synchronisé');

  // The network goes, for real: the gate drops every connection, and Chromium's own requests
  // (the service worker's included) are aborted.
  const changesBefore = serverChangeCount();
  gate.cut();
  await tablet.route('**/*', (route) => route.abort('internetdisconnected'));

  for (const k of [4, 5]) await scoreStartup(page, k);
  await page.getByText('Note privée et retour pour la startup').click();
  await page.getByLabel('Retour pour la startup').fill('Pitch clair, chiffres solides.');
  await page.getByLabel('Note privée pour le jury').click(); // leaving the field saves it
  await page.getByRole('link', { name: 'Mes startups' }).first().click();
  await page.locator('.entrant-list').first().waitFor();
  // One indicator at the top of the screen (issue 14 point 12), with when the server last answered.
  await expect.poll(() => page.locator('.juror-header .sync-status').textContent()).toMatch(/Hors ligne : 13 modifications en attente · serveur joint il y a/);
  expect(await page.locator('main .sync-status').count()).toBe(0);

  // The idle lock works offline too: the tablet checks its own PBKDF2 hash.
  await page.getByRole('button', { name: /Verrouiller/ }).click();
  await page.getByRole('heading', { name: /Tablette verrouillée/ }).waitFor();
  await page.getByLabel('Code PIN').fill('0000');
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  // The same counts as the server's, said to come from the tablet (issue 14 point 6).
  await page.locator('.pin-verdict').filter({ hasText: 'Code PIN incorrect. Encore 4 essais avant une pause de 5 minutes.' }).waitFor();
  await page.locator('.pin-verdict').filter({ hasText: 'Vérifié sur cette tablette (hors ligne)' }).waitFor();
  await page.getByLabel('Code PIN').fill(PIN);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mes startups' }).waitFor();

  // A reload with no network opens the app from the service worker and the drafts from IndexedDB.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Mes startups' }).waitFor();
  for (const k of [1, 2, 4, 5]) await expect.poll(() => page.locator('.entrant-row', { hasText: finalist(k).name }).textContent()).toContain('Brouillon');
  await expect.poll(() => page.locator('.entrant-row', { hasText: finalist(0).name }).textContent()).toContain('Soumise');
  for (const k of [4, 5]) {
    expect(await page.locator('.entrant-row', { hasText: finalist(k).name }).textContent()).toContain('sur la tablette, pas encore envoyées');
  }
  for (const k of [0, 1, 2, 4, 5]) expect(await shownScores(page, k)).toEqual(expectedShown(k));

  // Nothing reached the server while the network was cut.
  expect(gate.bytesWhileCut).toBe(0);
  expect(serverChangeCount()).toBe(changesBefore);
  expect(serverScores()).toEqual(expectedScores([0, 1, 2]));

  // The network returns: the outbox drains by itself, each score stored once.
  await tablet.unroute('**/*');
  gate.restore();
  await expect.poll(serverScores, { timeout: 30_000, interval: 500 }).toEqual(expectedScores([0, 1, 2, 4, 5]));
  expect(serverChangeCount()).toBe(changesBefore + 2 * CRITERIA);
  expect(readDb(server.dbPath, (db) => db.prepare('SELECT feedback FROM scorecards WHERE round_id = ? AND juror_id = ? AND entrant_id = ?').get(roundId, jurorId, finalist(5).id))).toEqual({
    feedback: 'Pitch clair, chiffres solides.',
  });
  await page.goto(`${gate.url}/juror`);
  await expect.poll(() => page.locator('.juror-header .sync-status').textContent(), { timeout: 15_000 }).toContain('Synchronisé');
  await tablet.close();

  // A second tablet bound to the same juror continues from the server's state.
  const second = await newTabletContext(browser);
  const other = await bindAndSetPin(second);
  for (const k of [1, 2, 4, 5]) await expect.poll(() => other.locator('.entrant-row', { hasText: finalist(k).name }).textContent()).toContain('Brouillon');
  expect(await other.locator('.entrant-row', { hasText: finalist(3).name }).textContent()).toContain('Conflit déclaré');
  for (const k of [0, 1, 2, 4, 5]) expect(await shownScores(other, k)).toEqual(expectedShown(k));
  await expect.poll(() => other.getByLabel('Retour pour la startup').inputValue()).toBe('Pitch clair, chiffres solides.');
  await second.close();
});

test('the idle lock never interrupts the scorecard of the startup on stage, locks elsewhere, and the PIN unlocks it; axe finds nothing in French or Arabic', { timeout: 240_000 }, async () => {
  const tablet = await newTabletContext(browser);
  const page = await bindAndSetPin(tablet);

  // The organiser moves the now-pitching cursor; the tablet follows it live.
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'organisateur@palmares.example', password: 'casablanca2023' }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const competitionId = readDb(server.dbPath, (db) => (db.prepare('SELECT competition_id AS id FROM rounds WHERE id = ?').get(roundId) as { id: number }).id);
  const onStage = finalist(6);
  const moved = await fetch(`${server.url}/api/competitions/${competitionId}/live/now-pitching`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ entrantId: onStage.id }),
  });
  expect(moved.status).toBe(200);
  const pinned = page.getByRole('region', { name: 'Sur scène maintenant' });
  await expect.poll(() => pinned.textContent(), { timeout: 10_000 }).toContain(onStage.name);
  await pinned.getByRole('link', { name: 'Noter maintenant' }).click();
  await page.getByRole('heading', { level: 1, name: onStage.name }).waitFor();

  // The organiser sets a one-minute idle lock; the tablet's clock is faked, so a minute passes at
  // once. The scorecard of the startup on stage stays open well past it.
  await setIdleLock(server.url, cookie, competitionId, 1);
  await tablet.clock.install();
  await page.goto(`${gate.url}/juror/entrants/${onStage.id}`);
  await page.getByRole('heading', { level: 1, name: onStage.name }).waitFor();
  await tablet.clock.fastForward('02:00');
  await page.getByRole('heading', { level: 1, name: onStage.name }).waitFor();
  expect(await page.getByRole('heading', { name: /Tablette verrouillée/ }).count()).toBe(0);

  // Anywhere else, the tablet locks after the idle time; a wrong PIN is refused by the server.
  await page.getByRole('link', { name: 'Mes startups' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Mes startups' }).waitFor();
  await tablet.clock.fastForward('01:05');
  await page.getByRole('heading', { name: /Tablette verrouillée/ }).waitFor({ timeout: 10_000 });
  expect(await page.locator('.entrant-list').count()).toBe(0);
  await expectNoAxeViolations(page, 'lock screen (fr)');
  await page.getByLabel('Code PIN').fill('9999');
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await page.getByText(/Code PIN incorrect\. Encore 4 essais/).waitFor();
  // A reload does not get round the lock.
  await page.reload();
  await page.getByRole('heading', { name: /Tablette verrouillée/ }).waitFor();
  await page.getByLabel('Code PIN').fill(PIN);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mes startups' }).waitFor();

  // Back to 15 minutes, then the same pages in Arabic, right to left.
  await setIdleLock(server.url, cookie, competitionId, 15);
  await page.goto(`${gate.url}/juror`);
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await page.getByRole('heading', { level: 1, name: 'شركاتي الناشئة' }).waitFor();
  await expectNoAxeViolations(page, 'juror home (ar)');
  await page.goto(`${gate.url}/juror/entrants/${onStage.id}`);
  await page.getByRole('heading', { level: 1, name: onStage.name }).waitFor();
  await page.getByRole('button', { name: 'الابتكار' }).click();
  await page.getByRole('dialog', { name: /الابتكار/ }).waitFor();
  await expectNoAxeViolations(page, 'scorecard with its level descriptions (ar)');
  await page.keyboard.press('Escape');
  await expectNoAxeViolations(page, 'scorecard (ar)');
  await page.getByRole('button', { name: /قفل/ }).click();
  await page.getByRole('heading', { name: /اللوحة مقفلة/ }).waitFor();
  await expectNoAxeViolations(page, 'lock screen (ar)');
  await tablet.close();

  const arabic = await newTabletContext(browser);
  await arabic.addInitScript(() => localStorage.setItem('palmares.language', 'ar'));
  const arPage = await bindAndSetPin(arabic, { choose: 'رمز PIN جديد', next: 'متابعة', confirm: 'أكّد رمز PIN', save: 'حفظ رمز PIN', jurorsPin: 'رمز PIN الخاص بك', bind: 'ربط هذه اللوحة' }, 'PIN set-up (ar)');
  await arPage.getByRole('heading', { level: 1, name: 'شركاتي الناشئة' }).waitFor();
  await arabic.close();
});
