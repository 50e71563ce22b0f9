import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoAxeViolations, launchChromium, newTabletContext } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('the organiser signs in, sees the 24 demo startups across 5 axes, and reads the page right to left in Arabic', async () => {
  const context = await newTabletContext(browser);
  const page = await context.newPage();

  await page.goto(server.url);
  await page.waitForURL(/\/login/);
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
  await expectNoAxeViolations(page, 'login (fr)');

  // A wrong password is refused with a readable message.
  await page.getByLabel('Adresse e-mail').fill('organisateur@palmares.example');
  await page.getByLabel('Mot de passe').fill('mauvais mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect.poll(() => page.getByRole('alert').textContent()).toContain('incorrect');

  await page.getByLabel('Mot de passe').fill('casablanca2023');
  await page.getByRole('button', { name: 'Se connecter' }).click();

  // The list of competitions, then the demo competition itself.
  await page.getByRole('link', { name: /Casablanca Smart City 2023/ }).first().click();
  await page.getByRole('heading', { level: 1, name: /Casablanca Smart City 2023/ }).waitFor();
  await expectNoAxeViolations(page, 'competition (fr)');

  // The axes' headings (the step list above them has its own).
  const axisHeadings = page.locator('h2.axis__heading');
  await expect.poll(() => axisHeadings.count()).toBe(5);
  await expect.poll(() => page.getByRole('heading', { level: 3 }).count()).toBe(24);
  expect(await axisHeadings.allTextContents()).toEqual(
    expect.arrayContaining([expect.stringContaining('Gouvernance'), expect.stringContaining('Écologie')]),
  );

  // Switch to Arabic: the document turns right to left and the axes read in Arabic.
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ar');
  expect((await axisHeadings.first().textContent()) ?? '').toMatch(/[\u0600-\u06FF]/);
  await expect.poll(() => page.getByRole('heading', { level: 3 }).count()).toBe(24);
  await expectNoAxeViolations(page, 'competition (ar)');

  // The choice survives a reload.
  await page.reload();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await context.close();
});
