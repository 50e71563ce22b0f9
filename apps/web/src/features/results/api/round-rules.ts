import type { Rules } from '@palmares/contract';
import { useQuery } from '@tanstack/react-query';
import { competitionQueryOptions } from '../../competitions/api/get-competition';
import type { Viewer } from './viewer';

/**
 * The competition's selection rules, which the deliberation does not carry: the organiser's
 * competition (already loaded by the route, so read from the cache), null while it loads and for
 * the chair's tablet, whose juror state has no rules.
 */
export function useRoundRules(viewer: Viewer): Pick<Rules, 'awards' | 'shortlist'> | null {
  const organiser = viewer.role === 'organiser';
  const competition = useQuery({ ...competitionQueryOptions(organiser ? viewer.competitionId : 0), enabled: organiser });
  return organiser ? (competition.data?.rules ?? null) : null;
}
