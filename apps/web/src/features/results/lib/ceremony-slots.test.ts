import type { ResultsWinners } from '@palmares/contract';
import i18next from 'i18next';
import { describe, expect, test } from 'vitest';
import resultsFr from '../locales/fr.json';
import { slotsOf } from './ceremony-slots';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'fr', resources: { fr: { results: resultsFr } }, interpolation: { escapeValue: false } });
const t = i18n.getFixedT('fr', 'results');

const winner = (entrantId: number) => ({ entrantId, name: `Startup ${entrantId}`, axisCode: 'a' });
const winners = (specialPrizes: ResultsWinners['specialPrizes']): ResultsWinners => ({
  competition: { id: 1, name: 'C', languages: ['fr'], defaultLanguage: 'fr', startsOn: '2023-06-13', endsOn: '2023-06-15' },
  axes: [],
  publishedAt: '2023-06-15T20:00:00Z',
  rules: { count: 3, axisMax: 1 },
  places: [1, 2, 3].map((place) => ({ place, exAequo: false, winners: [winner(place)] })),
  specialPrizes,
});

describe('the ceremony’s slots (issue 15 point 8)', () => {
  test('without an audience vote, the ranked prizes are revealed from the third to the first, and no other slot exists', () => {
    const { reveal, shown } = slotsOf(winners([]), t);
    expect(reveal.map((s) => s.label)).toEqual(['3e prix', '2e prix', '1er prix']);
    expect(shown.map((s) => s.label)).toEqual(['1er prix', '2e prix', '3e prix']);
  });

  test('a People’s choice in the data gets its own slot, announced first and shown after the podium', () => {
    const { reveal, shown } = slotsOf(winners([{ kind: 'peoples-choice', winners: [winner(9)] }]), t);
    expect(reveal.map((s) => s.label)).toEqual(['Prix du public', '3e prix', '2e prix', '1er prix']);
    expect(shown.at(-1)).toMatchObject({ label: 'Prix du public', winners: [{ name: 'Startup 9' }] });
  });
});
