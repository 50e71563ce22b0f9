import type { Change, ErrorDetail, JurorState, ServerRevision } from '@palmares/contract';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { idbStorage } from '../lib/idb-storage';
import {
  acknowledge,
  fieldKey,
  migrateStoredOutbox,
  nextRevision,
  raiseKnown,
  refuse,
  retryEntry,
  stateRevisions,
  type Batch,
  type FieldKey,
  type FieldValue,
  type KnownRevisions,
  type OutboxEntry,
  type StoredOutbox,
} from '../lib/outbox-logic';

type NewChange =
  | { kind: 'score'; entrantId: number; criterion: string; value: number }
  | { kind: 'note' | 'feedback'; entrantId: number; text: string };

interface OutboxState {
  entries: OutboxEntry[];
  /** What the server acknowledged per field since the state was last read. */
  acked: Record<FieldKey, FieldValue>;
  /** The highest revision per field the server reported or this tablet used (see nextRevision). */
  known: KnownRevisions;
  /** When the server last answered this tablet (any request), for "synced 12 s ago". */
  lastContactAt: number | null;
  /** Whether the last attempt to reach the server got an answer. */
  reachable: boolean;
  /** The tablet's binding was refused (revoked, locked): sending stops until it is fixed. */
  blockedCode: string | null;
  hydrated: boolean;
  /** Queues a change; its revision is one above every revision known for its field. */
  record: (input: { jurorId: number; roundId: number; change: NewChange }) => OutboxEntry;
  /** The server's state was read: its revisions become known (a state without a round has none). */
  serverState: (state: Pick<JurorState, 'round' | 'entrants'>) => void;
  acknowledged: (batch: Batch, serverRevisions: ServerRevision[]) => void;
  refused: (batch: Batch, error: { code: string; message: string; details: ErrorDetail[] }) => void;
  /** Unsent changes a change made elsewhere turned into conflicts: they wait for the juror, like a refusal. */
  conflicted: (ids: string[], message: string) => void;
  retry: (id: string) => void;
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
      known: {},
      lastContactAt: null,
      reachable: true,
      blockedCode: null,
      hydrated: false,
      record: ({ jurorId, roundId, change }) => {
        const { entries, known } = get();
        const key = fieldKey(roundId, change);
        const revision = nextRevision(known, entries, key);
        const entry: OutboxEntry = { id: newId(), jurorId, roundId, createdAt: Date.now(), change: { ...change, revision } as Change };
        set({ entries: [...entries, entry], known: raiseKnown(known, [[key, revision]]) });
        return entry;
      },
      serverState: ({ round, entrants }) => {
        if (!round) return;
        const known = raiseKnown(get().known, stateRevisions(round.id, entrants));
        if (known !== get().known) set({ known });
      },
      acknowledged: (batch, serverRevisions) =>
        set((s) => {
          const next = acknowledge(s.entries, s.acked, batch, serverRevisions);
          const reported = serverRevisions.map((r): [FieldKey, number] => [fieldKey(batch.roundId, r), r.revision]);
          return { ...next, known: raiseKnown(s.known, reported) };
        }),
      refused: (batch, error) => set((s) => ({ entries: refuse(s.entries, batch, error) })),
      conflicted: (ids, message) =>
        set((s) => {
          if (ids.length === 0) return {};
          const marked = new Set(ids);
          return { entries: s.entries.map((e) => (marked.has(e.id) && !e.problem ? { ...e, problem: { code: 'REVISION_CONFLICT', message } } : e)) };
        }),
      retry: (id) =>
        set((s) => {
          const entries = retryEntry(s.entries, id, s.known);
          const entry = entries.find((e) => e.id === id);
          return entry ? { entries, known: raiseKnown(s.known, [[fieldKey(entry.roundId, entry.change), entry.change.revision]]) } : {};
        }),
      discard: (id) => set((s) => ({ entries: s.entries.filter((e) => e.id !== id) })),
      noteContact: (reached, blockedCode = null) =>
        set(reached ? { reachable: true, lastContactAt: Date.now(), blockedCode } : { reachable: false }),
    }),
    {
      name: 'palmares.juror.outbox',
      // Version 2: every key carries the round (a finalist's round-1 scorecard is not the final's).
      version: 2,
      storage: createJSONStorage(() => idbStorage),
      migrate: (stored, version) => migrateStoredOutbox(stored, version),
      partialize: ({ entries, acked, known, lastContactAt }): StoredOutbox => ({ entries, acked, known, lastContactAt }),
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
