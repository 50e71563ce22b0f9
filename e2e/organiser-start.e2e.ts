import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoAxeViolations, launchChromium } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

// An instance as a new organiser gets it from the README: no demo, the first organiser from the
// environment (ORGANISER_EMAIL, ORGANISER_PASSWORD), no competition at all.
const EMAIL = 'nadia@concours.example';
const PASSWORD = 'premiere-edition-2027';
const LAPTOP = { width: 1440, height: 900 };
const SHOTS = '.tmp/shots';
const JOURNEY_MS = 180_000;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startServer({ demo: false, env: { ORGANISER_EMAIL: EMAIL, ORGANISER_PASSWORD: PASSWORD } }), launchChromium()]);
}, JOURNEY_MS);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function laptop(lang: 'fr' | 'ar'): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: LAPTOP, locale: lang === 'fr' ? 'fr-FR' : 'ar-MA' });
  // The interface language is remembered on the device; start in the one under test.
  await context.addInitScript((l) => window.localStorage.setItem('palmares.language', l), lang);
  return context;
}

async function signIn(page: Page, labels: { email: string; password: string; submit: string }) {
  await page.getByLabel(labels.email).fill(EMAIL);
  await page.getByLabel(labels.password).fill(PASSWORD);
  await page.getByRole('button', { name: labels.submit }).click();
}

const FR = { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' };
const AR = { email: 'البريد الإلكتروني', password: 'كلمة المرور', submit: 'تسجيل الدخول' };

test('from an empty instance in French: no competition, "New competition", set-up with the defaults, set-up next on the home, and sign-in keeps the page', async () => {
  const context = await laptop('fr');
  const page = await context.newPage();

  // Signed out, a deep organiser page goes to sign-in with the page kept in `next`…
  await page.goto(`${server.url}/competitions/1/final`);
  await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/competitions/1/final');
  await page.goto(`${server.url}/`);
  await page.waitForURL((url) => url.pathname === '/login');
  await signIn(page, FR);

  // …the list says there is none, and offers to create one.
  await page.getByText('Vous n’organisez encore aucun concours.').waitFor();
  await expectNoAxeViolations(page, 'empty list (fr)');
  await page.screenshot({ path: `${SHOTS}/organiser-start-empty-fr.png` });
  await page.getByRole('link', { name: 'Créer un premier concours' }).click();
  await page.waitForURL(/\/competitions\/new$/);
  await page.getByRole('heading', { level: 1, name: 'Nouveau concours' }).waitFor();

  // A refused draft says why on the field, in French, and creates nothing.
  await page.getByLabel('Nom').fill('Smart City Rabat 2027');
  await page.getByLabel('Premier jour').fill('2027-06-10');
  await page.getByLabel('Dernier jour').fill('2027-06-08');
  await page.getByRole('button', { name: 'Créer le concours' }).click();
  await expect.poll(() => page.getByLabel('Dernier jour').getAttribute('aria-invalid')).toBe('true');
  expect(await page.getByText('La fin ne peut pas précéder le début.').first().isVisible()).toBe(true);
  await expectNoAxeViolations(page, 'new competition refused (fr)');

  await page.getByLabel('Dernier jour').fill('2027-06-12');
  await page.getByLabel('Lieu').fill('Rabat');
  await page.getByLabel('Fuseau horaire').selectOption('Africa/Casablanca');
  await page.getByRole('checkbox', { name: 'English' }).uncheck();
  await page.screenshot({ path: `${SHOTS}/organiser-start-new-fr.png`, fullPage: true });
  await page.getByRole('button', { name: 'Créer le concours' }).click();

  // Straight into set-up, the congress's axes and six criteria ready to edit.
  await page.waitForURL(/\/competitions\/\d+\/setup$/);
  const competitionPath = new URL(page.url()).pathname.replace(/\/setup$/, '');
  await page.getByRole('heading', { level: 1, name: 'Paramètres' }).waitFor();
  await expect.poll(() => page.getByLabel('Nom', { exact: true }).inputValue()).toBe('Smart City Rabat 2027');
  expect(await page.getByLabel('Fuseau horaire').inputValue()).toBe('Africa/Casablanca');
  const rubric = page.getByRole('region', { name: 'Grille d’évaluation' });
  // Six criteria, each with its ten levels (scale 1–10) described, folded under its name.
  await expect.poll(() => rubric.locator('summary').allTextContents()).toEqual([
    'Description des 10 niveaux de « Innovation »', 'Description des 10 niveaux de « Impact pour la ville »', 'Description des 10 niveaux de « Faisabilité »',
    'Description des 10 niveaux de « Marché et modèle économique »', 'Description des 10 niveaux de « Équipe »', 'Description des 10 niveaux de « Qualité du pitch »',
  ]);
  const axes = page.getByRole('region', { name: 'Axes thématiques' });
  expect(await axes.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(
    expect.arrayContaining(['Gouvernance smart', 'Écologie, environnement et développement durable']),
  );
  await expectNoAxeViolations(page, 'set-up with defaults (fr)');
  await page.screenshot({ path: `${SHOTS}/organiser-start-setup-fr.png` });

  // The home: where things stand, set-up next, its action a link to the set-up.
  await page.goto(`${server.url}${competitionPath}`);
  const steps = page.getByRole('region', { name: 'Où en est le concours' });
  await steps.getByText('Étape suivante : Paramètres.').waitFor();
  const current = steps.locator('[aria-current="step"]');
  expect(await current.textContent()).toContain('Paramètres');
  expect(await current.textContent()).toContain('Valeurs par défaut en place (5 axes, 6 critères), pas encore vérifiées.');
  expect(await steps.getByRole('listitem').filter({ hasText: 'Publication' }).textContent()).toContain('à venir');
  expect(await steps.getByRole('link', { name: 'Vérifier les paramètres' }).getAttribute('href')).toBe(`${competitionPath}/setup`);
  await expectNoAxeViolations(page, 'home step list (fr)');
  await page.screenshot({ path: `${SHOTS}/organiser-start-home-fr.png`, fullPage: true });

  // Signing out on a deep page and back in lands on that page again.
  await page.goto(`${server.url}${competitionPath}/jurors`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === `${competitionPath}/jurors`);
  await signIn(page, FR);
  await page.waitForURL((url) => url.pathname === `${competitionPath}/jurors`);

  // A link that would lead elsewhere after sign-in does not.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  await page.goto(`${server.url}/login?next=${encodeURIComponent('//evil.example/')}`);
  await signIn(page, FR);
  await page.waitForURL((url) => url.pathname === '/competitions');
  expect(new URL(page.url()).origin).toBe(server.url);
  await context.close();
}, JOURNEY_MS);

test('in Arabic, right to left: next year’s edition starts from the earlier one, the home says set-up is next, and a final page survives sign-in', async () => {
  const context = await laptop('ar');
  const page = await context.newPage();
  await page.goto(`${server.url}/competitions`);
  await page.waitForURL((url) => url.pathname === '/login');
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await signIn(page, AR);

  // The list holds the French journey's competition; a new one starts from it.
  await page.getByRole('link', { name: 'مسابقة جديدة' }).click();
  await page.getByRole('heading', { level: 1, name: 'مسابقة جديدة' }).waitFor();
  const source = page.getByLabel('الانطلاق من مسابقة سابقة');
  const earlier = await source.locator('option').nth(1).getAttribute('value');
  await source.selectOption(earlier ?? '');
  await page.getByText('تُنقل قواعدها ومحاورها').waitFor();
  expect(await page.getByLabel('المكان').inputValue()).toBe('Rabat');
  await page.getByLabel('الاسم').fill('Smart City Rabat 2028');
  await page.getByLabel('اليوم الأول').fill('2028-06-08');
  await page.getByLabel('اليوم الأخير').fill('2028-06-10');
  await expectNoAxeViolations(page, 'new competition from an earlier one (ar)');
  await page.screenshot({ path: `${SHOTS}/organiser-start-new-ar.png`, fullPage: true });
  await page.getByRole('button', { name: 'إنشاء المسابقة' }).click();
  await page.waitForURL(/\/competitions\/\d+\/setup$/);
  const competitionPath = new URL(page.url()).pathname.replace(/\/setup$/, '');
  await expectNoAxeViolations(page, 'set-up of the copy (ar)');
  await page.screenshot({ path: `${SHOTS}/organiser-start-setup-ar.png` });

  await page.goto(`${server.url}${competitionPath}`);
  const steps = page.getByRole('region', { name: 'أين وصلت المسابقة' });
  await steps.getByText('الخطوة التالية: الإعدادات.').waitFor();
  expect(await steps.locator('[aria-current="step"]').textContent()).toContain('الإعدادات');
  await expectNoAxeViolations(page, 'home step list (ar)');
  await page.screenshot({ path: `${SHOTS}/organiser-start-home-ar.png`, fullPage: true });

  await page.goto(`${server.url}${competitionPath}/final`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
  await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === `${competitionPath}/final`);
  await signIn(page, AR);
  await page.waitForURL((url) => url.pathname === `${competitionPath}/final`);
  await context.close();
}, JOURNEY_MS);
