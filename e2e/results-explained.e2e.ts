import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DeliberationSchema, EntrantListResponseSchema, type Deliberation } from '../packages/contract/src/index.js';
import { Anything, client } from './support/api.js';
import { expectNoAxeViolations, launchChromium } from './support/browser.js';
import { closeDemoFinal, DEMO_ORGANISER, type ClosedFinal } from './support/final-fixture.js';
import { startServer, type RunningServer } from './support/server.js';

// Issue 15 points 4 and 6: the deliberation's banner speaks to the jury, and every founder learns
// something: a startup not shortlisted reads its round 1, the one that lost a tie the chair's reason.
let server: RunningServer;
let browser: Browser;
let final: ClosedFinal;
let outsider: { name: string; token: string };
const JOURNEY_MS = 300_000;
const STEP_MS = 90_000;
const SHOTS = new URL('../.tmp/shots/', import.meta.url).pathname;
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 1024, height: 768 };
const REASON = 'Modèle économique plus abouti, selon le jury.';
const isolate = (name: string) => `\u2068${name}\u2069`;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startServer({ demo: true }), launchChromium()]);
  final = await closeDemoFinal(server.url);
  const organiser = client(server.url, { cookie: final.organiserCookie });
  const { entrants } = await organiser('GET', `/api/competitions/${final.competitionId}/entrants`, EntrantListResponseSchema);
  const finalists = new Set(final.entrants.map((e) => e.id));
  const out = entrants.find((e) => !finalists.has(e.id))!;
  outsider = { name: out.name, token: out.accessToken };
}, JOURNEY_MS);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function context(viewport: { width: number; height: number }, lang: 'fr' | 'ar'): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport, locale: lang === 'fr' ? 'fr-FR' : 'ar-MA', hasTouch: viewport.width < 500 });
  ctx.setDefaultTimeout(STEP_MS);
  await ctx.addInitScript((l) => localStorage.setItem('palmares.language', l), lang);
  return ctx;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
const deliberation = () =>
  client(server.url, { cookie: final.organiserCookie })('GET', `/api/competitions/${final.competitionId}/deliberation/${final.roundId}`, DeliberationSchema);

async function organiserPage(lang: 'fr' | 'ar') {
  const page = await (await context(TABLET, lang)).newPage();
  await page.goto(`${server.url}/login`);
  await page.locator('input[type="email"]').fill(DEMO_ORGANISER.email);
  await page.locator('input[type="password"]').fill(DEMO_ORGANISER.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/competitions$/);
  await page.goto(`${server.url}/competitions/${final.competitionId}/deliberation`);
  return page;
}

/** The chair orders the tied pair, the first ahead (the chair's own journey is results-deliberation.e2e.ts). */
async function settleTie() {
  if ((await deliberation()).selection.needsChairDecision === null) return;
  const [c, d] = final.tied;
  await client(server.url, { bearer: final.chairBearer })('POST', `/api/chair/rounds/${final.roundId}/decisions`, Anything, { entrantIds: [c.id, d.id], reason: REASON });
}

const bannerText = (page: Page) => page.locator('.res-banner').first().textContent();

test('the deliberation banner says in sentences what is open and what to do, statistics folded away, at 1024×768 in French and Arabic', async () => {
  const fr = await organiserPage('fr');
  await fr.getByRole('heading', { level: 1, name: 'Délibération' }).waitFor();
  await fr.getByRole('heading', { name: 'Égalité à trancher' }).waitFor();
  await expect.poll(() => bannerText(fr)).toContain('Une égalité pour les dernières places primées attend la décision de la présidence.');
  // The open tie names the rules tried, in the chain's order.
  await fr.getByText(/^Toutes les règles ont été essayées, dans cet ordre : même score, même score en .+ et même décompte des places ; aucune ne les départage\.$/).waitFor();
  // Statistics' names only in the fold-out, closed at first.
  const details = fr.locator('.res-banner details');
  expect(await details.getAttribute('open')).toBeNull();
  expect(await fr.locator('.res-banner > ul').textContent()).not.toMatch(/alpha|Krippendorff|bootstrap/i);
  await details.locator('summary').click();
  await details.getByText(/Accord entre jurés \(alpha de Krippendorff\)/).waitFor();
  // The juror who scores furthest below the others is marked in the grid, beside the flat one.
  const open = await deliberation();
  const harsh = open.jurors.find((j) => j.severity === 'harsh');
  if (harsh) await fr.getByText(/Le juré le plus sévère : ses notes sont les plus en dessous des autres/).waitFor();
  await expectNoAxeViolations(fr, 'deliberation banner, open tie (fr)');
  await shot(fr, 'deliberation-banner-open-tie-fr-1024');

  await settleTie();
  const settled: Deliberation = await deliberation();
  // Settled, the tie is not flagged again as instability.
  expect(settled.robustness!.reasons.map((r) => r.code)).not.toContain('PENDING_CHAIR_DECISION');
  expect(settled.robustness!.reasons.map((r) => r.code)).not.toContain('LOW_SELECTION_PROBABILITY');
  await fr.reload();
  await fr.getByRole('heading', { level: 1, name: 'Délibération' }).waitFor();
  const r = settled.robustness!;
  if (r.banner === 'ROBUST') {
    const n = Math.round(r.winner!.pFirst * 100);
    await expect.poll(() => bannerText(fr)).toContain(
      `Le podium est stable : retirer n’importe quel juré ne change aucun prix ; ${isolate(final.first.name)} est première dans ${n} jurys retirés au sort sur 100.`,
    );
  } else {
    for (const reason of r.reasons) {
      if (reason.code === 'LEAVE_ONE_OUT_CHANGES_SELECTION') await expect.poll(() => bannerText(fr)).toMatch(/À examiner : les? .*prix dépendent? d’un seul juré : sans /);
      if (reason.code === 'LOW_ALPHA') await expect.poll(() => bannerText(fr)).toMatch(/sur une échelle de 0 à 1 ; 0,67 est le seuil habituel\) : discutez des notes les plus divergentes, signalées dans la grille\./);
    }
  }
  expect(await fr.getByRole('heading', { name: 'Égalité à trancher' }).count()).toBe(0);
  await shot(fr, 'deliberation-banner-settled-fr-1024');
  await fr.context().close();

  const ar = await organiserPage('ar');
  await expect.poll(() => ar.locator('html').getAttribute('dir')).toBe('rtl');
  await ar.locator('.res-banner').first().waitFor();
  if (r.banner === 'ROBUST') await expect.poll(() => bannerText(ar)).toContain(`منصة التتويج مستقرة: استبعاد أي محكّم لا يغيّر أي جائزة؛ وتحلّ ${isolate(final.first.name)} أولى في`);
  await ar.locator('.res-banner details summary').click();
  await expectNoAxeViolations(ar, 'deliberation banner (ar)');
  await shot(ar, 'deliberation-banner-settled-ar-1024');
  await ar.context().close();
}, JOURNEY_MS);

test('after publication a startup not shortlisted reads its round 1 and the startup that lost the tie reads the chair’s reason, on a phone, in French and Arabic', async () => {
  await settleTie();
  const base = `/api/competitions/${final.competitionId}/results/${final.roundId}`;
  const organiser = client(server.url, { cookie: final.organiserCookie });
  await organiser('POST', `${base}/snapshot`, Anything);
  await organiser('POST', `${base}/signoff`, Anything);
  await client(server.url, { bearer: final.chairBearer })('POST', `/api/chair/rounds/${final.roundId}/signoff`, Anything);
  await organiser('POST', `${base}/publish`, Anything);
  const loser = final.tied[1];

  const fr = await (await context(PHONE, 'fr')).newPage();
  await fr.goto(`${server.url}/s/${outsider.token}`);
  await fr.getByRole('heading', { level: 1, name: outsider.name }).waitFor();
  await fr.getByRole('heading', { name: 'Votre premier tour' }).waitFor();
  await fr.getByText(/^Au premier tour, vous vous êtes classée entre la \d+e et la \d+e place sur 24 startups ; les 12 premières selon les règles de présélection sont allées en finale\.$/).waitFor();
  await fr.getByText('Votre score par critère au premier tour, face au minimum, à la médiane et au maximum de toutes les startups du premier tour.').waitFor();
  await fr.getByRole('heading', { name: 'Les retours du jury' }).waitFor();
  expect(await fr.locator('.res-feedback blockquote').count()).toBeGreaterThan(0);
  await expectNoAxeViolations(fr, 'not shortlisted founder (fr)');
  await shot(fr, 'founder-not-shortlisted-fr-390');

  await fr.goto(`${server.url}/s/${loser.token}`);
  await fr.getByRole('heading', { level: 1, name: loser.name }).waitFor();
  await fr.getByText('À égalité avec une autre startup selon toutes les règles, vous avez été placée derrière elle par décision de la présidence du jury, pour ce motif :').waitFor();
  await fr.getByText(REASON).waitFor();
  await expectNoAxeViolations(fr, 'tie-losing founder (fr)');
  await shot(fr, 'founder-tie-lost-fr-390');
  await fr.context().close();

  const ar = await (await context(PHONE, 'ar')).newPage();
  await ar.goto(`${server.url}/s/${outsider.token}`);
  await expect.poll(() => ar.locator('html').getAttribute('dir')).toBe('rtl');
  await ar.getByRole('heading', { name: 'جولتكم الأولى' }).waitFor();
  await ar.getByText(/^في الجولة الأولى، حللتم بين المرتبة \d+ والمرتبة \d+ من أصل 24 شركة ناشئة؛ وتأهلت إلى النهائي أول 12 شركة وفق قواعد الانتقاء\.$/).waitFor();
  await expectNoAxeViolations(ar, 'not shortlisted founder (ar)');
  await shot(ar, 'founder-not-shortlisted-ar-390');
  await ar.goto(`${server.url}/s/${loser.token}`);
  await ar.getByText('تعادلتم مع شركة ناشئة أخرى وفق كل القواعد، فوُضعتم خلفها بقرار رئاسة لجنة التحكيم، لهذا السبب:').waitFor();
  await expectNoAxeViolations(ar, 'tie-losing founder (ar)');
  await shot(ar, 'founder-tie-lost-ar-390');
  await ar.context().close();
}, JOURNEY_MS);

test('the ceremony speaks the event’s language, leaves only the stage after the first key press, and certificates name the signatories with the event’s date, at 1440×900', async () => {
  // Runs after publication (the test above); the demo's language is French.
  const LAPTOP = { width: 1440, height: 900 };
  const en = await (await browser.newContext({ viewport: LAPTOP, locale: 'en-GB' })).newPage();
  en.context().setDefaultTimeout(STEP_MS);
  await en.context().addInitScript(() => localStorage.setItem('palmares.language', 'en'));
  await en.goto(`${server.url}/competitions/${final.competitionId}/ceremony`);
  // The reader's language is English; the room's is the event's: French.
  await en.getByRole('heading', { level: 1, name: 'Remise des prix' }).waitFor();
  await en.getByRole('button', { name: 'Dévoiler : 3e prix' }).waitFor();
  await en.getByText(/H les fait revenir/).waitFor();
  await expectNoAxeViolations(en, 'ceremony, operator view (fr)');
  await shot(en, 'ceremony-operator-fr-1440');

  await en.keyboard.press('Space');
  const live = en.locator('.cer__live');
  await expect.poll(() => live.textContent()).toContain('3e prix');
  // Only the stage: no button, no hint.
  await expect.poll(() => en.getByRole('button').count()).toBe(0);
  expect(await en.getByText(/H les fait revenir/).count()).toBe(0);
  await expectNoAxeViolations(en, 'ceremony, stage only (fr)');
  await shot(en, 'ceremony-stage-fr-1440');

  // H brings the operator's controls back, with the language switch.
  await en.keyboard.press('h');
  await en.getByRole('group', { name: 'Langue de l’écran' }).getByRole('button', { name: 'العربية' }).click();
  await en.getByRole('heading', { level: 1, name: 'حفل توزيع الجوائز' }).waitFor();
  expect(await en.locator('.cer').getAttribute('dir')).toBe('rtl');
  await en.keyboard.press('ArrowRight');
  await expect.poll(() => en.getByRole('button').count()).toBe(0);
  await expect.poll(() => live.textContent()).toContain('الجائزة الثانية');
  await expectNoAxeViolations(en, 'ceremony, stage only (ar)');
  await shot(en, 'ceremony-stage-ar-1440');
  await en.context().close();

  const print = await organiserPage('fr');
  await print.goto(`${server.url}/competitions/${final.competitionId}/results/print`);
  const certificate = print.getByRole('region', { name: `Diplôme de ${final.first.name}` });
  await certificate.waitFor();
  const organiser = client(server.url, { cookie: final.organiserCookie });
  const snapshot = (await organiser('GET', `/api/competitions/${final.competitionId}/results/${final.roundId}`, Anything)) as { signoffs: { role: string; name: string }[] };
  for (const s of snapshot.signoffs) await certificate.getByText(s.name, { exact: true }).waitFor();
  const winners = (await client(server.url)('GET', `/api/public/competitions/${final.competitionId}/winners`, Anything)) as { competition: { endsOn: string } };
  const eventDay = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${winners.competition.endsOn}T00:00:00Z`));
  await certificate.getByText(eventDay, { exact: true }).waitFor();
  // The printable results show the chair's tie decision with its reason.
  await print.getByRole('heading', { name: 'Décisions de la présidence' }).waitFor();
  await print.getByText(REASON).waitFor();
  await expectNoAxeViolations(print, 'printable results and certificates (fr)');
  await shot(print, 'certificates-fr-1024');
  await print.context().close();
}, JOURNEY_MS);
