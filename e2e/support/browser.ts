import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const TABLET_LANDSCAPE = { width: 1024, height: 768 };
export const TABLET_PORTRAIT = { width: 768, height: 1024 };

/** Debian's Chromium: no browser can be downloaded on these machines. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export function newTabletContext(browser: Browser, viewport = TABLET_LANDSCAPE): Promise<BrowserContext> {
  return browser.newContext({ viewport, locale: 'fr-FR', hasTouch: true });
}

/** WCAG 2.2 AA scan with axe-core; fails the test naming each violation and its first targets. */
export async function expectNoAxeViolations(page: Page, label = page.url()) {
  // Colour contrast is only meaningful once reveals and fades have ended: axe reads a half-faded
  // element as low contrast. Finite animations are awaited (infinite ones, like a spinner, are not).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/**
 * Opens an organiser page signed out, signs in on the form it is sent to, in French, and lands on
 * that page (sign-in keeps where the organiser was going: issue 16 point 10).
 */
export async function signInOnScreen(page: Page, baseUrl: string, organiser: { email: string; password: string }, path: string) {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Adresse e-mail').fill(organiser.email);
  await page.getByLabel('Mot de passe').fill(organiser.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  if (new URL(page.url()).pathname !== path) await page.goto(`${baseUrl}${path}`);
}
