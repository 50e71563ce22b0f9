import type { OverrideGrounds, RoundRankingResponse, ShortlistOverride, ShortlistReplacement } from '@palmares/contract';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';

const GROUNDS: OverrideGrounds[] = ['withdrawal', 'eligibility', 'quota'];

interface Props {
  ranking: RoundRankingResponse;
  replacements: ShortlistReplacement[];
  onChange: (replacements: ShortlistReplacement[]) => void;
}

/**
 * Replacing a proposed finalist before confirming (issue 16 point 4): the one taken out, the one
 * brought in, the grounds and the reason both startups will read. The server checks the per-axis
 * quotas on confirming and names the rule a replacement breaks.
 */
export function ShortlistOverrideForm({ ranking, replacements, onChange }: Props) {
  const { t } = useTranslation('organiser');
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const nameOf = (e: number) => ranking.entrants.find((x) => x.id === e)?.name ?? String(e);
  const proposed = (ranking.result.selection?.selected ?? []).map(Number);
  const removed = new Set(replacements.map((r) => r.removedEntrantId));
  const added = new Set(replacements.map((r) => r.addedEntrantId));
  const outs = proposed.filter((e) => !removed.has(e));
  const ins = ranking.result.ranking.filter((r) => r.rank !== null && !proposed.includes(Number(r.entrant)) && !added.has(Number(r.entrant))).map((r) => Number(r.entrant));

  const add = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const reason = String(data.get('reason') ?? '').trim();
    if (reason.length < 3) {
      setError(t('dialog.reasonRequired'));
      return;
    }
    setError(null);
    onChange([...replacements, {
      removedEntrantId: Number(data.get('out')), addedEntrantId: Number(data.get('in')), grounds: String(data.get('grounds')) as OverrideGrounds, reason,
    }]);
    form.reset();
  };

  return (
    <section className="org-stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('override.title')}</h3>
      <p className="org-sub">{t('override.explain')}</p>
      {replacements.length > 0 ? (
        <ul className="org-explanations" aria-label={t('override.pending')}>
          {replacements.map((r, i) => (
            <li key={r.removedEntrantId}>
              <ReplacementLine out={nameOf(r.removedEntrantId)} into={nameOf(r.addedEntrantId)} grounds={r.grounds} reason={r.reason} />{' '}
              <button type="button" className="btn btn--ghost" onClick={() => onChange(replacements.filter((_, j) => j !== i))}>
                {t('override.undo', { name: nameOf(r.removedEntrantId) })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {outs.length > 0 && ins.length > 0 ? (
        <form
          className="form org-stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            add(event.currentTarget);
          }}
        >
          <div className="org-grid-form">
            <div className="field">
              <label htmlFor={`${id}-out`}>{t('override.out')}</label>
              <select id={`${id}-out`} name="out" className="org-select">
                {outs.map((e) => <option key={e} value={e}>{nameOf(e)}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-in`}>{t('override.in')}</label>
              <select id={`${id}-in`} name="in" className="org-select">
                {ins.map((e) => <option key={e} value={e}>{nameOf(e)}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-grounds`}>{t('override.grounds')}</label>
              <select id={`${id}-grounds`} name="grounds" className="org-select">
                {GROUNDS.map((g) => <option key={g} value={g}>{t(`override.groundsName.${g}`)}</option>)}
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('override.reason')}</label>
            <textarea
              id={`${id}-reason`}
              name="reason"
              className="org-textarea"
              dir="auto"
              rows={2}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-reason-error` : undefined}
            />
            {error ? <p id={`${id}-reason-error`} className="field__error" role="alert">{error}</p> : null}
          </div>
          <div className="org-actions">
            <Button type="submit" variant="secondary">{t('override.add')}</Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function ReplacementLine({ out, into, grounds, reason }: { out: string; into: string; grounds: OverrideGrounds; reason: string }) {
  const { t } = useTranslation('organiser');
  return (
    <>
      {t('override.line', { out: `\u2068${out}\u2069`, into: `\u2068${into}\u2069`, grounds: t(`override.groundsName.${grounds}`) })} <q dir="auto">{reason}</q>
    </>
  );
}

/** The confirmed shortlist beside the ranking's proposal, each difference with its reason. */
export function ProposalAndConfirmed({ ranking, overrides }: { ranking: RoundRankingResponse; overrides: ShortlistOverride[] }) {
  const { t } = useTranslation('organiser');
  const id = useId();
  const nameOf = (e: number) => ranking.entrants.find((x) => x.id === e)?.name ?? String(e);
  const proposed = (ranking.result.selection?.selected ?? []).map(Number);
  const order = new Map(ranking.result.ranking.map((r, i) => [Number(r.entrant), i]));
  const confirmed = [...(ranking.confirmed ?? [])].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const column = (title: string, ids: number[], other: number[], key: string) => (
    <section className="org-compare__col" aria-labelledby={`${id}-${key}`}>
      <h4 id={`${id}-${key}`}>{title}</h4>
      <ol>
        {ids.map((e) => (
          <li key={e} className={other.includes(e) ? undefined : 'org-compare__diff'}>
            <bdi>{nameOf(e)}</bdi>
            {other.includes(e) ? null : <span className="org-skip">{key === 'proposed' ? t('override.takenOut') : t('override.broughtIn')}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
  return (
    <section className="org-stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('override.compareTitle')}</h3>
      <div className="org-compare">
        {column(t('override.proposed'), proposed, confirmed, 'proposed')}
        {column(t('override.confirmed'), confirmed, proposed, 'confirmed')}
      </div>
      <ul className="org-explanations">
        {overrides.map((o) => (
          <li key={o.removedEntrantId}>
            <ReplacementLine out={nameOf(o.removedEntrantId)} into={nameOf(o.addedEntrantId)} grounds={o.grounds} reason={o.reason} />
          </li>
        ))}
      </ul>
    </section>
  );
}
