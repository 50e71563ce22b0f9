import type { Lang, RuleNote } from '@palmares/contract';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { placeLabel } from '../lib/place-label';
import { nameList } from '../lib/numbers';

/** The selection rules as a round ran them: a final's prizes, or a shortlist's seats. */
export interface PrizeRules {
  count: number;
  axisMin: number;
  axisMax: number | null;
}

const ORDINAL_FORMS = ['one', 'two', 'few', 'other'] as const;

/**
 * "3rd" in the reader's language: the form by the language's ordinal rules (English has four,
 * French two, Arabic one), each catalog carrying all four so the catalogs keep the same keys.
 */
export function ordinal(t: TFunction<'results'>, n: number, lang: Lang): string {
  const category = new Intl.PluralRules(lang, { type: 'ordinal' }).select(n);
  const form = ORDINAL_FORMS.find((f) => f === category) ?? 'other';
  return t(`prizeRules.ordinal.${form}`, { n });
}

/**
 * The rules stated in words, one sentence each, where they act: the deliberation, the printable
 * results, the winners page. Nothing is computed here: the counts are the round's own.
 */
export function PrizeRulesText({ rules, final, headingLevel = 2 }: { rules: PrizeRules; final: boolean; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('results');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="res-rules" aria-labelledby="res-prize-rules">
      <Heading id="res-prize-rules">{t('prizeRules.title')}</Heading>
      <ul role="list">
        <li>{t(final ? 'prizeRules.countFinal' : 'prizeRules.countShortlist', { count: rules.count })}</li>
        {rules.axisMax !== null ? <li>{t(final ? 'prizeRules.axisMax' : 'prizeRules.shortlistAxisMax', { count: rules.axisMax })}</li> : null}
        {rules.axisMin > 0 ? <li>{t('prizeRules.axisMin', { count: rules.axisMin })}</li> : null}
      </ul>
    </section>
  );
}

/**
 * One rule note in words, for a table row: "2nd by score, no prize: its axis already has Madar
 * Water." / "4th by score, 3rd prize under the per-axis limit."
 */
export function ruleNoteText(t: TFunction<'results'>, note: RuleNote, final: boolean, nameOf: (id: number) => string, lang: Lang): string {
  const rank = ordinal(t, note.rank, lang);
  if (note.kind === 'skipped') {
    return note.rule === 'axis-max'
      ? t('prizeRules.skippedAxisMax', { rank, names: nameList(note.heldByIds.map(nameOf), lang) })
      : t('prizeRules.skippedAxisMin', { rank });
  }
  return final && note.place !== null ? t('prizeRules.promotedFinal', { rank, prize: placeLabel(t, note.place) }) : t('prizeRules.promotedShortlist', { rank });
}

/** The rule note of a row as a line under its name (nothing when no rule acted on it). */
export function RuleNoteSpan({ note, final, nameOf, lang }: { note: RuleNote | undefined; final: boolean; nameOf: (id: number) => string; lang: Lang }) {
  const { t } = useTranslation('results');
  if (!note) return null;
  return <span className={`res-rule-note res-rule-note--${note.kind}`}>{ruleNoteText(t, note, final, nameOf, lang)}</span>;
}
