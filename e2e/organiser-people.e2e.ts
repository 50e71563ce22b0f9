import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { RoundDetailSchema } from '../packages/contract/src/index.js';
import { client } from './support/api.js';
import { expectNoAxeViolations, launchChromium, signInOnScreen } from './support/browser.js';
import { DEFAULT_ENTRANTS, FIXTURE_ENV, ORGANISER, scoredRoundOne } from './support/competition-fixture.js';
import { startServer, type RunningServer } from './support/server.js';

const LAPTOP = { width: 1440, height: 900 };
const SHOTS = '.tmp/shots';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: false, env: FIXTURE_ENV }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function organiserPage(label: string): Promise<Page> {
  const context = await browser.newContext({ viewport: LAPTOP, locale: 'fr-FR' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  onTestFailed(async () => {
    console.error('page errors:', errors);
    await page.screenshot({ path: `${SHOTS}/${label}-failure.png`, fullPage: true }).catch(() => undefined);
  });
  return page;
}


const speak = async (page: Page, language: 'Français' | 'العربية') => {
  await page.getByRole('button', { name: language, exact: true }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language === 'العربية' ? 'ar' : 'fr');
};
const shoot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
const rowNames = (page: Page, axis: string) =>
  // The innermost section holding the axis heading (the list's own section holds them all).
  page.locator('section', { has: page.getByRole('heading', { level: 3, name: new RegExp(axis) }) }).last().locator('tbody th bdi').allTextContents();

test('before round 1 the organiser deletes a mistaken entrant after a confirmation, edits one juror and removes another, lists sorted with accents', async () => {
  const fixture = await scoredRoundOne(server.url, {
    roundOne: false,
    entrants: [...DEFAULT_ENTRANTS, { name: 'WattÉco', axis: 'green', base: 5 }, { name: 'Énergie Réseau Plus', axis: 'green', base: 5 }, { name: 'Doublon par erreur', axis: 'city', base: 1 }],
  });
  const page = await organiserPage('people-before');
  await signInOnScreen(page, server.url, ORGANISER, `/competitions/${fixture.competitionId}/entrants`);
  await page.getByRole('heading', { level: 1, name: 'Candidats' }).waitFor();

  // Accent-aware order: "Énergie Réseau Plus" with the E, before "WattÉco".
  expect(await rowNames(page, 'Écologie')).toEqual(['Énergie Réseau Plus', 'Green 1', 'Green 2', 'Green 3', 'WattÉco']);
  // Before round 1: delete, never withdraw.
  await expect.poll(() => page.getByRole('button', { name: /^Retirer / }).count()).toBe(0);

  await page.getByRole('button', { name: 'Supprimer Doublon par erreur' }).click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer « Doublon par erreur » ?' });
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain('son lien privé cesse de fonctionner');
  await expectNoAxeViolations(page, 'delete an entrant (fr)');
  await shoot(page, 'people-delete-dialog-fr');
  await dialog.getByRole('button', { name: 'Supprimer', exact: true }).click();
  await page.getByRole('status').filter({ hasText: '« Doublon par erreur » a été supprimé.' }).waitFor();
  expect(await rowNames(page, 'Infrastructures')).toEqual(['City 1', 'City 2', 'City 3']);

  await speak(page, 'العربية');
  await page.getByRole('heading', { level: 1, name: 'المترشحون' }).waitFor();
  expect(await rowNames(page, 'البيئة')).toEqual(['Énergie Réseau Plus', 'Green 1', 'Green 2', 'Green 3', 'WattÉco']);
  await expectNoAxeViolations(page, 'entrants (ar)');
  await shoot(page, 'people-entrants-ar');

  // The jury: edit in Arabic, remove in French. No tablet yet: no unblock, no revoke.
  await page.goto(`${server.url}/competitions/${fixture.competitionId}/jurors`);
  await page.getByRole('button', { name: 'تعديل Bruno Lefèvre' }).click();
  await page.getByRole('heading', { level: 2, name: 'تعديل «Bruno Lefèvre»' }).waitFor();
  await page.getByLabel('Fonction').or(page.getByLabel('الصفة')).fill('مستثمر');
  await page.getByRole('button', { name: 'حفظ' }).click();
  await page.getByRole('row', { name: /Bruno Lefèvre/ }).getByText('مستثمر').waitFor();
  expect(await page.getByRole('button', { name: /فك حظر|إلغاء الأجهزة/ }).count()).toBe(0);
  await expectNoAxeViolations(page, 'jurors (ar)');
  await shoot(page, 'people-jurors-ar');

  await speak(page, 'Français');
  await page.getByRole('button', { name: 'Supprimer Chadia Benali du jury' }).click();
  const remove = page.getByRole('dialog', { name: 'Supprimer Chadia Benali du jury ?' });
  await remove.getByRole('button', { name: 'Supprimer', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Chadia Benali ne fait plus partie du jury.' }).waitFor();
  await expect.poll(() => page.getByRole('row', { name: /Chadia Benali/ }).count()).toBe(0);
  await expectNoAxeViolations(page, 'jurors (fr)');
  await shoot(page, 'people-jurors-fr');
  await page.context().close();
});

test('after round 1 opened the organiser withdraws an entrant with a reason and sees it out of the ranking, and replaces a juror whose scorecards stay', async () => {
  const fixture = await scoredRoundOne(server.url);
  const page = await organiserPage('people-after');
  await signInOnScreen(page, server.url, ORGANISER, `/competitions/${fixture.competitionId}/entrants`);
  await speak(page, 'العربية');

  // Once scoring has opened the list is fixed: withdraw, not delete.
  await expect.poll(() => page.getByRole('button', { name: /^حذف / }).count()).toBe(0);
  await page.getByRole('button', { name: 'سحب Green 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'سحب «Green 1» من المسابقة؟' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'سحب', exact: true }).click();
  // No reason, no withdrawal.
  await dialog.getByText('اكتب سببًا من 3 أحرف على الأقل.').waitFor();
  await dialog.getByLabel('سبب السحب (يُسجَّل في السجل)').fill('انسحب الفريق بعد استحواذ شركة أخرى عليه');
  await expectNoAxeViolations(page, 'withdraw an entrant (ar)');
  await shoot(page, 'people-withdraw-dialog-ar');
  await dialog.getByRole('button', { name: 'سحب', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'سُحب «Green 1»' }).waitFor();
  const row = page.getByRole('row', { name: /Green 1/ });
  await row.getByText('مسحوب', { exact: true }).waitFor();
  expect(await row.textContent()).toContain('انسحب الفريق بعد استحواذ شركة أخرى عليه');
  await shoot(page, 'people-withdrawn-ar');

  // Round 1 closes (its own journey tests the button): the ranking leaves Green 1 out, Green 3 takes a seat.
  const organiser = client(server.url, { cookie: fixture.cookie });
  await organiser('POST', `/api/competitions/${fixture.competitionId}/rounds/${fixture.roundId}/close`, RoundDetailSchema, {});
  await speak(page, 'Français');
  await page.goto(`${server.url}/competitions/${fixture.competitionId}/round-1`);
  const ranking = page.getByRole('table', { name: /Classement|classement/ }).first();
  await ranking.locator('tbody tr').first().waitFor();
  const ranked = await ranking.locator('tbody th bdi, tbody td bdi').allTextContents();
  expect(ranked).not.toContain('Green 1');
  expect(ranked).toEqual(expect.arrayContaining(['Green 2', 'Green 3']));
  await expect.poll(() => ranking.locator('tr.org-row--selected', { hasText: 'Green 3' }).count()).toBe(1);
  await expectNoAxeViolations(page, 'ranking without the withdrawn entrant (fr)');
  await shoot(page, 'people-ranking-fr');

  // The jury: every juror has a tablet (revoke shows), none is blocked (no unblock).
  await page.goto(`${server.url}/competitions/${fixture.competitionId}/jurors`);
  await page.getByRole('button', { name: 'Révoquer les tablettes de Bruno Lefèvre' }).waitFor();
  expect(await page.getByRole('button', { name: /^Débloquer/ }).count()).toBe(0);
  // The chair is fixed with the rules: no replace for the chair.
  expect(await page.getByRole('button', { name: 'Remplacer Amina Idrissi' }).count()).toBe(0);

  await page.getByRole('button', { name: 'Remplacer Chadia Benali' }).click();
  const replace = page.getByRole('dialog', { name: 'Remplacer Chadia Benali ?' });
  await replace.waitFor();
  expect(await replace.textContent()).toContain('(8 fiches) restent et comptent');
  await replace.getByLabel('Nom de la personne qui remplace').fill('Nadia Berrada');
  await replace.getByLabel('Fonction').fill('Investisseuse');
  await replace.getByLabel('Motif du remplacement (consigné au journal)').fill('Hospitalisée, ne peut pas venir à la finale');
  await expectNoAxeViolations(page, 'replace a juror (fr)');
  await shoot(page, 'people-replace-dialog-fr');
  await replace.getByRole('button', { name: 'Remplacer', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Nadia Berrada remplace Chadia Benali' }).waitFor();
  const old = page.getByRole('row', { name: /Chadia Benali/ }).first();
  await old.getByText('Remplacé par Nadia Berrada : ce lien ne fonctionne plus.').waitFor();
  const nadia = page.getByRole('row', { name: /Nadia Berrada/ }).filter({ hasText: 'remplace Chadia Benali' });
  await nadia.getByRole('link', { name: "Lien d’invitation de Nadia Berrada" }).waitFor();
  expect(await nadia.getByRole('button', { name: /Révoquer/ }).count()).toBe(0);
  await shoot(page, 'people-replaced-fr');
  await speak(page, 'العربية');
  await page.getByText('استُبدل بـ Nadia Berrada: لم يعد هذا الرابط يعمل.').waitFor();
  await expectNoAxeViolations(page, 'jurors after a replacement (ar)');
  await shoot(page, 'people-replaced-ar');
  await page.context().close();
});
