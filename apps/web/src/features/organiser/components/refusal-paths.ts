import type { CompetitionDetail } from '@palmares/contract';
import type { TFunction } from 'i18next';
import { describeSetupPath } from './setup-paths';

/** The setup form's label of each settings path a round's refusal can name (`shortlist.axisMin`). */
const SETTINGS_LABELS: Record<string, string> = {
  'shortlist.size': 'setup.shortlistSize',
  'shortlist.axisMin': 'setup.shortlistAxisMin',
  'shortlist.axisMax': 'setup.shortlistAxisMax',
  'awards.count': 'setup.awardsCount',
  'awards.axisMax': 'setup.awardsAxisMax',
};

/**
 * What the organiser calls a field named by a refusal that is not a form's own: opening round 1
 * names the rubric (`rubric.criteria.1.labels.ar`), the pre-registered quotas (`shortlist.axisMin`)
 * and the entrants no juror scores (`entrants.17`). Unknown paths get no name, the message alone.
 */
export function describeRefusalPath(
  path: string,
  competition: CompetitionDetail | undefined,
  entrantName: (id: number) => string | undefined,
  t: TFunction<'organiser'>,
  tc: TFunction,
): string | undefined {
  if (path.startsWith('rubric.')) {
    const rest = path.slice('rubric.'.length);
    const inner = describeSetupPath(rest, { criteria: competition?.criteria ?? [] }, competition?.defaultLanguage ?? 'fr', t, tc);
    return inner ? `${t('refusalPaths.rubric')} · ${inner}` : t('refusalPaths.rubric');
  }
  if (path === 'rubric') return t('refusalPaths.rubric');
  const setting = SETTINGS_LABELS[path];
  if (setting) return `${t('refusalPaths.settings')} · ${t(setting as never)}`;
  const entrant = /^entrants\.(\d+)$/.exec(path);
  if (entrant) {
    const name = entrantName(Number(entrant[1]));
    return name ? t('refusalPaths.entrant', { name }) : t('refusalPaths.entrants');
  }
  if (path === 'entrants') return t('refusalPaths.entrants');
  if (path === 'assignments' || path === 'pairs' || path === 'mode' || path === 'perEntrant') return t('refusalPaths.assignments');
  if (path === 'pitchOrder' || path === 'entrantIds') return t('refusalPaths.pitchOrder');
  return undefined;
}
