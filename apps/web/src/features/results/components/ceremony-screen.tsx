import type { ResultsWinners } from '@palmares/contract';
import { useCallback, useEffect, useRef, useState, type CSSProperties, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading';
import { PageTitle } from '../../../components/ui/page-title';
import { directionOf } from '../../../i18n/language';
import { pickTranslation } from '../../../i18n/pick-translation';
import { useWinners } from '../api/public';
import { asLang } from '../lib/lang';
import { nameList } from '../lib/numbers';
import { placeLabel } from '../lib/place-label';

const NEXT_KEYS = new Set([' ', 'Enter', 'ArrowRight', 'PageDown']);
const BACK_KEYS = new Set(['ArrowLeft', 'PageUp', 'Backspace']);

function Stage({ winners }: { winners: ResultsWinners }) {
  const { i18n } = useTranslation();
  const lang = asLang(winners.competition.defaultLanguage);
  const t = i18n.getFixedT(lang, 'results');
  // Revealed from the last prize to the first: 3rd, 2nd, then 1st.
  const order = [...winners.places].sort((a, b) => b.place - a.place);
  const [revealed, setRevealed] = useState(0);
  const stageRef = useRef<HTMLDivElement>(null);
  const next = useCallback(() => setRevealed((n) => Math.min(order.length, n + 1)), [order.length]);
  const back = useCallback(() => setRevealed((n) => Math.max(0, n - 1)), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // A focused button handles its own Enter and Space (as a click).
      if (event.target instanceof HTMLButtonElement && (event.key === ' ' || event.key === 'Enter')) return;
      if (NEXT_KEYS.has(event.key)) {
        event.preventDefault();
        next();
      } else if (BACK_KEYS.has(event.key)) {
        event.preventDefault();
        back();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next, back]);

  const shown = new Set(order.slice(0, revealed).map((p) => p.place));
  const latest = order[revealed - 1];
  const axis = (code: string) => winners.axes.find((a) => a.code === code);
  const names = (p: (typeof order)[number]) => nameList(p.winners.map((w) => w.name), lang);
  const fullscreen = (event: MouseEvent) => {
    event.stopPropagation();
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void stageRef.current?.requestFullscreen?.().catch(() => undefined);
  };

  return (
    <div ref={stageRef} className="cer" lang={lang} dir={directionOf(lang)} onClick={next}>
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
        {[...winners.places]
          .sort((a, b) => a.place - b.place)
          .map((p) => (
            <section key={p.place} className={shown.has(p.place) ? 'cer__place cer__place--shown' : 'cer__place'} aria-hidden={!shown.has(p.place)}>
              <h2 className="cer__rank">
                {placeLabel(t, p.place)}
                {p.exAequo ? <span className="cer__exaequo">{t('winners.exAequo')}</span> : null}
              </h2>
              {shown.has(p.place) ? (
                <ul className="cer__names" role="list">
                  {p.winners.map((w) => (
                    <li key={w.entrantId} style={{ '--axis-color': axis(w.axisCode)?.color ?? '#fcd34d' } as CSSProperties}>
                      <span className="cer__name">
                        <bdi>{w.name}</bdi>
                      </span>
                      <span className="cer__axis">{axis(w.axisCode) ? pickTranslation(axis(w.axisCode)!.labels, lang, lang) : w.axisCode}</span>
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
        <p className="cer__live" aria-live="polite">
          {latest ? t('ceremony.revealed', { prize: placeLabel(t, latest.place), names: names(latest) }) : t('ceremony.ready')}
        </p>
        <div className="cer__controls">
          <button type="button" className="cer__button" onClick={(e) => (e.stopPropagation(), back())} disabled={revealed === 0}>
            {t('ceremony.back')}
          </button>
          <button type="button" className="cer__button cer__button--main" onClick={(e) => (e.stopPropagation(), next())} disabled={revealed === order.length}>
            {revealed < order.length ? t('ceremony.next', { prize: placeLabel(t, order[revealed]!.place) }) : t('ceremony.done')}
          </button>
          <button type="button" className="cer__button" onClick={fullscreen}>
            {t('ceremony.fullscreen')}
          </button>
        </div>
        <p className="cer__help">{t('ceremony.help')}</p>
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
