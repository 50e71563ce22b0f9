import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { expectNoAxeViolations, launchChromium, newTabletContext, TABLET_PORTRAIT } from './support/browser.js';
import { bindTablet, FIXTURE_ENV, ORGANISER, scoredRoundOne, scoreFinal, type ScoredRoundOne } from './support/competition-fixture.js';
import { confirmDialog } from './support/dialog.js';
import { startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let fixture: ScoredRoundOne;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: false, env: FIXTURE_ENV }), launchChromium()]);
  fixture = await scoredRoundOne(server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page, path: string) {
  await page.goto(`${server.url}${path}`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Adresse e-mail').fill(ORGANISER.email);
  await page.getByLabel('Mot de passe').fill(ORGANISER.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  // Signed in; the sign-in page may land on the list of competitions rather than back here.
  if (new URL(page.url()).pathname !== path) await page.goto(`${server.url}${path}`);
}

/** A juror's tablet bound from its invitation link, listening to the juror live stream. */
async function jurorTablet(invitePath: string) {
  const context = await newTabletContext(browser, TABLET_PORTRAIT);
  const page = await context.newPage();
  // The juror's own screens are being built beside this test: bind the way `/j/<token>` does
  // (POST /api/juror/bind from the page, which sets the HttpOnly device cookie), then follow the
  // juror stream the tablet's home follows.
  await page.goto(`${server.url}/login`);
  const token = invitePath.split('/').pop() ?? '';
  // No juror route (the live stream included) answers a tablet before it has its PIN.
  const bound = await page.evaluate(async (inviteToken) => {
    const post = (path: string, body: unknown) => fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    // The juror scored round 1 on another tablet: this one is bound with the juror's PIN.
    const res = await post('/api/juror/bind', { inviteToken, pin: '4821' });
    return res.status;
  }, token);
  expect(bound).toBe(201);
  await page.evaluate(() => {
    const received: (number | null)[] = [];
    Object.assign(window, { nowPitching: received });
    const source = new EventSource('/api/juror/live');
    source.addEventListener('now-pitching', (event) => {
      const data: unknown = JSON.parse(String(event.data));
      if (typeof data === 'object' && data !== null && 'entrantId' in data) received.push(typeof data.entrantId === 'number' ? data.entrantId : null);
    });
  });
  const lastNowPitching = () =>
    page.evaluate(() => {
      const list: unknown = Reflect.get(window, 'nowPitching');
      const last: unknown = Array.isArray(list) && list.length > 0 ? list.at(-1) : 'none';
      return last;
    });
  return { context, page, lastNowPitching };
}

test('the organiser closes round 1, confirms and publishes the shortlist with its quota explanations, runs the live final a tablet follows, and closes it', async () => {
  const context = await newTabletContext(browser);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  onTestFailed(async () => {
    console.error('page errors:', pageErrors);
    if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/organiser-live-failure.png`, fullPage: true });
  });
  const round1 = `/competitions/${fixture.competitionId}/round-1`;
  await signIn(page, round1);

  // Round 1 is fully scored but still open: close it.
  await page.getByRole('heading', { level: 1, name: 'Premier tour : présélection' }).waitFor();
  await page.getByText('Toutes les fiches attendues sont soumises.').waitFor();
  await expectNoAxeViolations(page, 'round 1 open (fr)');
  await page.getByRole('button', { name: 'Clore la notation' }).click();
  await confirmDialog(page, 'Clore la notation ?', 'Clore la notation');

  // The proposal: the capped axis and the seat kept for Social are explained in words.
  const table = page.getByRole('table', { name: 'Classement du premier tour' });
  await table.waitFor();
  await expect.poll(() => table.getByRole('row').count()).toBe(9);
  const why = page.getByRole('region', { name: 'Ce que les quotas ont changé' });
  await expect.poll(() => why.textContent()).toContain('Green 3');
  expect(await why.textContent()).toContain('son axe avait déjà 2 retenus, le plafond');

  // City 1 and City 2 are tied by every rule. Two seats are still free, but one is kept for Social
  // (under its minimum): the tie is for one seat, and the chair orders it, with a reason.
  const tie = page.getByRole('form', { name: 'Départager l’égalité' });
  await tie.waitFor();
  expect(await tie.textContent()).toContain('2 candidats pour 1 place.');
  expect(await why.textContent()).toMatch(/City [12], City [12] sont à égalité selon toutes les règles pour 1 place :/);
  await expectNoAxeViolations(page, 'shortlist with a tie (fr)');
  expect(await page.getByRole('button', { name: /Confirmer les/ }).isDisabled()).toBe(true);
  const first = (await tie.getByRole('listitem').first().textContent()) ?? '';
  const [proposed, other] = first.includes('City 1') ? ['City 1', 'City 2'] : ['City 2', 'City 1'];
  await tie.getByRole('button', { name: `Monter ${other}` }).click();
  await tie.getByLabel('Motif du président (obligatoire)').fill('Prototype déjà testé sur le terrain');
  await tie.getByRole('button', { name: 'Enregistrer cet ordre' }).click();
  await confirmDialog(page, 'Enregistrer cet ordre ?', 'Enregistrer cet ordre');
  const decided = page.getByText('Ordre donné par le président');
  await decided.waitFor();
  expect(await decided.textContent()).toContain(`${other} > ${proposed}`);
  await expect.poll(() => tie.count()).toBe(0);
  // The chair's first takes the seat; Social 1 keeps the one its axis's minimum reserved.
  const decisionOf = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).textContent();
  expect(await decisionOf(other)).toMatch(/★\s*retenu/);
  expect(await decisionOf(proposed)).toContain('non retenu');
  expect(await decisionOf('Social 1')).toMatch(/★\s*retenu/);
  await page.getByRole('button', { name: 'Confirmer les 4 finalistes' }).click();
  // The confirmation names the four.
  const confirmFour = page.getByRole('dialog', { name: 'Confirmer ces 4 finalistes ?' });
  await confirmFour.waitFor();
  expect(await confirmFour.getByRole('list', { name: 'Finalistes' }).getByRole('listitem').count()).toBe(4);
  expect(await confirmFour.textContent()).toContain(other);
  await confirmDialog(page, 'Confirmer ces 4 finalistes ?', 'Confirmer les 4 finalistes');
  await page.getByRole('button', { name: 'Publier les 4 finalistes' }).click();
  await confirmDialog(page, 'Publier les 4 finalistes ?', 'Publier les 4 finalistes');
  await page.getByText('Présélection publiée').waitFor();
  const selected = await table.getByRole('row').filter({ hasText: /★\s*retenu/ }).count();
  expect(selected).toBe(4);
  await expectNoAxeViolations(page, 'shortlist published (fr)');

  // The final: draw the pitch order (its seed is shown), open it.
  await page.getByRole('link', { name: 'Aller à la finale' }).click();
  await page.getByRole('heading', { level: 1, name: 'Finale en direct' }).waitFor();
  await page.getByRole('button', { name: 'Tirer au sort' }).click();
  await page.getByText('graine enregistrée').waitFor();
  const order = await page.getByRole('list', { name: 'Ordre de passage' }).locator('li bdi').allTextContents();
  expect(order).toHaveLength(4);
  await page.getByRole('button', { name: 'Ouvrir la finale' }).click();
  await confirmDialog(page, 'Ouvrir la finale ?', 'Ouvrir la finale');
  await page.getByRole('button', { name: /Suivant/ }).waitFor();
  await expectNoAxeViolations(page, 'final open (fr)');

  // A juror's tablet follows the now-pitching cursor.
  const tablet = await jurorTablet(fixture.jurors[1]?.invitePath ?? '');
  await expect.poll(tablet.lastNowPitching).toBeNull();
  const idOf = (name: string) => fixture.entrantIds.get(name.trim());
  const firstName = order[0] ?? '';
  await page.getByRole('button', { name: /Suivant/ }).click();
  await expect.poll(() => page.getByTestId('now-pitching-name').textContent()).toBe(firstName);
  await expect.poll(tablet.lastNowPitching).toBe(idOf(firstName));
  await page.getByRole('time').first().waitFor();

  const secondName = order[1] ?? '';
  await page.getByRole('button', { name: /Suivant/ }).click();
  await expect.poll(() => page.getByTestId('now-pitching-name').textContent()).toBe(secondName);
  await expect.poll(tablet.lastNowPitching).toBe(idOf(secondName));
  await page.getByRole('button', { name: /Pause/ }).click();
  await page.getByText('Personne en scène (pause).').waitFor();
  await expect.poll(tablet.lastNowPitching).toBeNull();

  // On to the last finalist: "Next" then has nobody to go to, and says so instead of a server error.
  const next = page.getByRole('button', { name: /Suivant/ });
  for (const name of order.slice(2)) {
    await next.click();
    await expect.poll(() => page.getByTestId('now-pitching-name').textContent()).toBe(name);
  }
  await expect.poll(() => next.isDisabled()).toBe(true);
  await page.getByText('Le dernier finaliste est passé : il n’y a personne après.').waitFor();
  expect(await page.getByRole('alert').count()).toBe(0);

  // Scorecards arrive from the tablets; the board fills in live, then the final closes.
  const board = page.getByRole('table', { name: 'Jurés × finalistes' });
  await expect.poll(() => board.getByText('soumise', { exact: true }).count()).toBe(0);
  for (const [index, juror] of fixture.jurors.entries()) {
    const { deviceToken } = await bindTablet(server.url, juror.invitePath);
    await scoreFinal(server.url, deviceToken, 6 + index);
    await expect.poll(() => board.getByText('soumise', { exact: true }).count(), { timeout: 10_000 }).toBe(4 * (index + 1));
  }
  await page.getByText('Toutes les fiches attendues sont soumises.').waitFor();
  await page.getByRole('button', { name: 'Clore la notation' }).click();
  await confirmDialog(page, 'Clore la notation ?', 'Clore la notation');
  await page.getByText('La finale est close').waitFor();

  // The same screen in Arabic reads right to left without accessibility violations.
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await page.getByRole('heading', { level: 1, name: 'النهائي المباشر' }).waitFor();
  await expectNoAxeViolations(page, 'final closed (ar)');

  await tablet.context.close();
  await context.close();
}, 300_000);

test('the organiser edits the rules, imports entrants after a dry run, manages the jury, and the set-up locks once round 1 opens', async () => {
  const { competitionId, jurors } = await scoredRoundOne(server.url, { roundOne: false });
  const context = await newTabletContext(browser, TABLET_PORTRAIT);
  const page = await context.newPage();
  const setup = `/competitions/${competitionId}/setup`;
  await signIn(page, setup);

  // Set-up: every method is explained in one sentence; a change is saved.
  await page.getByRole('heading', { level: 1, name: 'Paramètres' }).waitFor();
  await page.getByText('la note la plus haute et la plus basse sont écartées quand il y en a 5 ou plus').waitFor();
  await expectNoAxeViolations(page, 'set-up (fr, portrait)');
  await page.getByLabel('Nombre de lauréats').fill('3');
  await page.getByRole('button', { name: 'Enregistrer l’événement et les règles' }).click();
  await page.getByText('Enregistré.').waitFor();

  // Entrants: the dry run says row by row what will be created and what is rejected, and why.
  await page.getByRole('link', { name: 'Candidats' }).click();
  await page.getByRole('heading', { level: 1, name: 'Candidats' }).waitFor();
  const csv = 'nom;axe;email\nNova;green;nova@example.org\n;city;\nAtlas;mars;\n';
  await page.getByLabel('Fichier CSV', { exact: true }).setInputFiles({ name: 'candidats.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const report = page.getByRole('table', { name: 'Rapport ligne par ligne' });
  await report.waitFor();
  expect(await report.textContent()).toContain('le nom manque');
  expect(await report.textContent()).toContain('axe inconnu dans ce concours');
  await expectNoAxeViolations(page, 'entrants dry run (fr, portrait)');
  await page.getByRole('button', { name: 'Confirmer l’import (1 candidat)' }).click();
  await page.getByText('Importé : 1 candidat créé').waitFor();
  // In the import report, and now in its axis's table too.
  await expect.poll(() => page.getByRole('rowheader', { name: 'Nova' }).count()).toBe(2);

  // Jurors: a copyable link each, and revoking asks first (Escape cancels, focus stays in the page).
  await page.getByRole('link', { name: 'Jury' }).click();
  await page.getByRole('heading', { level: 1, name: 'Jury' }).waitFor();
  await expect.poll(() => page.getByRole('button', { name: /^Copier le lien de/ }).count()).toBe(3);
  // No tablet is bound yet: nothing to revoke or unblock (issue 16 point 3). A removal asks first.
  expect(await page.getByRole('button', { name: /^(Révoquer|Débloquer)/ }).count()).toBe(0);
  await page.getByRole('button', { name: /^Supprimer .* du jury$/ }).first().click();
  await page.getByRole('dialog').waitFor();
  await expectNoAxeViolations(page, 'jurors remove dialog (fr, portrait)');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

  // A juror's QR code on screen, large, for a tablet's camera in the room; the link in text below.
  // Served from 127.0.0.1 here, the screen warns that tablets cannot reach this address.
  await page.getByText('que seul cet ordinateur atteint').waitFor();
  const bruno = new URL(jurors.find((j) => j.name === 'Bruno Lefèvre')?.invitePath ?? '/none', server.url).href;
  await page.getByRole('button', { name: 'Afficher le QR code de Bruno Lefèvre' }).click();
  const qrDialog = page.getByRole('dialog', { name: 'QR code de Bruno Lefèvre' });
  await qrDialog.waitFor();
  const qr = qrDialog.getByRole('img', { name: 'QR code du lien d’invitation de Bruno Lefèvre' });
  expect((await qr.boundingBox())?.width).toBeGreaterThanOrEqual(300);
  expect(await qrDialog.textContent()).toContain(bruno);
  await expectNoAxeViolations(page, 'juror QR code dialog (fr, portrait)');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

  // A lost invitation sheet: Bruno gets a new link; the old one binds no tablet any more.
  await page.getByRole('row', { name: /Bruno Lefèvre/ }).getByRole('button', { name: 'Nouveau lien' }).click();
  const rotateDialog = page.getByRole('dialog', { name: 'Remplacer le lien d’invitation de Bruno Lefèvre ?' });
  await rotateDialog.waitFor();
  await rotateDialog.getByRole('button', { name: 'Nouveau lien' }).click();
  await page.getByRole('status').filter({ hasText: 'Nouveau lien d’invitation pour Bruno Lefèvre : l’ancien ne fonctionne plus.' }).waitFor();
  const brunoLink = page.getByRole('link', { name: 'Lien d’invitation de Bruno Lefèvre' });
  await expect.poll(() => brunoLink.textContent()).not.toBe(bruno);
  expect(await brunoLink.textContent()).toMatch(/\/j\/[\w-]{20,}$/);
  const bindWith = (url: string) => page.request.post(`${server.url}/api/juror/bind`, { data: { inviteToken: url.split('/j/')[1] } });
  expect((await bindWith(bruno)).status()).toBe(404);
  expect((await bindWith((await brunoLink.textContent()) ?? '')).status()).toBe(201);

  // The printed sheet: one QR code per juror, each under the juror's name.
  await page.emulateMedia({ media: 'print' });
  const sheet = page.getByRole('region', { name: 'Liens d’invitation du jury' });
  expect(await sheet.getByRole('img', { name: /^QR code du lien d’invitation de / }).count()).toBe(3);
  expect(await sheet.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Amina Idrissi (Présidence du jury)', 'Bruno Lefèvre', 'Chadia Benali']);
  await page.emulateMedia({ media: 'screen' });

  // Round 1: assign everyone to everyone, open; the set-up is now read-only with its reason.
  await page.getByRole('link', { name: 'Présélection' }).click();
  await page.getByRole('button', { name: /Créer le premier tour/ }).click();
  await page.getByRole('button', { name: 'Répartir' }).click();
  await page.getByText(/affectations juré–candidat|Réparti/).first().waitFor();
  await page.getByRole('button', { name: 'Ouvrir la notation' }).click();
  const opening = page.getByRole('dialog', { name: 'Ouvrir la notation du premier tour ?' });
  await opening.waitFor();
  expect(await opening.textContent()).toContain('la grille, la méthode de classement, les quotas et la liste des candidats sont verrouillés');
  await confirmDialog(page, 'Ouvrir la notation du premier tour ?', 'Ouvrir la notation');
  await page.getByText('Il manque encore').waitFor();
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByText('Paramètres verrouillés').waitFor();
  expect(await page.getByLabel('Nombre de lauréats').isDisabled()).toBe(true);
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await expectNoAxeViolations(page, 'set-up locked (ar, portrait)');
  await context.close();
}, 300_000);
