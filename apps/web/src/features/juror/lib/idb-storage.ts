import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { StateStorage } from 'zustand/middleware';

let store: UseStore | undefined;
const db = () => (store ??= createStore('palmares-juror', 'kv'));
let lastWrite: Promise<void> = Promise.resolve();

/**
 * IndexedDB behind zustand's `persist` (through `createJSONStorage`). Writes are remembered so the
 * sync loop can wait until a change is on the tablet's disk before it sends it anywhere.
 */
export const idbStorage: StateStorage = {
  getItem: async (name) => (await get<string>(name, db())) ?? null,
  setItem: (name, value) => {
    lastWrite = set(name, value, db());
    return lastWrite;
  },
  removeItem: (name) => del(name, db()),
};

/** Resolves once the last write to IndexedDB has finished (or failed: the queue then retries). */
export const whenWritten = (): Promise<void> => lastWrite.catch(() => undefined);

/** A plain value kept in the same database (the last state read from the server). */
export const idbGet = <T>(key: string) => get<T>(key, db());
export const idbSet = (key: string, value: unknown) => set(key, value, db());
export const idbDel = (key: string) => del(key, db());
