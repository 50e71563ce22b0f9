import type { CompetitionDetail } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { PageTitle } from '../../../components/ui/page-title';
import { formatDateRange, formatListParts } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { AxisSection } from './axis-section';
import { StepList } from './step-list';
import './sections-nav.css';

/** The competition's sections, in the order the organiser goes through them. */
const SECTIONS = [
  { path: '', label: 'sections.overview' },
  { path: '/setup', label: 'sections.setup' },
  { path: '/entrants', label: 'sections.entrants' },
  { path: '/jurors', label: 'sections.jurors' },
  { path: '/round-1', label: 'sections.round1' },
  { path: '/final', label: 'sections.final' },
  { path: '/deliberation', label: 'results:nav.deliberation' },
] as const;

/** A bar of links to the competition's sections; the current one carries aria-current="page". */
export function CompetitionSectionsNav({ competitionId }: { competitionId: number }) {
  const { t } = useTranslation(['organiser', 'results']);
  return (
    <nav className="sections-nav" aria-label={t('sections.label')}>
      <ul role="list">
        {SECTIONS.map(({ path, label }) => (
          <li key={path}>
            <NavLink to={`/competitions/${competitionId}${path}`} end className="sections-nav__link">
              {t(label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function CompetitionOverview({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { axes, entrants, defaultLanguage } = competition;
  // Each language is named in itself ("العربية"), so it carries its own `lang`.
  const languageNames = competition.languages.map((code) => ({ code, name: t(`language.${code}`) }));

  return (
    <div className="overview">
      <PageTitle>{competition.name}</PageTitle>
      <CompetitionSectionsNav competitionId={competition.id} />
      <div className="page-heading">
        <h1>
          <bdi>{competition.name}</bdi>
        </h1>
        <dl className="facts">
          <div>
            <dt>{t('competition.dates')}</dt>
            <dd>{formatDateRange(competition.startsOn, competition.endsOn, lang)}</dd>
          </div>
          <div>
            <dt>{t('competition.venue')}</dt>
            <dd>
              <bdi>{competition.venue}</bdi>
            </dd>
          </div>
          <div>
            <dt>{t('competition.timeZone')}</dt>
            <dd dir="ltr">{competition.timeZone.replaceAll('_', ' ')}</dd>
          </div>
          <div>
            <dt>{t('competition.languages')}</dt>
            <dd>
              {formatListParts(
                languageNames.map(({ name }) => name),
                lang,
              ).map((part, index) =>
                part.type === 'element' ? (
                  <bdi key={index} lang={languageNames.find(({ name }) => name === part.value)?.code}>
                    {part.value}
                  </bdi>
                ) : (
                  part.value
                ),
              )}
            </dd>
          </div>
        </dl>
        <p className="summary">
          <span>{t('competition.startups', { count: entrants.length })}</span>
          <span aria-hidden="true"> · </span>
          <span>{t('competition.axes', { count: axes.length })}</span>
        </p>
      </div>
      <StepList competitionId={competition.id} />
      {axes.map((axis) => (
        <AxisSection
          key={axis.id}
          axis={axis}
          entrants={entrants.filter((entrant) => entrant.axisId === axis.id)}
          fallbackLang={defaultLanguage}
        />
      ))}
    </div>
  );
}
