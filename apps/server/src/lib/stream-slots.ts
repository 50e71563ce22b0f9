import { AppError } from './errors.js';

/** Live streams one tablet binding or one organiser session may hold at once (tabs, reloads). */
export const STREAMS_PER_OWNER = 3;
/** Live streams the whole server holds at once unless `LIVE_STREAMS_MAX` says otherwise. */
export const DEFAULT_MAX_STREAMS = 200;

interface Slot {
  close: () => void;
}

/**
 * Bounds the open live streams (issue 17 point 6): a few per owner (a tablet binding, an
 * organiser session), the oldest closed when one more opens, so a reloaded tablet whose old
 * connection has not timed out yet is never refused; and a total, past which a new owner gets 429.
 * An owner that already holds a stream is never refused either: its oldest makes room.
 */
export class StreamSlots {
  private readonly byOwner = new Map<string, Slot[]>();
  private total = 0;

  constructor(
    readonly max = DEFAULT_MAX_STREAMS,
    readonly perOwner = STREAMS_PER_OWNER,
  ) {}

  /**
   * Takes a slot for `owner`; `close` ends the stream if it is evicted later. Returns the release
   * to call when the stream ends (safe to call twice, or after eviction).
   */
  open(owner: string, close: () => void): () => void {
    const mine = this.byOwner.get(owner) ?? [];
    const evictOldest = () => {
      const oldest = mine.shift();
      if (!oldest) return;
      this.total--;
      oldest.close();
    };
    while (mine.length >= this.perOwner) evictOldest();
    if (this.total >= this.max) {
      if (mine.length === 0) {
        throw new AppError(429, 'RATE_LIMITED', `The server already holds ${this.max} live streams: try again in a few seconds`, [
          { path: 'stream', rule: 'too_many_streams', message: `${this.max} live streams open` },
        ]);
      }
      evictOldest();
    }
    const slot: Slot = { close };
    mine.push(slot);
    this.byOwner.set(owner, mine);
    this.total++;
    return () => {
      const list = this.byOwner.get(owner);
      const at = list?.indexOf(slot) ?? -1;
      if (!list || at < 0) return;
      list.splice(at, 1);
      this.total--;
      if (list.length === 0) this.byOwner.delete(owner);
    };
  }

  get openStreams(): number {
    return this.total;
  }
}
