import type { Criterion, Lang } from '@palmares/contract';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format';
import { pickTranslation } from '../../../i18n/pick-translation';
import { useLanguage } from '../../../i18n/use-language';
import type { RemoteChange } from '../lib/remote-change';
import { scorecardKey, useRemoteChanges } from '../stores/remote-change-store';

const lists = new Map<Lang, Intl.ListFormat>();
const listIn = (lang: Lang) => {
  let list = lists.get(lang);
  if (!list) lists.set(lang, (list = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' })));
  return list;
};

/**
 * One line, in a live region, saying what changed on this scorecard from elsewhere: "Changed on
 * your other tablet: Innovation 7 → 8" (issue 14 point 2). The region is always there (empty
 * otherwise), so a screen reader announces the line when it appears. Leaving the scorecard
 * clears it ({@link useForgetRemoteChangeOnLeave}).
 */
export function RemoteChangeLine({ roundId, entrantId, criteria, fallbackLang }: { roundId: number; entrantId: number; criteria: Criterion[]; fallbackLang: Lang }) {
  const { t } = useTranslation('juror');
  const lang = useLanguage();
  const change = useRemoteChanges((s) => s.byScorecard[scorecardKey(roundId, entrantId)]);

  const parts = (c: RemoteChange) => {
    const fields = c.fields.map((f) => {
      if (f.kind !== 'score') return t(f.kind === 'note' ? 'remote.note' : 'remote.feedback');
      const found = criteria.find((x) => x.code === f.criterion);
      const criterion = found ? pickTranslation(found.labels, lang, fallbackLang) : f.criterion;
      const to = formatNumber(f.to, lang);
      return f.from === undefined ? t('remote.scoreFirst', { criterion, to }) : t('remote.score', { criterion, from: formatNumber(f.from, lang), to });
    });
    return c.state ? [...fields, t(`remote.state.${c.state}`)] : fields;
  };
  return (
    <p className={change ? 'juror-note remote-change' : 'status-line--empty'} role="status">
      {change ? t(change.by === 'chair' ? 'remote.byChair' : 'remote.byOtherTablet', { changes: listIn(lang).format(parts(change)) }) : null}
    </p>
  );
}

/** Forgets the scorecard's line when the juror leaves the scorecard (not when it only re-renders). */
export function useForgetRemoteChangeOnLeave(roundId: number | undefined, entrantId: number) {
  useEffect(() => {
    if (roundId === undefined) return;
    return () => useRemoteChanges.getState().seen(roundId, entrantId);
  }, [roundId, entrantId]);
}
