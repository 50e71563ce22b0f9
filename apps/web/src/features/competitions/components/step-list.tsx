import type { CompetitionStep, ErrorDetail, StepKey } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeProblem } from '../../../components/ui/field-errors';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { useSteps } from '../api/get-steps';
import './step-list.css';

/** The screen each step is done on. */
const SCREEN: Record<StepKey, string> = {
  setup: '/setup',
  entrants: '/entrants',
  jurors: '/jurors',
  round1: '/round-1',
  shortlist: '/round-1',
  final: '/final',
  deliberation: '/deliberation',
  publication: '/deliberation',
};

/** The figure a step's sentence counts by (its plural form). */
function countOf(step: CompetitionStep): number {
  const f = step.figures;
  const pick: Record<StepKey, number | undefined> = {
    setup: f.criteria,
    entrants: f.entrants,
    jurors: f.jurors,
    round1: f.assigned ?? f.assignments,
    shortlist: f.finalists || f.size,
    final: f.assigned ?? f.finalists,
    deliberation: f.signatures,
    publication: 0,
  };
  return pick[step.key] ?? 0;
}

/** The same warning for many entrants ("no juror" × 24) reads as one line with its count. */
function grouped(warnings: ErrorDetail[]): { warning: ErrorDetail; count: number }[] {
  const groups = new Map<string, { warning: ErrorDetail; count: number }>();
  for (const w of warnings) {
    const key = w.path.startsWith('entrants.') ? `${w.rule}:entrants` : `${w.rule}:${w.path}:${JSON.stringify(w.params ?? {})}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { warning: w, count: 1 });
  }
  return [...groups.values()];
}

function Warnings({ step }: { step: CompetitionStep }) {
  const { t, i18n } = useTranslation('organiser');
  const { t: tc } = useTranslation();
  if (step.warnings.length === 0) return null;
  return (
    <ul className="steps__warnings" role="list">
      {grouped(step.warnings).map(({ warning, count }, index) => (
        <li key={index}>
          <span aria-hidden="true">⚠ </span>
          <span className="visually-hidden">{t('home.warning')} </span>
          {count > 1 ? t('home.entrantsConcerned', { count }) + ' ' : null}
          {describeProblem({ ...warning, params: warning.params ?? {} }, tc, i18n.language)}
        </li>
      ))}
    </ul>
  );
}

/**
 * The competition's steps, from set-up to publication: each one's state, the one next action
 * (a link to its screen), and what that action would refuse now, said before it is tried.
 */
export function StepList({ competitionId }: { competitionId: number }) {
  const { t } = useTranslation('organiser');
  const steps = useSteps(competitionId);
  if (steps.isPending) return <Loading />;
  if (steps.isError) return <ErrorMessage error={steps.error} onRetry={() => void steps.refetch()} />;
  const next = steps.data.steps.find((s) => s.state === 'next');
  return (
    <section className="card steps" aria-labelledby="steps-title">
      <h2 id="steps-title">{t('home.title')}</h2>
      {next ? (
        <p className="steps__next">
          <span>{t('home.nextIs', { step: t(`home.steps.${next.key}`) })}</span>{' '}
          <Link className="btn btn--primary" to={`/competitions/${competitionId}${SCREEN[next.key]}`}>
            {t(`home.actions.${next.key}.${next.status}` as never, { defaultValue: t(`home.actions.${next.key}.default` as never) }) as string}
          </Link>
        </p>
      ) : (
        <p className="steps__next">{t('home.allDone')}</p>
      )}
      <ol className="steps__list">
        {steps.data.steps.map((step) => (
          <li key={step.key} className={`steps__item steps__item--${step.state}`} aria-current={step.state === 'next' ? 'step' : undefined}>
            <span className="steps__marker" aria-hidden="true">
              {step.state === 'done' ? '✓' : ''}
            </span>
            <div className="steps__body">
              <p className="steps__name">
                <Link to={`/competitions/${competitionId}${SCREEN[step.key]}`}>{t(`home.steps.${step.key}`)}</Link>
                <span className="steps__state">{t(`home.state.${step.state}`)}</span>
              </p>
              <p className="steps__status muted">{t(`home.status.${step.key}.${step.status}` as never, { ...step.figures, count: countOf(step), defaultValue: '' }) as string}</p>
              <Warnings step={step} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * On the screen where an action is, the warnings of its steps before the organiser tries it
 * (the server refuses the action with the same rule); nothing when there is none.
 */
export function StepWarningsNote({ competitionId, keys }: { competitionId: number; keys: readonly StepKey[] }) {
  const { t } = useTranslation('organiser');
  const steps = useSteps(competitionId);
  const concerned = (steps.data?.steps ?? []).filter((s) => keys.includes(s.key) && s.warnings.length > 0);
  if (concerned.length === 0) return null;
  return (
    <section className="steps-note" aria-labelledby={`steps-note-${competitionId}`}>
      <h2 id={`steps-note-${competitionId}`}>{t('home.beforeYouGoOn')}</h2>
      {concerned.map((step) => (
        <div key={step.key}>
          <p className="steps-note__step">{t(`home.steps.${step.key}`)}</p>
          <Warnings step={step} />
        </div>
      ))}
    </section>
  );
}
