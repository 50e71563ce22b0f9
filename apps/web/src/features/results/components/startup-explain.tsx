import type { StartupResult } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/use-language';
import { localDecimal } from '../lib/numbers';

type Explained = Pick<StartupResult, 'score' | 'chairReason' | 'consistency' | 'ties'>;

/**
 * The chair's written reason, for a startup the chair's order placed in a tie no rule could
 * split: the one placed behind reads why, and so does the one placed ahead.
 */
export function ChairReason({ result }: { result: Explained }) {
  const { t } = useTranslation('results');
  if (result.chairReason === null) return null;
  const chairTie = result.ties.find((x) => x.rule === 'chair');
  const key = chairTie?.outcome === 'ahead' ? 'ahead' : 'behind';
  return (
    <p className="res-founder-note">
      {t(`startup.chairReason.${key}`)} <q dir="auto">{result.chairReason}</q>
    </p>
  );
}

/**
 * One sentence, with both numbers, when the weighted mean of the criterion scores is not the
 * score (each criterion trims its own extremes; a median or z-score is no weighted sum).
 */
export function ScoreConsistency({ result }: { result: Explained }) {
  const { t } = useTranslation('results');
  const lang = useLanguage();
  if (result.consistency === null) return null;
  return (
    <p className="res-consistency">
      {t(`startup.consistency.${result.consistency.reason}`, {
        score: localDecimal(result.score.display, lang),
        weighted: localDecimal(result.consistency.weighted.display, lang),
      })}
    </p>
  );
}
