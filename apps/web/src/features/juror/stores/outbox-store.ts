import type { Change, ErrorDetail, ServerRevision } from '@palmares/contract';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { idbStorage } from '../lib/idb-storage';
import {
  acknowledge,
  fieldKey,
  nextRevision,
  refuse,
  retryEntry,
  type Batch,
  type FieldKey,
  type FieldValue,
  type OutboxEntry,
} from '../lib/outbox-logic';

type NewChange =
  | { kind: 'score'; entrantId: number; criterion: string; value: number }
  | { kind: 'note' | 'feedback'; entrantId: number; text: string };

interface OutboxState {
  entries: OutboxEntry[];
  /** What the server acknowledged per field since the state was last read. */
  acked: Record<FieldKey, FieldValue>;
  /** When the server last answered this tablet (any request), for "synced 12 s ago". */
  lastContactAt: number | null;
  /** Whether the last attempt to reach the server got an answer. */
  reachable: boolean;
  /** The tablet's binding was refused (revoked, locked): sending stops until it is fixed. */
  blockedCode: string | null;
  hydrated: boolean;
  /** Queues a change; its revision is one above every revision known for its field. */
  record: (input: { jurorId: number; roundId: number; serverRevision: number; change: NewChange }) => OutboxEntry;
  acknowledged: (batch: Batch, serverRevisions: ServerRevision[]) => void;
  refused: (batch: Batch, error: { code: string; message: string; details: ErrorDetail[] }) => void;
  retry: (id: string, serverRevision: number) => void;
  discard: (id: string) => void;
  noteContact: (reached: boolean, blockedCode?: string | null) => void;
}

const newId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

/** The offline outbox: every tap lands here (and in IndexedDB) before anything else happens. */
export const useOutbox = create<OutboxState>()(
  persist(
    (set, get) => ({
      entries: [],
      acked: {},
      lastContactAt: null,
      reachable: true,
      blockedCode: null,
      hydrated: false,
      record: ({ jurorId, roundId, serverRevision, change }) => {
        const { entries, acked } = get();
        const key = fieldKey(change);
        const revision = nextRevision(serverRevision, acked[key], entries, key);
        const entry: OutboxEntry = { id: newId(), jurorId, roundId, createdAt: Date.now(), change: { ...change, revision } as Change };
        set({ entries: [...entries, entry] });
        return entry;
      },
      acknowledged: (batch, serverRevisions) => set((s) => acknowledge(s.entries, s.acked, batch, serverRevisions)),
      refused: (batch, error) => set((s) => ({ entries: refuse(s.entries, batch, error) })),
      retry: (id, serverRevision) =>
        set((s) => {
          const entry = s.entries.find((e) => e.id === id);
          return entry ? { entries: retryEntry(s.entries, id, serverRevision, s.acked[fieldKey(entry.change)]) } : {};
        }),
      discard: (id) => set((s) => ({ entries: s.entries.filter((e) => e.id !== id) })),
      noteContact: (reached, blockedCode = null) =>
        set(reached ? { reachable: true, lastContactAt: Date.now(), blockedCode } : { reachable: false }),
    }),
    {
      name: 'palmares.juror.outbox',
      version: 1,
      storage: createJSONStorage(() => idbStorage),
      partialize: ({ entries, acked, lastContactAt }) => ({ entries, acked, lastContactAt }),
      onRehydrateStorage: () => () => useOutbox.setState({ hydrated: true }),
    },
  ),
);

/**
 * Resolves once the outbox has been read back from IndexedDB (or could not be). A change of the
 * store before that would be written over the stored outbox, so whatever reports to it waits.
 */
export function whenOutboxLoaded(): Promise<void> {
  return new Promise((resolve) => {
    if (useOutbox.getState().hydrated) return resolve();
    const stop = useOutbox.subscribe((s) => {
      if (!s.hydrated) return;
      stop();
      resolve();
    });
  });
}
