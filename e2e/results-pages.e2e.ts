import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Anything, client } from './support/api.js';
import { expectNoAxeViolations, launchChromium, TABLET_PORTRAIT } from './support/browser.js';
import { closeDemoFinal, DEMO_ORGANISER, type ClosedFinal } from './support/final-fixture.js';
import { readDb, writeDb } from './support/server-db.js';
import { startServer, type RunningServer } from './support/server.js';
import { bindJurorTablet } from './support/tablet.js';

// Every results page (organiser's deliberation and print, the chair's deliberation, a founder's
// page, the public winners, the ceremony) before results exist and after, in French, English and
// Arabic: no console error, no failing request, axe clean. In between, a score edited straight in
// SQLite turns the deliberation red, naming the cell, and blocks signing (issue 15 points 3, 9).
let server: RunningServer;
let browser: Browser;
const JOURNEY_MS = 900_000;
const STEP_MS = 90_000;
const SHOTS = new URL('../.tmp/shots/', import.meta.url).pathname;
const LAPTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const LANGS = ['fr', 'en', 'ar'] as const;
type Lang = (typeof LANGS)[number];
const COMPETITION = 1;
const LANDMARK_RULES = ['landmark-unique', 'landmark-no-duplicate-main', 'landmark-no-duplicate-banner', 'landmark-no-duplicate-contentinfo', 'page-has-heading-one'];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startServer({ demo: true }), launchChromium()]);
}, JOURNEY_MS);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Everything the console and the network say that a user's developer tools would show in red. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  return problems;
}

async function context(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport, locale: 'fr-FR' });
  ctx.setDefaultTimeout(STEP_MS);
  return ctx;
}

async function organiserPage(): Promise<Page> {
  const page = await (await context(LAPTOP)).newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Adresse e-mail').fill(DEMO_ORGANISER.email);
  await page.getByLabel('Mot de passe').fill(DEMO_ORGANISER.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/competitions$/);
  return page;
}

/** Opens `path` in `lang`, waits until the page has settled, and checks it: no error, axe clean. */
async function visit(page: Page, problems: string[], path: string, lang: Lang, label: string) {
  await page.evaluate((l) => localStorage.setItem('palmares.language', l), lang);
  await page.goto(`${server.url}${path}`);
  await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: STEP_MS }).toBe(lang);
  await page.waitForLoadState('networkidle');
  await page.locator('h1').first().waitFor();
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  await expectNoAxeViolations(page, `${label} (${lang})`);
  // Beyond WCAG's tags: the landmark and heading rules the deliberation once failed (landmark-unique).
  const landmarks = await new AxeBuilder({ page }).withRules(LANDMARK_RULES).analyze();
  expect(landmarks.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${label} (${lang})`).toEqual([]);
  expect(problems, `${label} (${lang})`).toEqual([]);
}

const founderToken = () =>
  readDb(server.dbPath, (db) => db.prepare("SELECT e.access_token FROM round_entrants re JOIN rounds r ON r.id = re.round_id JOIN entrants e ON e.id = re.entrant_id WHERE r.kind = 'final' ORDER BY re.pitch_position LIMIT 1").get()) as {
    access_token: string;
  };

/** Every results page in the three languages; the chair's only once the round is closed. */
async function visitAll(phase: string, pages: { org: Page; orgProblems: string[]; open: Page; openProblems: string[]; chair?: { page: Page; problems: string[] } }) {
  const token = founderToken().access_token;
  for (const lang of LANGS) {
    await visit(pages.org, pages.orgProblems, `/competitions/${COMPETITION}/deliberation`, lang, `organiser deliberation, ${phase}`);
    await visit(pages.org, pages.orgProblems, `/competitions/${COMPETITION}/results/print`, lang, `printable results, ${phase}`);
    await visit(pages.open, pages.openProblems, `/competitions/${COMPETITION}/winners`, lang, `public winners, ${phase}`);
    await visit(pages.open, pages.openProblems, `/competitions/${COMPETITION}/ceremony`, lang, `ceremony, ${phase}`);
    await visit(pages.open, pages.openProblems, `/s/${token}`, lang, `founder's page, ${phase}`);
    if (pages.chair) await visit(pages.chair.page, pages.chair.problems, '/juror/deliberation?idle=900', lang, `chair deliberation, ${phase}`);
  }
}

test('every results page, before results exist and after, in fr, en and ar: no console error, no failing request, axe clean; a score edited in SQLite turns the deliberation red', async () => {
  const org = await organiserPage();
  const orgProblems = watch(org);
  const open = await (await context(PHONE)).newPage();
  // A public page first, to reach the origin (its storage holds the language) signed out.
  await open.goto(`${server.url}/competitions/${COMPETITION}/winners`);
  await open.waitForLoadState('networkidle');
  const openProblems = watch(open);

  // 1. The final is still being scored: nothing to deliberate, nothing published.
  await visitAll('final open', { org, orgProblems, open, openProblems });

  // 2. Scored and closed, no snapshot yet: the deliberation exists, signatures do not.
  const final: ClosedFinal = await closeDemoFinal(server.url, { layout: 'axis-cap' });
  const chairContext = await context(TABLET_PORTRAIT);
  const chair = await bindJurorTablet(chairContext, server.url, `/j/demo-juror-${final.chairIndex}`);
  const chairProblems = watch(chair);
  const pages = { org, orgProblems, open, openProblems, chair: { page: chair, problems: chairProblems } };
  await visitAll('round closed, nothing signed', pages);

  // 3. Someone edits a score in the database file: both deliberations turn red and name the cell.
  const target = final.entrants[2]!;
  const cell = readDb(server.dbPath, (db) =>
    db.prepare(
      `SELECT sc.juror_id AS juror, j.name AS jurorName, s.value, s.criterion_id AS criterion FROM scores s JOIN scorecards sc ON sc.id = s.scorecard_id
       JOIN jurors j ON j.id = sc.juror_id JOIN criteria c ON c.id = s.criterion_id
       WHERE sc.round_id = ? AND sc.entrant_id = ? AND c.code = 'team' ORDER BY sc.juror_id LIMIT 1`,
    ).get(final.roundId, target.id),
  ) as { juror: number; jurorName: string; value: number; criterion: number };
  const forged = cell.value === 10 ? 1 : 10;
  const setScore = (value: number) =>
    writeDb(server.dbPath, (db) =>
      db.prepare('UPDATE scores SET value = ? WHERE criterion_id = ? AND scorecard_id = (SELECT id FROM scorecards WHERE round_id = ? AND juror_id = ? AND entrant_id = ?)').run(value, cell.criterion, final.roundId, cell.juror, target.id),
    );
  setScore(forged);

  await visit(org, orgProblems, `/competitions/${COMPETITION}/deliberation`, 'fr', 'organiser deliberation, tampered');
  const banner = org.getByRole('alert').filter({ hasText: 'Des notes diffèrent du journal des événements' });
  await banner.waitFor();
  await org.getByRole('button', { name: 'Afficher les noms' }).click();
  const row = banner.getByRole('row').filter({ hasText: target.name });
  await row.filter({ hasText: cell.jurorName }).waitFor();
  expect(await row.getByRole('cell').allInnerTexts()).toEqual([cell.jurorName, target.name, 'Équipe', String(forged), String(cell.value)]);
  const sign = org.getByRole('button', { name: 'Signer les résultats (organisation)' });
  expect(await sign.isDisabled()).toBe(true);
  await org.getByText('La signature et la publication attendent que les notes enregistrées correspondent de nouveau au journal').first().waitFor();
  await org.screenshot({ path: `${SHOTS}integrity-organiser-1440x900-fr.png`, fullPage: true });
  await visit(org, orgProblems, `/competitions/${COMPETITION}/deliberation`, 'ar', 'organiser deliberation, tampered');
  await org.getByRole('alert').filter({ hasText: 'درجات تختلف عن سجل الأحداث' }).waitFor();
  await org.screenshot({ path: `${SHOTS}integrity-organiser-1440x900-ar.png`, fullPage: true });

  await visit(chair, chairProblems, '/juror/deliberation?idle=900', 'fr', 'chair deliberation, tampered');
  await chair.getByRole('alert').filter({ hasText: 'Des notes diffèrent du journal des événements' }).getByRole('row').filter({ hasText: target.name }).waitFor();
  expect(await chair.getByRole('button', { name: 'Signer les résultats (présidence)' }).isDisabled()).toBe(true);
  await chair.screenshot({ path: `${SHOTS}integrity-chair-768x1024-fr.png`, fullPage: true });
  await visit(chair, chairProblems, '/juror/deliberation?idle=900', 'ar', 'chair deliberation, tampered');
  await chair.screenshot({ path: `${SHOTS}integrity-chair-768x1024-ar.png`, fullPage: true });

  // The printable results carry the same banner.
  await visit(org, orgProblems, `/competitions/${COMPETITION}/results/print`, 'fr', 'printable results, tampered');
  await org.getByRole('alert').filter({ hasText: 'Des notes diffèrent du journal des événements' }).waitFor();

  // Put back: the banner goes, signing comes back.
  setScore(cell.value);
  await visit(org, orgProblems, `/competitions/${COMPETITION}/deliberation`, 'fr', 'organiser deliberation, restored');
  expect(await org.getByRole('alert').filter({ hasText: 'Des notes diffèrent' }).count()).toBe(0);
  await expect.poll(() => sign.isEnabled()).toBe(true);

  // 4. Signed and published (another journey's subject: here through the API), every page again.
  const base = `/api/competitions/${final.competitionId}/results/${final.roundId}`;
  const asOrganiser = client(server.url, { cookie: final.organiserCookie });
  await asOrganiser('POST', `${base}/snapshot`, Anything);
  await asOrganiser('POST', `${base}/signoff`, Anything);
  await client(server.url, { bearer: final.chairBearer })('POST', `/api/chair/rounds/${final.roundId}/signoff`, Anything);
  await asOrganiser('POST', `${base}/publish`, Anything);
  await visitAll('results published', pages);
  await visit(org, orgProblems, `/competitions/${COMPETITION}/deliberation`, 'fr', 'organiser deliberation, published');
  await org.getByRole('button', { name: 'Vérifier les résultats' }).click();
  await org.getByText(/Intact : les notes enregistrées sont exactement celles que donne le journal des événements/).waitFor();
  await org.screenshot({ path: `${SHOTS}integrity-verify-1440x900-fr.png`, fullPage: true });
  expect(orgProblems).toEqual([]);
}, JOURNEY_MS);
