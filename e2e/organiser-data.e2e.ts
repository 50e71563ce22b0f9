import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { expectNoAxeViolations, launchChromium } from './support/browser.js';
import { FIXTURE_ENV, ORGANISER, scoredRoundOne, type ScoredRoundOne } from './support/competition-fixture.js';
import { startServer, type RunningServer } from './support/server.js';

const LAPTOP = { width: 1440, height: 900 };
const SHOTS = '.tmp/shots';

let source: RunningServer;
let target: RunningServer;
let browser: Browser;
let fixture: ScoredRoundOne;

beforeAll(async () => {
  [source, target, browser] = await Promise.all([startServer({ demo: false, env: FIXTURE_ENV }), startServer({ demo: false, env: FIXTURE_ENV }), launchChromium()]);
  fixture = await scoredRoundOne(source.url);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([source?.stop(), target?.stop()]);
});

async function signedIn(server: RunningServer, label: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: LAPTOP, locale: 'fr-FR', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  onTestFailed(async () => {
    console.error('page errors:', errors);
    await page.screenshot({ path: `${SHOTS}/${label}-failure.png`, fullPage: true }).catch(() => undefined);
  });
  await page.goto(`${server.url}/competitions`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Adresse e-mail').fill(ORGANISER.email);
  await page.getByLabel('Mot de passe').fill(ORGANISER.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  // The Data page is one click away from every organiser page.
  await page.getByRole('link', { name: 'Données', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Données' }).waitFor();
  return { context, page };
}

const speak = async (page: Page, language: 'Français' | 'العربية') => {
  await page.getByRole('button', { name: language, exact: true }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language === 'العربية' ? 'ar' : 'fr');
};
const shoot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

test('the organiser backs the database up from the Data page, reads the checked result, and downloads the copy from the list', async () => {
  const { context, page } = await signedIn(source, 'data-backup');
  await page.getByText('Aucune sauvegarde pour l’instant.').waitFor();
  await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
  const result = page.getByRole('status').filter({ hasText: 'Sauvegarde faite et vérifiée.' });
  await result.waitFor();
  expect(await result.textContent()).toContain('vérifiée : aucune erreur');
  expect(await result.textContent()).toMatch(/chaîne vérifiée, \d+ entrées/);
  expect(await result.textContent()).toMatch(/\d+\sko|\sMo/);

  const backups = page.locator('section[aria-labelledby="org-data-backup"] table');
  await expect.poll(() => backups.locator('tbody tr').count()).toBe(1);
  expect(await backups.locator('tbody tr').first().textContent()).toMatch(/il y a \d+ secondes|maintenant/);
  await expectNoAxeViolations(page, 'data, backup taken (fr)');
  await shoot(page, 'data-backup-fr');

  const [download] = await Promise.all([page.waitForEvent('download'), backups.getByRole('link', { name: /^Télécharger la sauvegarde du / }).click()]);
  expect(download.suggestedFilename()).toMatch(/^palmares-[\dT-]+Z\.sqlite$/);
  const path = await download.path();
  expect(readFileSync(path).subarray(0, 15).toString()).toBe('SQLite format 3');

  // A second one within the minute is refused, in the reader's language.
  await speak(page, 'العربية');
  await page.getByRole('button', { name: 'نسخ احتياطي الآن' }).click();
  await page.getByRole('alert').first().waitFor();
  await expectNoAxeViolations(page, 'data, backup refused (ar)');
  await shoot(page, 'data-backup-ar');
  await context.close();
});

test('a competition exported from one server is imported on another: its checks are shown before anything is written, and an import on the server that has it is refused', async () => {
  const { context, page } = await signedIn(source, 'data-export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporter « Coupe E2E 2026 » (JSON)' }).click()]);
  // Kept past this context, as the organiser keeps the file on their computer.
  const file = join(mkdtempSync(join(tmpdir(), 'palmares-export-')), download.suggestedFilename());
  await download.saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'palmares-competition', competitionId: fixture.competitionId });

  // On the server that already holds it: refused, nothing written, said on the page.
  await page.getByLabel('Fichier JSON exporté').setInputFiles(file);
  const refused = page.getByRole('alert').filter({ hasText: 'Import refusé : rien n’a été écrit.' });
  await refused.waitFor();
  expect(await refused.textContent()).toContain('Ce serveur contient déjà ce concours');
  expect(await page.getByRole('button', { name: /^Importer « / }).count()).toBe(0);
  await shoot(page, 'data-import-refused-fr');
  // A file that is not an export is stopped in the browser.
  await page.getByLabel('Fichier JSON exporté').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await page.getByText('« notes.json » n’est pas un export de concours Palmares : rien n’a été envoyé.').waitFor();
  await context.close();

  // On an empty server, in Arabic: the checks, then the import.
  const other = await signedIn(target, 'data-import');
  await speak(other.page, 'العربية');
  await other.page.getByLabel('ملف JSON المصدَّر').setInputFiles(file);
  const checks = other.page.getByRole('status').filter({ hasText: 'يمكن استيراد «Coupe E2E 2026»: لم يُكتب شيء بعد.' });
  await checks.waitFor();
  expect(await checks.getByRole('listitem').count()).toBe(4);
  expect(await checks.textContent()).toContain('8 مترشّحين');
  await expectNoAxeViolations(other.page, 'data, import checked (ar)');
  await shoot(other.page, 'data-import-checks-ar');
  // Nothing written yet: the list of competitions is still empty.
  expect(await (await other.page.request.get(`${target.url}/api/competitions`)).json()).toEqual({ competitions: [] });

  await other.page.getByRole('button', { name: /^استيراد «Coupe E2E 2026»/ }).click();
  await other.page.getByText('تم استيراد «Coupe E2E 2026» إلى هذا الخادم.').waitFor();
  await speak(other.page, 'Français');
  await other.page.getByRole('link', { name: 'Ouvrir « Coupe E2E 2026 »' }).click();
  await other.page.getByRole('heading', { level: 1, name: /Coupe E2E 2026/ }).waitFor();
  await other.context.close();
});
