import { NowPitchingEventSchema, ProgressEventSchema } from '@palmares/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { organiserKeys } from './keys';

export type StreamStatus = 'connecting' | 'open' | 'reconnecting';

function parse(data: unknown): unknown {
  try {
    return typeof data === 'string' ? JSON.parse(data) : null;
  } catch {
    return null;
  }
}

/**
 * Follows the organiser's live stream (`now-pitching`, `progress`, `contact`); each event invalidates the
 * queries it makes stale, so the board and the cursor stay server state in TanStack Query.
 * EventSource reconnects by itself; the status says whether the board is live.
 */
export function useLiveStream(id: number): StreamStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>('connecting');
  useEffect(() => {
    // The typed client builds URLs only against an absolute base; the stream's path is plain.
    const source = new EventSource(`/api/competitions/${id}/live`);
    const refreshRounds = () => void queryClient.invalidateQueries({ queryKey: organiserKeys.rounds(id) });
    const refreshBoard = (roundId: number) => void queryClient.invalidateQueries({ queryKey: organiserKeys.board(id, roundId) });
    source.addEventListener('open', () => setStatus('open'));
    source.addEventListener('error', () => setStatus('reconnecting'));
    source.addEventListener('now-pitching', (event) => {
      const parsed = NowPitchingEventSchema.safeParse(parse(event.data));
      refreshRounds();
      if (parsed.success) refreshBoard(parsed.data.roundId);
    });
    source.addEventListener('progress', (event) => {
      const parsed = ProgressEventSchema.safeParse(parse(event.data));
      if (!parsed.success) return;
      refreshBoard(parsed.data.roundId);
      void queryClient.invalidateQueries({ queryKey: organiserKeys.progress(id, parsed.data.roundId) });
    });
    // A tablet's contact moves its juror's "last contact" on the board and the jurors' list.
    source.addEventListener('contact', () => {
      void queryClient.invalidateQueries({ queryKey: ['competitions', id, 'live'] });
      void queryClient.invalidateQueries({ queryKey: organiserKeys.jurors(id) });
    });
    return () => source.close();
  }, [id, queryClient]);
  return status;
}
