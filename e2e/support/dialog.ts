import type { Locator, Page } from 'playwright-core';

/**
 * Answers the confirmation an irreversible action asks first: waits for the dialog by its title,
 * presses its button (named after the action), and waits for the dialog to go.
 */
export async function confirmDialog(page: Page, title: string | RegExp, button: string | RegExp): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: button, exact: typeof button === 'string' }).click();
  await dialog.waitFor({ state: 'hidden' });
  return dialog;
}
