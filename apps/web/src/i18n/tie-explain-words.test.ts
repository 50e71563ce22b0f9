// The catalogs' tie sentences, checked through the shared helper that assembles them: the organiser's
// shortlist settler and the chair's deliberation give it their own words (i18n is where catalogs meet).
import type { Lang } from '@palmares/contract';
import { createInstance } from 'i18next';
import { describe, expect, test } from 'vitest';
import organiserAr from '../features/organiser/locales/ar.json';
import organiserEn from '../features/organiser/locales/en.json';
import organiserFr from '../features/organiser/locales/fr.json';
import resultsAr from '../features/results/locales/ar.json';
import resultsEn from '../features/results/locales/en.json';
import resultsFr from '../features/results/locales/fr.json';
import { tieExplain, type TieExplainWords } from '../components/reorder/tie-explain';

const catalogs = {
  organiser: { fr: organiserFr, en: organiserEn, ar: organiserAr },
  results: { fr: resultsFr, en: resultsEn, ar: resultsAr },
};

/** The words each screen gives `tieExplain`: the organiser's `tie.*`, the deliberation's `settle.*`. */
async function wordsOf(ns: keyof typeof catalogs, lang: Lang): Promise<TieExplainWords> {
  const i18n = createInstance();
  await i18n.init({ lng: lang, resources: { [lang]: { [ns]: catalogs[ns][lang] } }, interpolation: { escapeValue: false } });
  const t = i18n.getFixedT(lang, ns);
  const prefix = ns === 'organiser' ? 'tie' : 'settle';
  return { entrants: (o) => t(`${prefix}.entrants`, o), explain: (o) => t(`${prefix}.explain`, o) };
}

describe('the organiser’s shortlist tie settler', () => {
  // The e2e fixture's tie: City 1 and City 2 for the one seat the Social minimum leaves them.
  test.each([
    { lang: 'fr', text: '2 candidats pour 1 place. Ordonnez-les' },
    { lang: 'en', text: '2 entrants for 1 seat. Order them' },
    { lang: 'ar', text: 'مترشّحان على مقعد واحد. رتّبهم' },
  ] as const)('counts two tied entrants for one seat in $lang', async ({ lang, text }) => {
    expect(tieExplain(await wordsOf('organiser', lang), lang, 2, 1)).toContain(text);
  });

  test.each([
    { lang: 'fr', text: '3 candidats pour 2 places.' },
    { lang: 'en', text: '3 entrants for 2 seats.' },
    { lang: 'ar', text: `${new Intl.NumberFormat('ar').format(3)} مترشّحين على مقعدين.` },
  ] as const)('counts three tied entrants for two seats in $lang', async ({ lang, text }) => {
    expect(tieExplain(await wordsOf('organiser', lang), lang, 3, 2)).toContain(text);
  });
});

describe('the chair’s deliberation tie settler', () => {
  // At most one prize per axis: two health startups tied with two prizes left can share only one.
  test.each([
    { lang: 'fr', text: '2 startups pour 1 place. Placez-les' },
    { lang: 'en', text: '2 startups for 1 place. Put them' },
    { lang: 'ar', text: 'شركتان على مرتبة واحدة. رتِّب' },
  ] as const)('counts two tied startups for one place in $lang', async ({ lang, text }) => {
    expect(tieExplain(await wordsOf('results', lang), lang, 2, 1)).toContain(text);
  });

  test.each([
    { lang: 'fr', text: '3 startups pour 2 places.' },
    { lang: 'en', text: '3 startups for 2 places.' },
    { lang: 'ar', text: `${new Intl.NumberFormat('ar').format(3)} شركات على مرتبتين.` },
  ] as const)('counts three tied startups for two places in $lang', async ({ lang, text }) => {
    expect(tieExplain(await wordsOf('results', lang), lang, 3, 2)).toContain(text);
  });
});
