import type { JurorState } from '@palmares/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { pickTranslation } from '../../../i18n/pick-translation';
import { useLanguage } from '../../../i18n/use-language';
import { entryKey, storedValue, type OutboxEntry } from '../lib/outbox-logic';
import { useOutbox } from '../stores/outbox-store';

interface Described {
  name: string;
  field: string;
  mine: string;
  /** What the server holds for the field, as the tablet knows it; null when it holds nothing. */
  stored: string | null;
  /** The change can no longer count: its round is closed (or is not the current one). */
  closed: boolean;
}

/**
 * Changes the server refused (a revision already stored with another value, a scorecard
 * submitted or recused meanwhile, the round closed). They stay on the tablet, in plain view, with
 * what the server holds beside them, until the juror keeps theirs (sent again as a new revision)
 * or gives it up (asked first): nothing is dropped silently. A change refused because the round
 * closed cannot be sent again: it says so and shows the stored value.
 */
export function ProblemsBanner({ state, entries }: { state: JurorState; entries: OutboxEntry[] }) {
  const { t } = useTranslation('juror');
  const lang = useLanguage();
  const acked = useOutbox((s) => s.acked);
  const [discarding, setDiscarding] = useState<{ entry: OutboxEntry; described: Described } | null>(null);
  const problems = entries.filter((e) => e.problem);
  if (problems.length === 0) return null;
  const roundId = state.round?.id ?? null;
  const roundOpen = state.round?.state === 'open';

  const describe = (e: OutboxEntry): Described => {
    const entrant = state.entrants.find((x) => x.id === e.change.entrantId);
    const name = entrant?.name ?? `#${e.change.entrantId}`;
    const sameRound = e.roundId === roundId;
    const stored = sameRound && entrant ? storedValue(e.roundId, entrant, acked, entryKey(e)) : undefined;
    const closed = e.problem?.code === 'ROUND_CLOSED' || !sameRound || !roundOpen;
    const base = { name, stored: stored === undefined ? null : String(stored), closed };
    if (e.change.kind !== 'score') return { ...base, field: t(e.change.kind === 'note' ? 'card.note' : 'card.feedback'), mine: e.change.text };
    const { criterion } = e.change;
    const c = state.competition.criteria.find((x) => x.code === criterion);
    return { ...base, field: c ? pickTranslation(c.labels, lang, state.competition.defaultLanguage) : criterion, mine: String(e.change.value) };
  };

  const reasonOf = (e: OutboxEntry, d: Described) => {
    if (d.closed) return d.stored === null ? t('problems.closedNothing') : t('problems.closedStored', { stored: d.stored });
    switch (e.problem?.code) {
      case 'REVISION_CONFLICT':
        return d.stored === null ? t('problems.conflict') : t('problems.serverHolds', { stored: d.stored, mine: d.mine });
      case 'CONFLICT':
        return t('problems.submitted');
      case 'RECUSED':
        return t('problems.recused');
      default:
        return t('problems.other');
    }
  };

  return (
    <section className="problems" role="alert" aria-labelledby="problems-title">
      <h2 id="problems-title">{t('problems.title', { count: problems.length })}</h2>
      <p>{t('problems.intro')}</p>
      <ul className="problems__list">
        {problems.map((e) => {
          const d = describe(e);
          const conflict = e.problem?.code === 'REVISION_CONFLICT' && !d.closed;
          return (
            <li key={e.id} className="problems__item">
              <p>
                <strong>
                  <bdi>{d.name}</bdi>
                </strong>{' '}
                · {d.field} · <bdi className="problems__value">{d.mine}</bdi>
                <br />
                <span>{reasonOf(e, d)}</span>
              </p>
              <div className="problems__actions">
                {d.closed ? null : (
                  <button type="button" className="btn btn--secondary" onClick={() => useOutbox.getState().retry(e.id)}>
                    {t(conflict ? 'problems.keepNew' : 'problems.keep')}
                  </button>
                )}
                <button type="button" className="btn btn--ghost" onClick={() => setDiscarding({ entry: e, described: d })}>
                  {t(d.closed ? 'problems.dismiss' : conflict ? 'problems.takeServer' : 'problems.discard')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={discarding !== null}
        title={t('problems.discardTitle')}
        body={
          discarding ? (
            <>
              <p>
                <bdi>
                  <strong>{discarding.described.name}</strong>
                </bdi>{' '}
                · {discarding.described.field}
              </p>
              <p>
                {discarding.described.stored === null
                  ? t('problems.discardBodyNothing', { mine: discarding.described.mine })
                  : t('problems.discardBody', { mine: discarding.described.mine, stored: discarding.described.stored })}
              </p>
            </>
          ) : null
        }
        confirmLabel={t('problems.discardConfirm')}
        cancelLabel={t('problems.discardCancel')}
        tone="danger"
        onCancel={() => setDiscarding(null)}
        onConfirm={() => {
          if (discarding) useOutbox.getState().discard(discarding.entry.id);
          setDiscarding(null);
        }}
      />
    </section>
  );
}
