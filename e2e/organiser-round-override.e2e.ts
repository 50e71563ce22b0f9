import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { EntrantListResponseSchema } from '../packages/contract/src/index.js';
import { Anything, client } from './support/api.js';
import { expectNoAxeViolations, launchChromium, signInOnScreen } from './support/browser.js';
import { DEFAULT_ENTRANTS, FIXTURE_ENV, ORGANISER, scoredRoundOne } from './support/competition-fixture.js';
import { startServer, type RunningServer } from './support/server.js';

/** Issue 16 point 4 (and the rule sentence of point 6): a proposed finalist replaced on the record, seen by both startups. */

const LAPTOP = { width: 1440, height: 900 };
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: false, env: FIXTURE_ENV }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function laptop(lang: 'fr' | 'ar'): Promise<Page> {
  const context = await browser.newContext({ viewport: LAPTOP, locale: lang === 'fr' ? 'fr-FR' : 'ar-MA' });
  await context.addInitScript((l) => localStorage.setItem('palmares.language', l), lang);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  onTestFailed(async () => {
    console.error('page errors:', errors);
    await page.screenshot({ path: `.tmp/shots/organiser-override-failure-${lang}.png`, fullPage: true }).catch(() => undefined);
  });
  return page;
}

test('the organiser replaces a proposed finalist with a reason, sees the proposal beside the confirmed shortlist, and both startups read it on their pages, in French and Arabic', async () => {
  // City 2 below City 1 (no tie): proposed Green 1, Green 2, City 1, Social 1.
  const entrants = DEFAULT_ENTRANTS.map((e) => (e.name === 'City 2' ? { ...e, base: 4 } : e));
  const fixture = await scoredRoundOne(server.url, { entrants });
  const organiser = client(server.url, { cookie: fixture.cookie });
  const base = `/api/competitions/${fixture.competitionId}`;
  await organiser('POST', `${base}/rounds/${fixture.roundId}/close`, Anything, {});
  const tokens = new Map((await organiser('GET', `${base}/entrants`, EntrantListResponseSchema)).entrants.map((e) => [e.name, e.accessToken]));

  const page = await laptop('fr');
  await signInOnScreen(page, server.url, ORGANISER, `/competitions/${fixture.competitionId}/round-1`);

  // The rule sentence states every rule.
  await page.getByText('Règles : 4 places, au moins 1 et au plus 2 par axe.').waitFor();
  await page.getByRole('heading', { name: 'Remplacer un finaliste proposé' }).waitFor();

  // A reason is required before the replacement is added.
  await page.getByLabel('Finaliste proposé à retirer').selectOption({ label: 'City 1' });
  await page.getByLabel('Startup à repêcher').selectOption({ label: 'City 2' });
  await page.getByLabel('Motif', { exact: true }).selectOption({ label: 'désistement' });
  await page.getByRole('button', { name: 'Ajouter ce remplacement' }).click();
  await page.getByRole('alert').filter({ hasText: 'Écrivez un motif' }).waitFor();
  const reason = 'City 1 s’est désistée par courrier le 2 juin.';
  await page.getByLabel('Explication (visible par les deux startups)').fill(reason);
  await page.getByRole('button', { name: 'Ajouter ce remplacement' }).click();
  await page.getByRole('list', { name: 'Remplacements à confirmer' }).getByText(/City 1\W*remplacé par\W*City 2\W*\(désistement\)/).waitFor();
  await expectNoAxeViolations(page, 'ranking with a pending replacement (fr)');
  await page.screenshot({ path: '.tmp/shots/shortlist-override-pending-fr-1440x900.png', fullPage: true });

  await page.getByRole('button', { name: 'Confirmer les 4 finalistes avec 1 remplacement' }).click();
  // The confirmation names the finalists as they will be: the replacement in, the replaced out.
  const asked = page.getByRole('dialog');
  const named = await asked.getByRole('listitem').allInnerTexts();
  expect(named.some((text) => text.startsWith('City 2'))).toBe(true);
  expect(named.some((text) => text.startsWith('City 1'))).toBe(false);
  expect(named).toHaveLength(4);
  await asked.getByRole('button', { name: 'Confirmer les 4 finalistes' }).click();
  const compare = page.getByRole('heading', { name: 'Proposition et sélection confirmée' });
  await compare.waitFor();
  const proposed = page.getByRole('region', { name: 'Proposée par le classement', exact: true });
  const confirmed = page.getByRole('region', { name: 'Confirmée', exact: true });
  expect(await proposed.getByRole('listitem').allInnerTexts()).toEqual(['Green 1', 'Green 2', expect.stringMatching(/^City 1\s*retiré$/), 'Social 1']);
  expect(await confirmed.getByRole('listitem').allInnerTexts()).toEqual(['Green 1', 'Green 2', expect.stringMatching(/^City 2\s*repêché$/), 'Social 1']);
  await page.getByText(reason).first().waitFor();
  await page.getByRole('button', { name: /Publier/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Publier les 4 finalistes' }).click();
  await page.getByText('Présélection publiée : chaque startup voit son statut.').waitFor();
  await expectNoAxeViolations(page, 'proposal and confirmed shortlist (fr)');
  await compare.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '.tmp/shots/shortlist-override-confirmed-fr-1440x900.png' });

  await page.getByRole('button', { name: 'العربية' }).click();
  await page.getByRole('heading', { name: 'المقترح والقائمة المؤكَّدة' }).waitFor();
  await page.getByText(`القواعد: ${new Intl.NumberFormat('ar').format(4)} مقاعد`).first().waitFor();
  await expectNoAxeViolations(page, 'proposal and confirmed shortlist (ar)');
  await page.getByRole('heading', { name: 'المقترح والقائمة المؤكَّدة' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '.tmp/shots/shortlist-override-confirmed-ar-1440x900.png' });
  await page.context().close();

  // Both startups' pages, in French and in Arabic.
  for (const lang of ['fr', 'ar'] as const) {
    const founder = await laptop(lang);
    const expected = lang === 'fr'
      ? { out: 'Le classement du jury proposait votre startup pour la finale', into: 'Votre startup a été repêchée pour la finale' }
      : { out: 'اقترح ترتيب لجنة التحكيم شركتكم للنهائي', into: 'أُدخلت شركتكم إلى النهائي' };
    await founder.goto(`${server.url}/s/${tokens.get('City 1')}`);
    await founder.getByText(expected.out).waitFor();
    await founder.getByText(reason).waitFor();
    await expectNoAxeViolations(founder, `startup page, taken out (${lang})`);
    await founder.screenshot({ path: `.tmp/shots/startup-override-removed-${lang}-1440x900.png` });
    await founder.goto(`${server.url}/s/${tokens.get('City 2')}`);
    await founder.getByText(expected.into).waitFor();
    await founder.getByText(reason).waitFor();
    await expectNoAxeViolations(founder, `startup page, brought in (${lang})`);
    await founder.screenshot({ path: `.tmp/shots/startup-override-added-${lang}-1440x900.png` });
    await founder.context().close();
  }
});

test('in the set-up, one axis gets its own quota; a minimum above its maximum is refused on its field; the rule sentence states every rule, in French and Arabic', async () => {
  const fixture = await scoredRoundOne(server.url, { roundOne: false });
  const page = await laptop('fr');
  await page.goto(`${server.url}/competitions/${fixture.competitionId}/setup`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Adresse e-mail').fill(ORGANISER.email);
  await page.getByLabel('Mot de passe').fill(ORGANISER.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  if (!page.url().endsWith('/setup')) await page.goto(`${server.url}/competitions/${fixture.competitionId}/setup`);

  const sentence = page.getByTestId('quota-sentence');
  await expect.poll(() => sentence.textContent()).toBe('Règles : 4 places, au moins 1 et au plus 2 par axe.');
  const social = page.getByRole('table', { name: 'Quotas par axe' }).getByRole('row', { name: /Social/ });
  await social.getByRole('checkbox').check();
  await social.getByRole('spinbutton').nth(0).fill('3');
  await social.getByRole('spinbutton').nth(1).fill('2');
  await page.getByRole('button', { name: 'Enregistrer l’événement et les règles' }).click();
  await social.getByText('Le minimum ne peut pas dépasser le maximum.').waitFor();
  await expect.poll(() => social.getByRole('spinbutton').nth(0).getAttribute('aria-invalid')).toBe('true');

  await social.getByRole('spinbutton').nth(0).fill('2');
  await page.getByRole('button', { name: 'Enregistrer l’événement et les règles' }).click();
  await expect.poll(() => sentence.textContent()).toBe('Règles : 4 places, au moins 1 et au plus 2 par axe ; Social : au moins 2 et au plus 2.');
  await expectNoAxeViolations(page, 'set-up with a quota per axis (fr)');
  await sentence.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '.tmp/shots/setup-axis-quota-fr-1440x900.png' });

  await page.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => sentence.textContent()).toContain('الاجتماعي: ');
  await expectNoAxeViolations(page, 'set-up with a quota per axis (ar)');
  await sentence.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '.tmp/shots/setup-axis-quota-ar-1440x900.png' });
  await page.context().close();
});

test('before round 1 opens, the organiser sees the assignment as a jurors × entrants matrix with its balance, unticks one cell and saves it, in French and Arabic', async () => {
  const fixture = await scoredRoundOne(server.url, { roundOne: false });
  const organiser = client(server.url, { cookie: fixture.cookie });
  const base = `/api/competitions/${fixture.competitionId}`;
  const round = (await organiser('POST', `${base}/rounds`, Anything, { kind: 'shortlist' })) as { id: number };
  const page = await laptop('fr');
  await signInOnScreen(page, server.url, ORGANISER, `/competitions/${fixture.competitionId}/round-1`);

  await page.getByRole('button', { name: 'Répartir' }).click();
  const matrix = page.getByRole('table', { name: 'Matrice de répartition' });
  await matrix.waitFor();
  const cell = matrix.getByRole('checkbox', { name: 'Amina Idrissi note Green 1' });
  expect(await cell.isChecked()).toBe(true);
  await cell.uncheck();
  await page.getByText('Modifications pas encore enregistrées.').waitFor();
  await page.getByRole('button', { name: 'Enregistrer cette répartition (23 fiches)' }).click();
  await page.getByText('Modifications pas encore enregistrées.').waitFor({ state: 'detached' });
  const totals = await matrix.locator('tfoot td').allInnerTexts();
  expect(totals).toEqual(['7', '8', '8', '23']);
  const saved = (await organiser('GET', `${base}/rounds/${round.id}/assignments`, Anything)) as { pairs: unknown[] };
  expect(saved.pairs).toHaveLength(23);
  await expectNoAxeViolations(page, 'assignment matrix (fr)');
  await matrix.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '.tmp/shots/assignment-matrix-fr-1440x900.png' });

  await page.getByRole('button', { name: 'العربية' }).click();
  await page.getByRole('table', { name: 'مصفوفة التوزيع' }).waitFor();
  await expectNoAxeViolations(page, 'assignment matrix (ar)');
  await page.screenshot({ path: '.tmp/shots/assignment-matrix-ar-1440x900.png' });
  await page.context().close();
});
