import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client';
import { problemsOf } from '../../lib/problems';
import { describeProblem, type ProblemNames } from './field-errors';

interface RefusalSummaryProps {
  error: unknown;
  /** What the reader calls the field at a path ("Critère 2 · descriptions en arabe"); none: the message alone. */
  describePath?: (path: string) => string | undefined;
  /** The screen's names for codes a refusal's figures carry. */
  names?: ProblemNames;
}

/**
 * Why a change was refused, in the reader's language: one sentence for the error code, then each
 * refused field by its name with what to do. The server's English wording stays available, folded
 * away, for whoever helps the organiser.
 */
export function RefusalSummary({ error, describePath, names }: RefusalSummaryProps) {
  const { t, i18n } = useTranslation();
  if (error === null || error === undefined) return null;
  const known = isApiError(error) ? error : null;
  const problems = problemsOf(error);
  const sentence = known ? t(`common.errorCodes.${known.code}`) : problems.length > 0 ? t('common.errorCodes.VALIDATION_FAILED') : t('common.errors.generic');
  return (
    <div className="form__alert" role="alert">
      <p className="org-refusal__sentence">{sentence}</p>
      {problems.length > 0 ? (
        <ul className="org-refusal__details">
          {problems.slice(0, 12).map((problem, index) => {
            const where = describePath?.(problem.path);
            return (
              <li key={index}>
                {where ? <strong>{where} : </strong> : null}
                {describeProblem(problem, t, i18n.language, names)}
              </li>
            );
          })}
        </ul>
      ) : null}
      {known && known.code !== 'NETWORK' ? (
        <details className="org-refusal__technical">
          <summary>{t('common.technical')}</summary>
          <p lang="en" dir="ltr">
            {known.status} {known.code}: {known.message}
            {known.details.map((d) => ` · ${d.path}: ${d.message}`).join('')}
          </p>
        </details>
      ) : null}
    </div>
  );
}
