import type { CompetitionDetail } from '@palmares/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { pickTranslation } from '../../../i18n/pick-translation';
import { useLanguage } from '../../../i18n/use-language';
import { useParams } from 'react-router';
import { RefusalSummary } from '../../../components/ui/refusal-summary';
import { organiserKeys } from '../api/keys';
import { describeRefusalPath } from './refusal-paths';

/**
 * Why the server refused a change: a sentence in the reader's language for the error code, then
 * each refused field in the reader's language, named by `describePath` where the form knows its
 * fields, else by what the competition calls it (a criterion, a quota, an entrant).
 */
export function Refusal({ error, describePath }: { error: unknown; describePath?: (path: string) => string | undefined }) {
  const { t } = useTranslation('organiser');
  const { t: tc } = useTranslation();
  const lang = useLanguage();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  // Every organiser screen is shown inside its competition, loaded already: read, not fetched.
  const competition = useQueryClient().getQueryData<CompetitionDetail>(organiserKeys.competition(id));
  const entrantName = (entrantId: number) => competition?.entrants.find((e) => e.id === entrantId)?.name;
  const describe = describePath ?? ((path: string) => describeRefusalPath(path, valid ? competition : undefined, entrantName, t, tc));
  const axis = (code: string) => {
    const found = competition?.axes.find((a) => a.code === code);
    return found ? pickTranslation(found.labels, lang, competition?.defaultLanguage ?? lang) : undefined;
  };
  return <RefusalSummary error={error} describePath={describe} names={{ axis }} />;
}
