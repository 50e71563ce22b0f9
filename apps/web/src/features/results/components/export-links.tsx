import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../../i18n/use-language';
import { exportUrl } from '../api/public';

/** The CSV exports (UTF-8 with BOM, semicolons) and the printable results with certificates. */
export function ExportLinks({ competitionId }: { competitionId: number }) {
  const { t } = useTranslation('results');
  const lang = useLanguage();
  return (
    <section className="res-section" aria-labelledby="res-exports">
      <h2 id="res-exports">{t('exports.title')}</h2>
      <ul className="res-links" role="list">
        <li>
          <a href={exportUrl(competitionId, 'scorecards', lang)} download>
            {t('exports.scorecards')}
          </a>
        </li>
        <li>
          <a href={exportUrl(competitionId, 'results', lang)} download>
            {t('exports.results')}
          </a>
        </li>
        <li>
          <Link to={`/competitions/${competitionId}/results/print`}>{t('exports.print')}</Link>
        </li>
      </ul>
    </section>
  );
}
