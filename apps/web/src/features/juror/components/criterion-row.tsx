import type { Criterion, Lang } from '@palmares/contract';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format';
import { resolveTranslation } from '../../../i18n/pick-translation';
import { useLanguage } from '../../../i18n/use-language';
import { Modal } from './modal';

interface CriterionRowProps {
  criterion: Criterion;
  scale: { min: number; max: number };
  value: number | undefined;
  fallbackLang: Lang;
  readOnly: boolean;
  onScore: (value: number) => void;
}

/** One level's description: the reader's language, else the default's (`untranslated` marks that). */
interface LevelText {
  text: string;
  lang: Lang;
  untranslated: boolean;
}

/**
 * The level descriptions in the reader's language, level by level falling back to the
 * competition's default: the organiser may leave another language's descriptions blank.
 */
function levelsOf(criterion: Criterion, lang: Lang, fallbackLang: Lang, count: number): LevelText[] {
  const own = criterion.levels[lang] ?? [];
  const fallback = criterion.levels[fallbackLang] ?? [];
  return Array.from({ length: count }, (_, i) => {
    const text = own[i]?.trim() ?? '';
    if (text !== '') return { text, lang, untranslated: false };
    return { text: fallback[i] ?? '', lang: fallbackLang, untranslated: lang !== fallbackLang && (fallback[i] ?? '') !== '' };
  });
}

interface LevelsDialogContentProps {
  titleId: string;
  name: string;
  weight: number;
  levels: LevelText[];
  scale: { min: number; max: number };
  value: number | undefined;
}

/** What the level descriptions' dialog shows; rendered only while it is open (Modal). */
function LevelsDialogContent({ titleId, name, weight, levels, scale, value }: LevelsDialogContentProps) {
  const { t } = useTranslation('juror');
  const lang = useLanguage();
  return (
    <>
      <h2 id={titleId}>{t('card.levelsOf', { name })}</h2>
      <p className="muted">{t('card.weight', { weight: formatNumber(weight, lang) })}</p>
      <ol className="levels-list">
        {levels.map(({ text, lang: textLang, untranslated }, i) => {
          const level = scale.min + i;
          return (
            <li key={level} className={value === level ? 'levels-list__item levels-list__item--chosen' : 'levels-list__item'} aria-current={value === level ? 'true' : undefined}>
              <span className="levels-list__level" aria-hidden="true">
                {formatNumber(level, lang)}
              </span>
              <span>
                <span className="visually-hidden">{t('card.levelNumber', { level: formatNumber(level, lang) })} </span>
                <span lang={textLang === lang ? undefined : textLang}>{text}</span>
                {untranslated ? <UntranslatedMark /> : null}
              </span>
            </li>
          );
        })}
      </ol>
      <form method="dialog" className="juror-dialog__actions">
        <button type="submit" className="btn btn--primary" autoFocus>
          {t('card.close')}
        </button>
      </form>
    </>
  );
}

/** A small mark beside a description shown in the default language because none was written in the reader's. */
function UntranslatedMark() {
  const { t } = useTranslation('juror');
  return <span className="untranslated-mark">{t('card.untranslated')}</span>;
}

/** One criterion: its name (opens the level descriptions), its weight, one button per level. */
export function CriterionRow({ criterion, scale, value, fallbackLang, readOnly, onScore }: CriterionRowProps) {
  const { t } = useTranslation('juror');
  const lang = useLanguage();
  const id = useId();
  const [open, setOpen] = useState(false);
  const name = resolveTranslation(criterion.labels, lang, fallbackLang);
  const steps = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const levels = levelsOf(criterion, lang, fallbackLang, steps.length);
  const chosen = value === undefined ? undefined : levels[value - scale.min];
  const nameLang = name.lang === lang ? undefined : name.lang;

  return (
    <li className="criterion">
      <div className="criterion__head">
        <button type="button" className="criterion__name" aria-haspopup="dialog" onClick={() => setOpen(true)} id={`${id}-name`}>
          <span lang={nameLang}>{name.text}</span>
          <span className="criterion__info" aria-hidden="true">
            ⓘ
          </span>
        </button>
        <span className="criterion__weight">{t('card.weight', { weight: formatNumber(criterion.weight, lang) })}</span>
        <span className="criterion__chosen" aria-hidden="true">
          {chosen?.text ? <span lang={chosen.lang}>{chosen.text}</span> : null}
          {chosen?.untranslated ? <UntranslatedMark /> : null}
        </span>
      </div>
      <div className="criterion__levels" role="group" aria-labelledby={`${id}-name`} style={{ gridTemplateColumns: `repeat(${steps.length}, minmax(0, 1fr))` }}>
        {steps.map((level) => (
          <button
            key={level}
            type="button"
            className="level-button"
            aria-pressed={value === level}
            disabled={readOnly}
            onClick={() => onScore(level)}
          >
            {formatNumber(level, lang)}
          </button>
        ))}
      </div>
      <Modal open={open} onClose={() => setOpen(false)} labelledBy={`${id}-levels-title`} className="levels-dialog">
        <LevelsDialogContent titleId={`${id}-levels-title`} name={name.text} weight={criterion.weight} levels={levels} scale={scale} value={value} />
      </Modal>
    </li>
  );
}
