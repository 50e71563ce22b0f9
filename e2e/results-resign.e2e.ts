import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoAxeViolations, launchChromium, newTabletContext, TABLET_PORTRAIT } from './support/browser.js';
import { closeDemoFinal, DEMO_ORGANISER, type ClosedFinal } from './support/final-fixture.js';
import { confirmDialog } from './support/dialog.js';
import { startServer, type RunningServer } from './support/server.js';
import { bindJurorTablet } from './support/tablet.js';

let server: RunningServer;
let browser: Browser;
let final: ClosedFinal;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchChromium()]);
  // No open tie: the chair has nothing to settle before signing.
  final = await closeDemoFinal(server.url, { layout: 'axis-cap' });
  mkdirSync('.tmp/shots', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const JOURNEY_MS = 400_000;
/** Every deliberation read recomputes the robustness report: the server may answer slowly. */
const STEP_MS = 90_000;

async function chairTablet(): Promise<Page> {
  const context = await newTabletContext(browser, TABLET_PORTRAIT);
  // The fixture bound the chair's first tablet: this one is a further tablet, bound with the PIN.
  const chair = await bindJurorTablet(context, server.url, `/j/demo-juror-${final.chairIndex}`);
  context.setDefaultTimeout(STEP_MS);
  await chair.goto(`${server.url}/juror/deliberation`);
  await chair.getByRole('heading', { level: 1, name: 'Délibération' }).waitFor();
  return chair;
}

async function organiserLaptop(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
  context.setDefaultTimeout(STEP_MS);
  const org = await context.newPage();
  await org.goto(`${server.url}/login`);
  await org.getByLabel('Adresse e-mail').fill(DEMO_ORGANISER.email);
  await org.getByLabel('Mot de passe').fill(DEMO_ORGANISER.password);
  await org.getByRole('button', { name: 'Se connecter' }).click();
  await org.waitForURL(/\/competitions$/);
  await org.goto(`${server.url}/competitions/${final.competitionId}/deliberation`);
  await org.getByRole('heading', { level: 1, name: 'Délibération' }).waitFor();
  return org;
}

const STALE = 'Une note a changé après votre signature : signez à nouveau.';

test('a correction after both signatures re-opens sign-off; both sign again and the organiser publishes, from the screens alone', async () => {
  const chair = await chairTablet();
  const org = await organiserLaptop();
  const signChair = chair.getByRole('button', { name: 'Signer les résultats (présidence)' });
  const signOrg = org.getByRole('button', { name: 'Signer les résultats (organisation)' });
  const publish = org.getByRole('button', { name: 'Publier les résultats' });

  // Both sign.
  await signChair.click();
  await confirmDialog(chair, 'Signer les résultats pour la présidence du jury ?', 'Signer les résultats (présidence)');
  await chair.getByText(/Signé par la présidence du jury le/).waitFor();
  await org.reload();
  await signOrg.click();
  await confirmDialog(org, 'Signer les résultats pour l’organisation ?', 'Signer les résultats (organisation)');
  await org.getByText(/Signé par l’organisation le/).waitFor();
  await expect.poll(() => publish.isEnabled()).toBe(true);

  // The chair then corrects a score the jury found mistyped.
  await chair.reload();
  await chair.getByRole('heading', { level: 1, name: 'Délibération' }).waitFor();
  await chair.getByRole('button', { name: `Corriger une note de ${final.second.name}` }).click();
  const correction = chair.getByRole('form', { name: 'Corriger une note' });
  await correction.getByLabel('Critère').selectOption('pitch');
  await correction.getByLabel('Nouvelle note').selectOption('2');
  await correction.getByLabel('Motif de la correction (obligatoire)').fill('Erreur de saisie confirmée par le juré');
  await correction.getByRole('button', { name: 'Corriger la note' }).click();
  await confirmDialog(chair, 'Corriger cette note ?', 'Corriger la note');

  // The chair's screen says why the signatures no longer count, and the button is back.
  await chair.getByText(STALE).waitFor();
  const chairSignatures = chair.locator('.res-signature--stale');
  await expect.poll(() => chairSignatures.count()).toBe(2);
  expect(await chairSignatures.locator('del').first().textContent()).toMatch(/Signé par la présidence du jury le .*Empreinte/);
  // The correction, with its reason, beside the startup it concerns.
  await chair.getByText(`Notes corrigées de \u2068${final.second.name}\u2069`).click();
  await chair.getByText(/Erreur de saisie confirmée par le juré/).first().waitFor();
  await expect.poll(() => signChair.isEnabled()).toBe(true);
  await chair.screenshot({ path: '.tmp/shots/resign-chair-768x1024-fr.png', fullPage: true });
  await expectNoAxeViolations(chair, 'chair deliberation, signatures out of date (fr)');

  // The organiser's screen, after a reload: the same, publication waits, verify says "out of date".
  await org.reload();
  await org.getByText(STALE).waitFor();
  expect(await org.locator('.res-signature--stale').count()).toBe(2);
  expect(await publish.isDisabled()).toBe(true);
  await org.getByText('doivent toutes deux signer à nouveau avant la publication').waitFor();
  await expect.poll(() => signOrg.isEnabled()).toBe(true);
  await org.getByRole('button', { name: 'Vérifier les résultats' }).click();
  await org.getByText(/Caduc : les notes enregistrées diffèrent de ces résultats par une correction/).waitFor();
  expect(await org.getByText(/Falsifié/).count()).toBe(0);
  await org.screenshot({ path: '.tmp/shots/resign-organiser-1440x900-fr.png', fullPage: true });
  await expectNoAxeViolations(org, 'organiser deliberation, signatures out of date (fr)');

  // In Arabic, right to left, the same explanation.
  await chair.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => chair.locator('html').getAttribute('dir')).toBe('rtl');
  await chair.getByText('تغيّرت درجة بعد توقيعكم: وقّعوا من جديد.').waitFor();
  await chair.screenshot({ path: '.tmp/shots/resign-chair-768x1024-ar.png', fullPage: true });
  await expectNoAxeViolations(chair, 'chair deliberation, signatures out of date (ar)');
  await chair.getByRole('button', { name: 'Français' }).click();
  await chair.getByText(STALE).waitFor();

  // Both sign again; the organiser publishes.
  await signChair.click();
  await confirmDialog(chair, 'Signer les résultats pour la présidence du jury ?', 'Signer les résultats (présidence)');
  await chair.getByText(/Signé par la présidence du jury le/).waitFor();
  await chair.getByText(STALE).waitFor({ state: 'detached' });
  await signOrg.click();
  await confirmDialog(org, 'Signer les résultats pour l’organisation ?', 'Signer les résultats (organisation)');
  await org.getByText(STALE).waitFor({ state: 'detached' });
  await org.getByText(/Signé par l’organisation le/).waitFor();
  await org.getByText(/Signé par la présidence du jury le/).waitFor();
  await expect.poll(() => publish.isEnabled()).toBe(true);
  await publish.click();
  await confirmDialog(org, 'Publier les résultats ?', 'Publier les résultats');
  await org.getByText(/Résultats publiés le/).waitFor();
  await org.getByRole('button', { name: 'Vérifier les résultats' }).click();
  await org.getByText(/Intact : les notes enregistrées sont exactement celles que donne le journal des événements/).waitFor();
}, JOURNEY_MS);
