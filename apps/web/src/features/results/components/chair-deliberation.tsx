import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { PageTitle } from '../../../components/ui/page-title';
import { useChairState } from '../api/chair';
import { DeliberationScreen } from './deliberation-screen';
import { PublicFrame } from './public-frame';

function Notice({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation('results');
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <Link to="/juror">{t('chair.backToTablet')}</Link>
      </p>
    </>
  );
}

/** `/juror/deliberation`: the jury chair's deliberation, from the chair's bound tablet. */
export function ChairDeliberation() {
  const { t } = useTranslation('results');
  const state = useChairState();
  if (state.isPending) {
    return (
      <PublicFrame>
        <Loading />
      </PublicFrame>
    );
  }
  if (state.isError) {
    return (
      <PublicFrame>
        <ErrorMessage error={state.error} onRetry={() => void state.refetch()} />
      </PublicFrame>
    );
  }
  const result = state.data;
  if (result.kind !== 'ok') {
    return (
      <PublicFrame>
        <Notice title={t('deliberation.title')} text={result.kind === 'locked' ? t('chair.locked') : result.kind === 'needs-pin' ? t('chair.needsPin') : t('chair.unbound')} />
      </PublicFrame>
    );
  }
  const { juror, competition, round } = result.state;
  return (
    <PublicFrame context={competition.name}>
      {!juror.isChair ? (
        <Notice title={t('deliberation.title')} text={t('chair.notChair')} />
      ) : !round || (round.state !== 'closed' && round.state !== 'confirmed') ? (
        <Notice title={t('deliberation.title')} text={t('deliberation.notClosed')} />
      ) : (
        <>
          <nav className="breadcrumb" aria-label={t('chair.backToTablet')}>
            <Link to="/juror">{t('chair.backToTablet')}</Link>
          </nav>
          <DeliberationScreen
            viewer={{ role: 'chair' }}
            roundId={round.id}
            competitionName={competition.name}
            axes={competition.axes}
            fallbackLang={competition.defaultLanguage}
          />
        </>
      )}
    </PublicFrame>
  );
}
