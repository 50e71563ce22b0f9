import type { JurorState } from '@palmares/contract';
import { lazy, Suspense } from 'react';
import type { OutboxEntry } from '../lib/outbox-logic';

// Refused changes are rare: their banner loads when there is one (precached for offline).
const ProblemsBanner = lazy(async () => ({ default: (await import('./problems-banner')).ProblemsBanner }));

/** The refused changes among `entries`, with what to do about each; nothing when there are none. */
export function Problems({ state, entries }: { state: JurorState; entries: OutboxEntry[] }) {
  if (!entries.some((e) => e.problem)) return null;
  return (
    <Suspense fallback={null}>
      <ProblemsBanner state={state} entries={entries} />
    </Suspense>
  );
}
