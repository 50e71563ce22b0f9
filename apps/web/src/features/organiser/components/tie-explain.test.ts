import type { Lang } from '@palmares/contract';
import { createInstance } from 'i18next';
import { describe, expect, test } from 'vitest';
import ar from '../locales/ar.json';
import en from '../locales/en.json';
import fr from '../locales/fr.json';
import { tieExplain } from './tie-explain';

async function organiserT(lang: Lang) {
  const i18n = createInstance();
  await i18n.init({ lng: lang, resources: { [lang]: { organiser: { fr, en, ar }[lang] } }, interpolation: { escapeValue: false } });
  return i18n.getFixedT(lang, 'organiser');
}

describe('the tie settler’s sentence', () => {
  // The e2e fixture's tie: City 1 and City 2 for the one seat the Social minimum leaves them.
  test.each([
    { lang: 'fr', text: '2 candidats pour 1 place. Ordonnez-les' },
    { lang: 'en', text: '2 entrants for 1 seat. Order them' },
    { lang: 'ar', text: 'مترشّحان على مقعد واحد. رتّبهم' },
  ] as const)('counts two tied entrants for one seat in $lang', async ({ lang, text }) => {
    expect(tieExplain(await organiserT(lang), lang, 2, 1)).toContain(text);
  });

  test.each([
    { lang: 'fr', text: '3 candidats pour 2 places.' },
    { lang: 'en', text: '3 entrants for 2 seats.' },
    { lang: 'ar', text: `${new Intl.NumberFormat('ar').format(3)} مترشّحين على مقعدين.` },
  ] as const)('counts three tied entrants for two seats in $lang', async ({ lang, text }) => {
    expect(tieExplain(await organiserT(lang), lang, 3, 2)).toContain(text);
  });
});
