import type { CompetitionDetail } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { AxesForm } from './axes-form';
import { EventSettingsForm } from './event-settings-form';
import { RubricForm } from './rubric-form';
import { ScreenHeading } from './screen-heading';
import { TabletsForm } from './tablets-form';

/** Set-up: the event, its rules, axes and rubric; read-only once round 1's scoring has opened. */
export function SetupScreen({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation('organiser');
  // The drafts start from what the server holds, and start again when the lock changes; a save
  // leaves them as typed (the server stored just that), so its confirmation stays on screen.
  const version = String(competition.settingsLocked);
  return (
    <div className="org-screen">
      <ScreenHeading title={t('setup.title')} competitionName={competition.name} />
      {competition.settingsLocked ? (
        <p className="org-locked" role="note">
          <span aria-hidden="true">🔒 </span>
          {t('setup.locked')}
        </p>
      ) : null}
      <section className="card org-section" aria-labelledby="org-setup-event">
        <h2 id="org-setup-event">{t('setup.eventAndRules')}</h2>
        <EventSettingsForm key={`e${version}`} competition={competition} />
      </section>
      <section className="card org-section" aria-labelledby="org-setup-axes">
        <h2 id="org-setup-axes">{t('setup.axes')}</h2>
        <AxesForm key={`a${version}`} competition={competition} />
      </section>
      <section className="card org-section" aria-labelledby="org-setup-rubric">
        <h2 id="org-setup-rubric">{t('setup.rubric')}</h2>
        <RubricForm key={`r${version}`} competition={competition} />
      </section>
      <section className="card org-section" aria-labelledby="org-setup-tablets">
        <h2 id="org-setup-tablets">{t('tablets.title')}</h2>
        <p className="muted">{t('tablets.intro')}</p>
        <TabletsForm competition={competition} />
      </section>
    </div>
  );
}
