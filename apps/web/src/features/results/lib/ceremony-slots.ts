import type { ResultsWinners } from '@palmares/contract';
import type { TFunction } from 'i18next';
import { placeLabel } from './place-label';

type Winner = ResultsWinners['places'][number]['winners'][number];
/** One announcement: a special prize (People's choice) or a ranked prize place. */
export type Slot = { key: string; label: string; exAequo: boolean; winners: Winner[] };

/**
 * What the stage announces, in order: the special prizes first (the audience's, when the
 * competition holds that vote), then the ranked prizes from the last to the first; the podium
 * shows the ranked places first to last, the special slots after, and only those present.
 * @example slotsOf(winners, t).reveal.map((s) => s.key); // ['peoples-choice', 'place-3', 'place-2', 'place-1']
 */
export function slotsOf(winners: ResultsWinners, t: TFunction<'results'>): { reveal: Slot[]; shown: Slot[] } {
  const special = winners.specialPrizes.map((p): Slot => ({ key: p.kind, label: t(`ceremony.special.${p.kind}`), exAequo: false, winners: p.winners }));
  const ranked = [...winners.places].sort((a, b) => a.place - b.place).map((p): Slot => ({ key: `place-${p.place}`, label: placeLabel(t, p.place), exAequo: p.exAequo, winners: p.winners }));
  return { reveal: [...special, ...[...ranked].reverse()], shown: [...ranked, ...special] };
}
