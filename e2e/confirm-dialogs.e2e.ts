import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoAxeViolations, launchChromium, newTabletContext, TABLET_PORTRAIT } from './support/browser.js';
import { FIXTURE_ENV, ORGANISER, scoredRoundOne, type ScoredRoundOne } from './support/competition-fixture.js';
import { confirmDialog } from './support/dialog.js';
import { closeDemoFinal, DEMO_ORGANISER, type ClosedFinal } from './support/final-fixture.js';
import { startServer, type RunningServer } from './support/server.js';
import { bindJurorTablet } from './support/tablet.js';

/**
 * Every action that cannot be undone asks first (issue 15 point 5, issue 16 point 8): cancelling
 * (the button or Escape) changes nothing and gives focus back to the control that asked, confirming
 * acts. Round 1's close on a fresh instance; the correction, the signatures and the publication on
 * the demo's closed final.
 */
let fresh: RunningServer;
let demo: RunningServer;
let browser: Browser;
let roundOne: ScoredRoundOne;
let final: ClosedFinal;

beforeAll(async () => {
  [fresh, demo, browser] = await Promise.all([startServer({ demo: false, env: FIXTURE_ENV }), startServer({ demo: true }), launchChromium()]);
  [roundOne, final] = await Promise.all([scoredRoundOne(fresh.url), closeDemoFinal(demo.url, { layout: 'axis-cap' })]);
  mkdirSync('.tmp/shots', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([fresh?.stop(), demo?.stop()]);
});

const JOURNEY_MS = 400_000;
/** Every deliberation read recomputes the robustness report: the server may answer slowly. */
const STEP_MS = 90_000;

async function signIn(page: Page, baseUrl: string, account: { email: string; password: string }, path: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Adresse e-mail').fill(account.email);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/competitions$/);
  await page.goto(`${baseUrl}${path}`);
}

/** The text of the focused element: focus goes back to the control that opened the dialog. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

/** What the server holds, read with the page's own sign-in. */
async function api<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

test('closing round 1 asks first: Cancel and Escape leave it open with focus back on the button, Confirm closes it', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
  context.setDefaultTimeout(STEP_MS);
  const page = await context.newPage();
  const base = `/api/competitions/${roundOne.competitionId}`;
  await signIn(page, fresh.url, ORGANISER, `/competitions/${roundOne.competitionId}/round-1`);
  await page.getByRole('heading', { level: 1, name: 'Premier tour : présélection' }).waitFor();
  const close = page.getByRole('button', { name: 'Clore la notation' });
  const roundState = async () => (await api<{ rounds: { kind: string; state: string }[] }>(page, `${fresh.url}${base}/rounds`)).rounds.find((r) => r.kind === 'shortlist')?.state;

  // The dialog says what happens with the real figure, and what cannot be undone.
  await close.click();
  const dialog = page.getByRole('dialog', { name: 'Clore la notation ?' });
  await dialog.waitFor();
  expect(await dialog.textContent()).toMatch(/Les \d+ fiches attendues sont soumises/);
  expect(await dialog.textContent()).toContain('Irréversible : les jurés ne peuvent plus modifier leurs fiches');
  // Focus starts on the way back, so a stray Enter never confirms.
  expect(await focused(page)).toBe('Annuler');
  await expectNoAxeViolations(page, 'close scoring dialog (fr, laptop)');
  await page.screenshot({ path: '.tmp/shots/confirm-close-1440x900-fr.png' });

  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect(await focused(page)).toBe('Clore la notation');
  expect(await roundState()).toBe('open');

  await close.click();
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect(await focused(page)).toBe('Clore la notation');
  expect(await roundState()).toBe('open');

  // In Arabic, right to left.
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await page.getByRole('button', { name: 'إغلاق التقييم' }).click();
  await page.getByRole('dialog', { name: 'إغلاق التقييم؟' }).waitFor();
  await expectNoAxeViolations(page, 'close scoring dialog (ar, laptop)');
  await page.screenshot({ path: '.tmp/shots/confirm-close-1440x900-ar.png' });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Français' }).click();

  await close.click();
  await confirmDialog(page, 'Clore la notation ?', 'Clore la notation');
  await page.getByRole('table', { name: 'Classement du premier tour' }).waitFor();
  expect(await roundState()).toBe('closed');
  await context.close();
}, JOURNEY_MS);

test('the chair’s correction, both signatures and the publication each ask first; a cancel changes nothing, a confirm acts', async () => {
  const chairContext = await newTabletContext(browser, TABLET_PORTRAIT);
  const chair = await bindJurorTablet(chairContext, demo.url, `/j/demo-juror-${final.chairIndex}`);
  chairContext.setDefaultTimeout(STEP_MS);
  await chair.goto(`${demo.url}/juror/deliberation?idle=900`);
  await chair.getByRole('heading', { level: 1, name: 'Délibération' }).waitFor();

  const orgContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
  orgContext.setDefaultTimeout(STEP_MS);
  const org = await orgContext.newPage();
  await signIn(org, demo.url, DEMO_ORGANISER, `/competitions/${final.competitionId}/deliberation`);
  await org.getByRole('heading', { level: 1, name: 'Délibération' }).waitFor();
  const deliberation = () => api<{ corrections: unknown[] }>(org, `${demo.url}/api/competitions/${final.competitionId}/deliberation/${final.roundId}`);
  // The results' snapshot, none (404) until the first signature takes one.
  const snapshot = async () => {
    const res = await org.request.get(`${demo.url}/api/competitions/${final.competitionId}/results/${final.roundId}`);
    if (res.status() === 404) return null;
    expect(res.status()).toBe(200);
    return (await res.json()) as { signoffs: { role: string }[]; publishedAt: string | null };
  };

  // A correction from a cell of the grid: the juror is chosen already; the confirmation says the change.
  await chair.getByRole('button', { name: 'Afficher les noms des jurés' }).click();
  const escaped = final.second.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const cell = chair.getByRole('button', { name: new RegExp(`^Corriger une note de .+ pour ${escaped} \\(total`) }).first();
  await cell.click();
  const form = chair.getByRole('form', { name: 'Corriger une note' });
  await form.waitFor();
  const juror = await form.getByLabel('Juré').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
  expect(juror).toMatch(/^.+ \(Juré \d+\)$/);
  await form.getByLabel('Critère').selectOption('pitch');
  await form.getByLabel('Nouvelle note').selectOption('2');
  await form.getByLabel('Motif de la correction (obligatoire)').fill('Erreur de saisie confirmée par le juré');
  await form.getByRole('button', { name: 'Corriger la note' }).click();
  const confirmCorrection = chair.getByRole('dialog', { name: 'Corriger cette note ?' });
  await confirmCorrection.waitFor();
  expect(await confirmCorrection.textContent()).toContain(`${juror}\u2069, critère`);
  expect(await confirmCorrection.textContent()).toContain('→ 2');
  expect(await confirmCorrection.textContent()).toContain('les signatures déjà données deviennent caduques');
  await expectNoAxeViolations(chair, 'correction confirmation (fr, tablet)');
  await chair.screenshot({ path: '.tmp/shots/confirm-correct-768x1024-fr.png' });

  // Cancel: back to the form, nothing stored.
  await confirmCorrection.getByRole('button', { name: 'Annuler' }).click();
  await confirmCorrection.waitFor({ state: 'hidden' });
  expect(await focused(chair)).toBe('Corriger la note');
  expect((await deliberation()).corrections).toHaveLength(0);

  // Confirm: stored, both values shown, and focus back on the page.
  await form.getByRole('button', { name: 'Corriger la note' }).click();
  await confirmDialog(chair, 'Corriger cette note ?', 'Corriger la note');
  await chair.getByText(/Note corrigée : \d+ → 2\./).waitFor();
  expect((await deliberation()).corrections).toHaveLength(1);

  // The chair's signature: cancel signs nothing, confirm signs.
  const signChair = chair.getByRole('button', { name: 'Signer les résultats (présidence)' });
  await signChair.click();
  const signDialog = chair.getByRole('dialog', { name: 'Signer les résultats pour la présidence du jury ?' });
  await signDialog.waitFor();
  expect(await signDialog.textContent()).toContain(`1er prix : \u2068${final.first.name}\u2069`);
  await chair.screenshot({ path: '.tmp/shots/confirm-sign-768x1024-fr.png' });
  await signDialog.getByRole('button', { name: 'Annuler' }).click();
  await signDialog.waitFor({ state: 'hidden' });
  expect(await focused(chair)).toBe('Signer les résultats (présidence)');
  expect((await snapshot())?.signoffs ?? []).toHaveLength(0);

  // Arabic, right to left, the same confirmation on the chair's tablet.
  await chair.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => chair.locator('html').getAttribute('dir')).toBe('rtl');
  await chair.getByRole('button', { name: 'توقيع النتائج (الرئيس)' }).click();
  await chair.getByRole('dialog', { name: 'التوقيع على النتائج باسم رئاسة لجنة التحكيم؟' }).waitFor();
  await expectNoAxeViolations(chair, 'sign confirmation (ar, tablet)');
  await chair.screenshot({ path: '.tmp/shots/confirm-sign-768x1024-ar.png' });
  await chair.keyboard.press('Escape');
  await chair.getByRole('dialog', { name: 'التوقيع على النتائج باسم رئاسة لجنة التحكيم؟' }).waitFor({ state: 'hidden' });
  await chair.getByRole('button', { name: 'Français' }).click();
  await expect.poll(() => chair.locator('html').getAttribute('dir')).toBe('ltr');
  expect((await snapshot())?.signoffs ?? []).toHaveLength(0);
  await signChair.click();
  await confirmDialog(chair, 'Signer les résultats pour la présidence du jury ?', 'Signer les résultats (présidence)');
  await chair.getByText(/Signé par la présidence du jury le/).waitFor();

  // The organiser signs too, then publication: cancel publishes nothing, confirm publishes.
  await org.reload();
  await org.getByRole('button', { name: 'Signer les résultats (organisation)' }).click();
  await confirmDialog(org, 'Signer les résultats pour l’organisation ?', 'Signer les résultats (organisation)');
  await org.getByText(/Signé par l’organisation le/).waitFor();
  const publish = org.getByRole('button', { name: 'Publier les résultats' });
  await expect.poll(() => publish.isEnabled()).toBe(true);
  await publish.click();
  const publishDialog = org.getByRole('dialog', { name: 'Publier les résultats ?' });
  await publishDialog.waitFor();
  expect(await publishDialog.getByRole('list', { name: 'Prix' }).getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
  expect(await publishDialog.textContent()).toContain('Irréversible : une fois publiés, les résultats ne changent plus');
  await expectNoAxeViolations(org, 'publish confirmation (fr, laptop)');
  await org.screenshot({ path: '.tmp/shots/confirm-publish-1440x900-fr.png' });
  await org.keyboard.press('Escape');
  await publishDialog.waitFor({ state: 'hidden' });
  expect(await focused(org)).toBe('Publier les résultats');
  expect((await snapshot())?.publishedAt).toBeNull();

  await org.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => org.locator('html').getAttribute('dir')).toBe('rtl');
  await org.getByRole('button', { name: 'نشر النتائج' }).click();
  await org.getByRole('dialog', { name: 'نشر النتائج؟' }).waitFor();
  await expectNoAxeViolations(org, 'publish confirmation (ar, laptop)');
  await org.screenshot({ path: '.tmp/shots/confirm-publish-1440x900-ar.png' });
  await org.keyboard.press('Escape');
  await org.getByRole('button', { name: 'Français' }).click();
  await expect.poll(() => org.locator('html').getAttribute('dir')).toBe('ltr');

  await publish.click();
  await confirmDialog(org, 'Publier les résultats ?', 'Publier les résultats');
  await org.getByText(/Résultats publiés le/).waitFor();
  expect((await snapshot())?.publishedAt).not.toBeNull();
  await chairContext.close();
  await orgContext.close();
}, JOURNEY_MS);
