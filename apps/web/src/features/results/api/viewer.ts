/** Who looks at the deliberation: the organiser (session) or the jury chair (bound tablet). */
export type Viewer = { role: 'organiser'; competitionId: number } | { role: 'chair' };

export const viewerKey = (viewer: Viewer) => (viewer.role === 'organiser' ? `organiser-${viewer.competitionId}` : 'chair');

export const resultsKeys = {
  all: ['results'] as const,
  deliberation: (viewer: Viewer, roundId: number, reveal: boolean) => ['results', viewerKey(viewer), 'deliberation', roundId, reveal] as const,
  snapshot: (viewer: Viewer, roundId: number) => ['results', viewerKey(viewer), 'snapshot', roundId] as const,
  chairState: ['results', 'chair', 'state'] as const,
  startup: (token: string) => ['results', 'startup', token] as const,
  winners: (competitionId: number) => ['results', 'winners', competitionId] as const,
};

export const roundParam = (viewer: Extract<Viewer, { role: 'organiser' }>, roundId: number) => ({
  id: String(viewer.competitionId),
  roundId: String(roundId),
});
