import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { resultsKeys, type Viewer } from './viewer';

/**
 * The organiser's deliberation follows the competition's live stream: the chair's signature, a
 * decision or a correction made on the chair's tablet (`deliberation`), and the publication
 * (`results-published`) refetch the deliberation and the snapshot within a second, no reload.
 * The chair's tablet reads its own state and opens no stream here.
 */
export function useResultsLive(viewer: Viewer): void {
  const queryClient = useQueryClient();
  const competitionId = viewer.role === 'organiser' ? viewer.competitionId : null;
  useEffect(() => {
    if (competitionId === null || typeof EventSource === 'undefined') return;
    // The typed client builds URLs only against an absolute base; the stream's path is plain.
    const source = new EventSource(`/api/competitions/${competitionId}/live`);
    const refresh = () => void queryClient.invalidateQueries({ queryKey: resultsKeys.all });
    source.addEventListener('deliberation', refresh);
    source.addEventListener('results-published', refresh);
    return () => source.close();
  }, [competitionId, queryClient]);
}
