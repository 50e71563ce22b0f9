import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { LiveHub, type LiveEvent } from './live-hub.js';

/** The one channel every Palmares process listens on; the payload names the competition. */
export const LIVE_CHANNEL = 'palmares_live';
/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; live events are a few hundred. */
const MAX_PAYLOAD_BYTES = 7_900;

interface Message {
  /** The process that published it: it has already delivered to its own listeners. */
  from: string;
  competitionId: number;
  event: LiveEvent;
}

/**
 * The live hub of a hosted process (decision 023): every event published here reaches the
 * browsers connected to this process at once, as with the plain hub, and the other processes on
 * the same database through PostgreSQL's LISTEN/NOTIFY, so a tablet connected to process B sees
 * "now pitching" moved by an organiser on process A. Publish after the change has committed (as
 * with the plain hub): the notification then never announces a change another process cannot read.
 * One process's events arrive in the order it published them; two processes' events arrive in the
 * order their notifications commit, which the wiring step must make harmless (events that carry a
 * version, or that tell a screen to read again).
 */
export class SharedLiveHub extends LiveHub {
  private readonly id = randomUUID();
  private stopListening: (() => Promise<void>) | undefined;
  /** Notifications leave one at a time: the pool would otherwise send two on two connections, and
   *  "now pitching: 8" could overtake "now pitching: 7" (seen in the test). PostgreSQL delivers in
   *  the order they commit. */
  private sending: Promise<unknown> = Promise.resolve();

  private constructor(private readonly sql: Sql) {
    super();
  }

  /** Starts listening (one dedicated connection of `sql`'s pool) and returns the hub. */
  static async connect(sql: Sql): Promise<SharedLiveHub> {
    const hub = new SharedLiveHub(sql);
    const { unlisten } = await sql.listen(LIVE_CHANNEL, (payload) => hub.receive(payload));
    hub.stopListening = unlisten;
    return hub;
  }

  override publish(competitionId: number, event: LiveEvent): void {
    const message: Message = { from: this.id, competitionId, event };
    const payload = JSON.stringify(message);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      // A programming error, not a user's: a live event carries ids and states, never documents.
      throw new Error(`live event "${event.type}" is too large to share between processes (${Buffer.byteLength(payload)} bytes)`);
    }
    super.publish(competitionId, event);
    // The change is committed already; a failed notification only delays the other processes'
    // screens until their next read (tablets refetch on reconnect), so it is logged, not thrown.
    this.sending = this.sending
      .then(() => this.sql.notify(LIVE_CHANNEL, payload))
      .catch((error: unknown) => console.error('live event not shared:', error));
  }

  /** Stops listening; the pool itself belongs to the caller. */
  async close(): Promise<void> {
    await this.stopListening?.();
  }

  private receive(payload: string): void {
    const message = JSON.parse(payload) as Message;
    if (message.from === this.id) return;
    super.publish(message.competitionId, message.event);
  }
}
