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

/** The level descriptions of the reader's language, else the competition's default. */
function levelsOf(criterion: Criterion, lang: Lang, fallbackLang: Lang): { texts: string[]; lang: Lang } {
  for (const l of [lang, fallbackLang]) {
    const texts = criterion.levels[l];
    if (texts && texts.length > 0) return { texts, lang: l };
  }
  return { texts: [], lang };
}

interface LevelsDialogContentProps {
  titleId: string;
  name: string;
  weight: number;
  levels: { texts: string[]; lang: Lang };
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
      <ol className="levels-list" lang={levels.lang === lang ? undefined : levels.lang}>
        {levels.texts.map((text, i) => {
          const level = scale.min + i;
          return (
            <li key={level} className={value === level ? 'levels-list__item levels-list__item--chosen' : 'levels-list__item'} aria-current={value === level ? 'true' : undefined}>
              <span className="levels-list__level" aria-hidden="true">
                {formatNumber(level, lang)}
              </span>
              <span>
                <span className="visually-hidden">{t('card.levelNumber', { level: formatNumber(level, lang) })} </span>
                {text}
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

/** One criterion: its name (opens the level descriptions), its weight, one button per level. */
export function CriterionRow({ criterion, scale, value, fallbackLang, readOnly, onScore }: CriterionRowProps) {
  const { t } = useTranslation('juror');
  const lang = useLanguage();
  const id = useId();
  const [open, setOpen] = useState(false);
  const name = resolveTranslation(criterion.labels, lang, fallbackLang);
  const levels = levelsOf(criterion, lang, fallbackLang);
  const steps = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
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
          {value !== undefined && levels.texts[value - scale.min] ? <span lang={levels.lang}>{levels.texts[value - scale.min]}</span> : null}
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
