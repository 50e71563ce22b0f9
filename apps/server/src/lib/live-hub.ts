import { StreamSlots } from './stream-slots.js';

/**
 * In-process publish/subscribe of live updates per competition (the now-pitching cursor,
 * submission progress), streamed to browsers as Server-Sent Events. One server process serves
 * one venue, so no broker is needed.
 */
export interface LiveEvent {
  type: string;
  data: unknown;
}

type Listener = (event: LiveEvent) => void;

export class LiveHub {
  private readonly listeners = new Map<number, Set<Listener>>();
  /** The open live streams, bounded per owner and in total (lib/stream-slots.ts). */
  readonly slots: StreamSlots;

  constructor(options: { maxStreams?: number } = {}) {
    this.slots = new StreamSlots(options.maxStreams);
  }

  subscribe(competitionId: number, listener: Listener): () => void {
    let set = this.listeners.get(competitionId);
    if (!set) {
      set = new Set();
      this.listeners.set(competitionId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(competitionId);
    };
  }

  /** Call after the transaction that made the change has committed. */
  publish(competitionId: number, event: LiveEvent): void {
    for (const listener of this.listeners.get(competitionId) ?? []) listener(event);
  }

  subscriberCount(competitionId: number): number {
    return this.listeners.get(competitionId)?.size ?? 0;
  }
}
