import type { JurorState } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { pickTranslation } from '../../../i18n/pick-translation';
import { useLanguage } from '../../../i18n/use-language';
import type { OutboxEntry } from '../lib/outbox-logic';
import { useOutbox } from '../stores/outbox-store';

/**
 * Changes the server refused (a revision already stored with another value, a scorecard
 * submitted or recused meanwhile, the round closed). They stay on the tablet, in plain view,
 * until the juror sends them again or gives them up: nothing is dropped silently.
 */
export function ProblemsBanner({ state, entries }: { state: JurorState; entries: OutboxEntry[] }) {
  const { t } = useTranslation('juror');
  const lang = useLanguage();
  const problems = entries.filter((e) => e.problem);
  if (problems.length === 0) return null;
  const describe = (e: OutboxEntry) => {
    const entrant = state.entrants.find((x) => x.id === e.change.entrantId);
    const name = entrant?.name ?? `#${e.change.entrantId}`;
    if (e.change.kind !== 'score') return { name, field: t(e.change.kind === 'note' ? 'card.note' : 'card.feedback'), value: e.change.text };
    const { criterion } = e.change;
    const c = state.competition.criteria.find((x) => x.code === criterion);
    return { name, field: c ? pickTranslation(c.labels, lang, state.competition.defaultLanguage) : criterion, value: String(e.change.value) };
  };
  return (
    <section className="problems" role="alert" aria-labelledby="problems-title">
      <h2 id="problems-title">{t('problems.title', { count: problems.length })}</h2>
      <p>{t('problems.intro')}</p>
      <ul className="problems__list">
        {problems.map((e) => {
          const d = describe(e);
          const reason = e.problem?.code === 'REVISION_CONFLICT' ? t('problems.conflict') : e.problem?.code === 'CONFLICT' ? t('problems.submitted') : e.problem?.code === 'RECUSED' ? t('problems.recused') : e.problem?.code === 'ROUND_CLOSED' ? t('problems.closed') : t('problems.other');
          return (
            <li key={e.id} className="problems__item">
              <p>
                <strong>
                  <bdi>{d.name}</bdi>
                </strong>{' '}
                · {d.field} · <bdi className="problems__value">{d.value}</bdi>
                <br />
                <span>{reason}</span>
              </p>
              <div className="problems__actions">
                <button type="button" className="btn btn--secondary" onClick={() => useOutbox.getState().retry(e.id)}>
                  {t('problems.keep')}
                </button>
                <button type="button" className="btn btn--ghost" onClick={() => useOutbox.getState().discard(e.id)}>
                  {t('problems.discard')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
