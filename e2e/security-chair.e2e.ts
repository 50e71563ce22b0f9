import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoAxeViolations, launchChromium } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

// Issue 17 point 2 as the organiser meets it: the jury form refuses a second chair, and a chair
// once the rules are locked, with a sentence in the organiser's language; nothing is added.

let server: RunningServer;
let browser: Browser;
const shots = '.tmp/shots';

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  [server, browser] = await Promise.all([startServer({ demo: true }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Adresse e-mail').fill('organisateur@palmares.example');
  await page.getByLabel('Mot de passe').fill('casablanca2023');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('link', { name: /Casablanca Smart City 2023/ }).first().waitFor();
  return page;
}

const jurorRows = (page: Page) => page.locator('tbody tr');

test('adding a chair to the demo, whose rules are locked, is refused in French and in Arabic, and the jury stays as it was', async () => {
  const page = await signedIn();
  await page.goto(`${server.url}/competitions/1/jurors`);
  await page.getByLabel('Nom').first().waitFor();
  const before = await jurorRows(page).count();
  expect(before).toBeGreaterThan(0);

  await page.getByLabel('Nom').first().fill('Second président');
  await page.getByRole('checkbox', { name: 'Présidence du jury' }).check();
  await page.getByRole('button', { name: 'Inviter' }).click();
  const alert = page.getByRole('alert');
  await expect.poll(() => alert.textContent()).toContain('Refusé : la présidence du jury est fixée avec les règles');
  await alert.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/chair-fixed-fr-1440.png`, fullPage: false });
  await expectNoAxeViolations(page, 'jurors, chair refused (fr)');
  expect(await jurorRows(page).count()).toBe(before);

  await page.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await expect.poll(() => alert.textContent()).toContain('رئيس لجنة التحكيم ثابت مع القواعد');
  await alert.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/chair-fixed-ar-1440.png`, fullPage: false });
  await expectNoAxeViolations(page, 'jurors, chair refused (ar)');

  await page.reload();
  await page.locator('tbody tr').first().waitFor();
  expect(await jurorRows(page).count()).toBe(before);
  await page.context().close();
});
