import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoAxeViolations, launchChromium, newTabletContext } from './support/browser.js';
import { closeDemoFinal, DEMO_ORGANISER, type ClosedFinal } from './support/final-fixture.js';
import { confirmDialog } from './support/dialog.js';
import { startServer, type RunningServer } from './support/server.js';
import { bindJurorTablet, setIdleLock, TABLET_PIN } from './support/tablet.js';

let server: RunningServer;
let browser: Browser;
let final: ClosedFinal;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchChromium()]);
  final = await closeDemoFinal(server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// The machines running these are shared and slow: each journey gets a generous time limit.
const JOURNEY_MS = 300_000;
/** Every deliberation read recomputes the robustness report: the server may answer slowly. */
const STEP_MS = 90_000;

test('the chair settles the open tie with a reason and signs, from the tablet bound by the invitation link', async () => {
  const [c, d] = final.tied;

  // The chair, on the tablet bound by the invitation link.
  const chairContext = await newTabletContext(browser, { width: 768, height: 1024 });
  chairContext.setDefaultTimeout(STEP_MS);
  // The chair scored the final on another tablet: this one is bound with the chair's PIN.
  const chair = await bindJurorTablet(chairContext, server.url, `/j/demo-juror-${final.chairIndex}`);
  chairContext.setDefaultTimeout(STEP_MS);

  // Left idle, the deliberation gives way to the PIN, as the scorecards do: after the organiser's
  // one-minute setting, on the tablet's faked clock.
  await setIdleLock(server.url, final.organiserCookie, final.competitionId, 1);
  await chairContext.clock.install();
  await chair.goto(`${server.url}/juror/deliberation`);
  await chair.getByRole('heading', { level: 1, name: 'Délibération' }).waitFor();
  await chairContext.clock.fastForward('01:05');
  await chair.getByRole('heading', { name: /Tablette verrouillée/ }).waitFor({ timeout: 15_000 });
  expect(await chair.getByRole('heading', { name: 'Égalité à trancher' }).count()).toBe(0);
  await chair.getByLabel('Code PIN').fill(TABLET_PIN);
  await chair.getByRole('button', { name: 'Déverrouiller' }).click();
  await chair.getByRole('heading', { level: 1, name: 'Délibération' }).waitFor();

  // Back to 15 minutes for the rest of the deliberation.
  await setIdleLock(server.url, final.organiserCookie, final.competitionId, 15);
  await chair.goto(`${server.url}/juror/deliberation`);
  await chair.getByRole('heading', { level: 1, name: 'Délibération' }).waitFor();
  await chair.getByRole('heading', { name: 'Égalité à trancher' }).waitFor();
  expect(await chair.getByRole('heading', { name: 'À EXAMINER' }).count()).toBe(1);
  await expectNoAxeViolations(chair, 'chair deliberation (fr)');

  // The jury puts the second of the group first; the reason is mandatory.
  await chair.getByRole('button', { name: `Monter ${d.name}` }).click();
  await chair.getByRole('button', { name: 'Enregistrer l’ordre' }).click();
  await chair.getByText('Écrivez le motif de la décision').waitFor();
  await chair.getByLabel('Motif de la décision (obligatoire)').fill('Modèle économique plus abouti, selon le jury.');
  await chair.getByRole('button', { name: 'Enregistrer l’ordre' }).click();
  // The order is said in words before it is recorded.
  expect(await chair.getByRole('dialog', { name: 'Enregistrer cet ordre ?' }).textContent()).toContain(`1. ${d.name}`);
  await confirmDialog(chair, 'Enregistrer cet ordre ?', 'Enregistrer l’ordre');
  await chair.getByRole('heading', { name: 'Égalité à trancher' }).waitFor({ state: 'detached' });
  await expect.poll(() => chair.getByRole('heading', { name: 'Départage des égalités' }).locator('..').textContent()).toContain(
    `${d.name}\u2069 devant \u2068${c.name}\u2069 : décision de la présidence du jury.`,
  );
  await chair.getByText('Modèle économique plus abouti').first().waitFor();

  // A late correction, from the startup's row: confirmed, then both values are shown.
  await chair.getByRole('button', { name: `Corriger une note de ${final.first.name}` }).click();
  const correction = chair.getByRole('form', { name: 'Corriger une note' });
  await correction.getByLabel('Critère').selectOption('pitch');
  await correction.getByLabel('Nouvelle note').selectOption('6');
  await correction.getByLabel('Motif de la correction (obligatoire)').fill('Erreur de saisie signalée par le juré');
  await correction.getByRole('button', { name: 'Corriger la note' }).click();
  await confirmDialog(chair, 'Corriger cette note ?', 'Corriger la note');
  await chair.getByText('Note corrigée : 8 → 6.').waitFor();
  await chair.getByText(`Notes corrigées de \u2068${final.first.name}\u2069`).click();
  await chair.getByText('Erreur de saisie signalée par le juré').waitFor();
  expect(await chair.getByText('corrigée par la présidence').count()).toBeGreaterThan(0);

  await chair.getByRole('button', { name: 'Signer les résultats (présidence)' }).click();
  await confirmDialog(chair, 'Signer les résultats pour la présidence du jury ?', 'Signer les résultats (présidence)');
  await chair.getByText(/Signé par la présidence du jury le/).waitFor();
  await expectNoAxeViolations(chair, 'chair deliberation after signing');
  await chairContext.close();
}, JOURNEY_MS);

test('the organiser signs once the chair has, publishes, and verifies the snapshot and the event log', async () => {
  const orgContext = await newTabletContext(browser);
  orgContext.setDefaultTimeout(STEP_MS);
  const org = await orgContext.newPage();
  await org.goto(`${server.url}/login`);
  await org.getByLabel('Adresse e-mail').fill(DEMO_ORGANISER.email);
  await org.getByLabel('Mot de passe').fill(DEMO_ORGANISER.password);
  await org.getByRole('button', { name: 'Se connecter' }).click();
  await org.waitForURL(/\/competitions$/);
  await org.goto(`${server.url}/competitions/${final.competitionId}/deliberation`);
  await org.getByRole('heading', { level: 1, name: 'Délibération' }).waitFor();
  const publish = org.getByRole('button', { name: 'Publier les résultats' });
  expect(await publish.isDisabled()).toBe(true);
  await org.getByText('La publication demande les deux signatures').waitFor();
  await expectNoAxeViolations(org, 'organiser deliberation (fr)');

  await org.getByRole('button', { name: 'Signer les résultats (organisation)' }).click();
  await confirmDialog(org, 'Signer les résultats pour l’organisation ?', 'Signer les résultats (organisation)');
  await org.getByText(/Signé par l’organisation le/).waitFor();
  await expect.poll(() => publish.isEnabled()).toBe(true);
  await publish.click();
  await confirmDialog(org, 'Publier les résultats ?', 'Publier les résultats');
  await org.getByText(/Résultats publiés le/).waitFor();

  await org.getByRole('button', { name: 'Vérifier les résultats' }).click();
  // One verdict in one sentence: the stored scores, the event log's replay and its chain agree.
  await org.getByText(/Intact : les notes enregistrées sont exactement celles que donne le journal des événements \(\d+ entrées vérifiées, chaîne intacte\)/).waitFor();
  await expectNoAxeViolations(org, 'organiser after publication');

  // The same page right to left, in Arabic.
  await org.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => org.locator('html').getAttribute('dir')).toBe('rtl');
  await org.getByRole('heading', { level: 1, name: 'المداولة' }).waitFor();
  await expectNoAxeViolations(org, 'organiser deliberation (ar)');
  await orgContext.close();
}, JOURNEY_MS);

test('a finalist reads its place, its breakdown per criterion and the jury’s feedback, in French and Arabic, on a phone', async () => {
  const [, d] = final.tied;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR', hasTouch: true });
  context.setDefaultTimeout(STEP_MS);
  const page = await context.newPage();
  await page.goto(`${server.url}/s/${d.token}`);
  await page.getByRole('heading', { level: 1, name: d.name }).waitFor();
  await page.getByText('Prix : 3e prix').waitFor();
  await page.getByRole('heading', { name: 'Votre score par critère' }).waitFor();
  expect(await page.getByRole('table', { name: 'Vos scores par critère, en chiffres' }).getByRole('row').count()).toBe(7);
  await page.getByText('Démonstration convaincante').waitFor();
  await page.getByText(/la décision motivée de la présidence du jury/).waitFor();
  await expectNoAxeViolations(page, 'startup page (fr)');

  await page.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await page.getByRole('heading', { name: 'ملاحظات لجنة التحكيم' }).waitFor();
  await expectNoAxeViolations(page, 'startup page (ar)');
  await context.close();
}, JOURNEY_MS);

test('the ceremony screen reveals the third, second then first prize, one key press each', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR' });
  context.setDefaultTimeout(STEP_MS);
  await context.addInitScript(() => localStorage.setItem('palmares.language', 'fr'));
  const page = await context.newPage();
  await page.goto(`${server.url}/competitions/${final.competitionId}/winners`);
  await page.getByRole('heading', { level: 1, name: /Lauréats/ }).waitFor();
  await expectNoAxeViolations(page, 'winners (fr)');

  await page.goto(`${server.url}/competitions/${final.competitionId}/ceremony`);
  await page.getByRole('heading', { level: 1, name: 'Remise des prix' }).waitFor();
  const live = page.locator('.cer__live');
  await expectNoAxeViolations(page, 'ceremony before the reveal');
  expect(await page.getByText(final.first.name).count()).toBe(0);

  await page.keyboard.press('Space');
  await expect.poll(() => live.textContent()).toContain(`3e prix : \u2068${final.tied[1].name}`);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => live.textContent()).toContain(`2e prix : \u2068${final.second.name}`);
  expect(await page.getByText(final.first.name).count()).toBe(0);
  await page.keyboard.press('Enter');
  await expect.poll(() => live.textContent()).toContain(`1er prix : \u2068${final.first.name}`);
  await page.getByText(final.first.name, { exact: true }).first().waitFor();
  await expectNoAxeViolations(page, 'ceremony after the reveal');
  await context.close();
}, JOURNEY_MS);
