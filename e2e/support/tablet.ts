import type { BrowserContext, Page } from 'playwright-core';

export const TABLET_PIN = '4821';

/**
 * Binds a browser context as a juror's tablet through its invitation link, in French, the way a
 * juror does on the day; resolves on the juror's home.
 *
 * On the juror's first tablet the link leads to choosing the PIN (typed twice). On a further
 * tablet the server binds only with the juror's PIN (issue 14 point 8): the link asks for it, and
 * `pin` is typed there instead. This is the one place that knows both paths.
 */
export async function bindJurorTablet(context: BrowserContext, baseUrl: string, invitePath: string, pin = TABLET_PIN): Promise<Page> {
  // The machines running these journeys are shared and often loaded: wait longer than the default.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.goto(`${baseUrl}${invitePath}`);
  const choose = page.getByLabel('Nouveau code PIN', { exact: true });
  const typeJurorsPin = page.getByLabel('Votre code PIN', { exact: true });
  await choose.or(typeJurorsPin).waitFor();
  if (await typeJurorsPin.isVisible()) {
    await typeJurorsPin.fill(pin);
    await page.getByRole('button', { name: 'Lier cette tablette' }).click();
  } else {
    await choose.fill(pin);
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByLabel('Confirmez le code PIN').fill(pin);
    await page.getByRole('button', { name: 'Enregistrer le code PIN' }).click();
  }
  await page.waitForURL((url) => url.pathname === '/juror');
  await page.locator('.entrant-list').first().waitFor();
  return page;
}

/**
 * Sets the competition's idle lock (minutes, 1–60) the way the organiser's set-up screen does;
 * tablets take it with their next read of the state. A journey that needs the lock without
 * waiting a minute fakes the tablet's clock (`context.clock.install()`, then `fastForward`):
 * nothing in the app shortens the lock, in tests or elsewhere (decision 026).
 */
export async function setIdleLock(baseUrl: string, cookie: string, competitionId: number, minutes: number): Promise<void> {
  const res = await fetch(`${baseUrl}/api/competitions/${competitionId}/settings/tablets`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ idleLockMinutes: minutes }),
  });
  if (!res.ok) throw new Error(`PUT settings/tablets answered ${res.status}: ${await res.text()}`);
}
