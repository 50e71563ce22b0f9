import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * For the juror home of the chair's tablet (the juror feature renders it when `isChair` and the
 * round is closed): a way into the deliberation.
 */
export function ChairDeliberationBanner() {
  const { t } = useTranslation('results');
  return (
    <p className="res-chair-banner">
      <Link className="btn btn--primary" to="/juror/deliberation">
        {t('chair.open')}
      </Link>
    </p>
  );
}
