import type { Lang, ResultsWinners } from '@palmares/contract';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState, type CSSProperties, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading';
import { PageTitle } from '../../../components/ui/page-title';
import { directionOf } from '../../../i18n/language';
import { pickTranslation } from '../../../i18n/pick-translation';
import { useWinners } from '../api/public';
import { asLang } from '../lib/lang';
import { nameList } from '../lib/numbers';
import { slotsOf } from '../lib/ceremony-slots';

const NEXT_KEYS = new Set([' ', 'Enter', 'ArrowRight', 'PageDown']);
const BACK_KEYS = new Set(['ArrowLeft', 'PageUp', 'Backspace']);
/** Brings the operator's controls back once hidden (and hides them again). */
const OPERATOR_KEYS = new Set(['h', 'H', 'Escape']);

/** The operator's language switch: the screen speaks the event's language unless the operator picks another. */
function LanguageSwitch({ languages, lang, onChange, t }: { languages: Lang[]; lang: Lang; onChange: (l: Lang) => void; t: TFunction<'results'> }) {
  if (languages.length < 2) return null;
  return (
    <div className="cer__languages" role="group" aria-label={t('ceremony.language')}>
      {languages.map((l) => (
        <button key={l} type="button" lang={l} className="cer__button" aria-pressed={l === lang} onClick={(e) => (e.stopPropagation(), onChange(l))}>
          {LANGUAGE_NAMES[l]}
        </button>
      ))}
    </div>
  );
}

const LANGUAGE_NAMES: Record<Lang, string> = { fr: 'Français', en: 'English', ar: 'العربية' };

function Stage({ winners }: { winners: ResultsWinners }) {
  const { i18n } = useTranslation();
  const languages = winners.competition.languages.map(asLang);
  const [wanted, setWanted] = useState<Lang>(asLang(winners.competition.defaultLanguage));
  // The screen switches once its catalog is there in that language (loaded on demand).
  const [lang, setLang] = useState<Lang | null>(null);
  useEffect(() => {
    let live = true;
    void i18n.loadLanguages(wanted).then(() => live && setLang(wanted));
    return () => {
      live = false;
    };
  }, [i18n, wanted]);
  const shownLang = lang ?? wanted;
  const t = i18n.getFixedT(shownLang, 'results');
  const { reveal: order, shown: podium } = slotsOf(winners, t);
  const [revealed, setRevealed] = useState(0);
  // The operator's hints and buttons leave the stage at the first key press; H brings them back.
  const [operator, setOperator] = useState(true);
  const stageRef = useRef<HTMLDivElement>(null);
  // From the props, not from the slots (rebuilt each render in the language shown).
  const count = winners.places.length + winners.specialPrizes.length;
  const next = useCallback(() => setRevealed((n) => Math.min(count, n + 1)), [count]);
  const back = useCallback(() => setRevealed((n) => Math.max(0, n - 1)), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // A focused button handles its own Enter and Space (as a click).
      if (event.target instanceof HTMLButtonElement && (event.key === ' ' || event.key === 'Enter')) return;
      if (OPERATOR_KEYS.has(event.key)) {
        setOperator((o) => !o);
        return;
      }
      if (NEXT_KEYS.has(event.key)) {
        event.preventDefault();
        setOperator(false);
        next();
      } else if (BACK_KEYS.has(event.key)) {
        event.preventDefault();
        setOperator(false);
        back();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next, back]);

  const shown = new Set(order.slice(0, revealed).map((p) => p.key));
  const latest = order[revealed - 1];
  const axis = (code: string) => winners.axes.find((a) => a.code === code);
  const fullscreen = (event: MouseEvent) => {
    event.stopPropagation();
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void stageRef.current?.requestFullscreen?.().catch(() => undefined);
  };

  return (
    <div ref={stageRef} className={operator ? 'cer' : 'cer cer--stage-only'} lang={shownLang} dir={directionOf(shownLang)} onClick={() => (setOperator(false), next())}>
      <PageTitle>{t('ceremony.title')}</PageTitle>
      <div className="cer__stripes" aria-hidden="true">
        {winners.axes.map((a) => (
          <span key={a.code} style={{ background: a.color }} />
        ))}
      </div>
      <header className="cer__header">
        <p className="cer__event">{winners.competition.name}</p>
        <h1 className="cer__title">{t('ceremony.title')}</h1>
      </header>
      <main className="cer__podium">
        {podium.map((p) => (
          <section key={p.key} className={`cer__place${shown.has(p.key) ? ' cer__place--shown' : ''}${p.key.startsWith('place-') ? '' : ' cer__place--special'}`} aria-hidden={!shown.has(p.key)}>
            <h2 className="cer__rank">
              {p.label}
              {p.exAequo ? <span className="cer__exaequo">{t('winners.exAequo')}</span> : null}
            </h2>
            {shown.has(p.key) ? (
              <ul className="cer__names" role="list">
                {p.winners.map((w) => (
                  <li key={w.entrantId} style={{ '--axis-color': axis(w.axisCode)?.color ?? '#fcd34d' } as CSSProperties}>
                    <span className="cer__name">
                      <bdi>{w.name}</bdi>
                    </span>
                    <span className="cer__axis">{axis(w.axisCode) ? pickTranslation(axis(w.axisCode)!.labels, shownLang, shownLang) : w.axisCode}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="cer__hidden">?</p>
            )}
          </section>
        ))}
      </main>
      <footer className="cer__footer">
        <p className={operator ? 'cer__live' : 'cer__live visually-hidden'} aria-live="polite">
          {latest ? t('ceremony.revealed', { prize: latest.label, names: nameList(latest.winners.map((w) => w.name), shownLang) }) : t('ceremony.ready')}
        </p>
        {operator ? (
          <>
            <div className="cer__controls">
              <button type="button" className="cer__button" onClick={(e) => (e.stopPropagation(), back())} disabled={revealed === 0}>
                {t('ceremony.back')}
              </button>
              <button type="button" className="cer__button cer__button--main" onClick={(e) => (e.stopPropagation(), setOperator(false), next())} disabled={revealed === order.length}>
                {revealed < order.length ? t('ceremony.next', { prize: order[revealed]!.label }) : t('ceremony.done')}
              </button>
              <button type="button" className="cer__button" onClick={fullscreen}>
                {t('ceremony.fullscreen')}
              </button>
            </div>
            <LanguageSwitch languages={languages} lang={shownLang} onChange={setWanted} t={t} />
            <p className="cer__help">{t('ceremony.help')}</p>
          </>
        ) : null}
      </footer>
    </div>
  );
}

/** `/competitions/:id/ceremony`: the projector screen revealing the prizes one key press at a time. */
export function CeremonyScreen({ competitionId }: { competitionId: number }) {
  const { t } = useTranslation('results');
  const winners = useWinners(competitionId);
  if (winners.isPending) {
    return (
      <main className="cer cer--empty">
        <Loading />
      </main>
    );
  }
  if (winners.isError || winners.data === null) {
    return (
      <main className="cer cer--empty">
        <PageTitle>{t('ceremony.title')}</PageTitle>
        <h1 className="cer__title">{t('ceremony.title')}</h1>
        <p>{t('winners.notYet')}</p>
      </main>
    );
  }
  return <Stage winners={winners.data} />;
}
