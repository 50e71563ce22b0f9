import type { BrowserContext, Page } from 'playwright-core';

export const TABLET_PIN = '4821';

/**
 * Binds a browser context as a juror's tablet through its invitation link and sets its PIN, in
 * French, the way a juror does on the day; resolves on the juror's home.
 *
 * The same helper binds a juror's second tablet (a second context with the same link): today the
 * invitation binds any number of devices. When binding a second device asks for the juror's PIN
 * (issue 14, point 8), this is the one place to teach it that step.
 */
export async function bindJurorTablet(context: BrowserContext, baseUrl: string, invitePath: string, pin = TABLET_PIN): Promise<Page> {
  // The machines running these journeys are shared and often loaded: wait longer than the default.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.goto(`${baseUrl}${invitePath}`);
  await page.getByLabel('Nouveau code PIN').waitFor();
  await page.getByLabel('Nouveau code PIN').fill(pin);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel('Confirmez le code PIN').fill(pin);
  await page.getByRole('button', { name: 'Enregistrer le code PIN' }).click();
  await page.waitForURL((url) => url.pathname === '/juror');
  await page.locator('.entrant-list').first().waitFor();
  return page;
}
