/**
 * The outbox's doorbell: LISTEN, on a PostgreSQL connection of its own (a
 * pooled one would be handed to queries), to the channel the notice table's
 * trigger announces every write on (migration NoticeQueuedNotify). A lost
 * connection (PostgreSQL restarted, the network cut) is made again, and LISTEN
 * with it, retrying every second up to every ten; each time it is (re)made
 * `connected` is called, since what was queued meanwhile was never announced.
 */
import { Client } from 'pg';

export const NOTICE_QUEUED_CHANNEL = 'notice_queued';

const RECONNECT_FIRST_MS = 1_000;
const RECONNECT_MAX_MS = 10_000;

export interface NoticeQueueEvents {
  /** A notice was written (its transaction committed). */
  queued(): void;
  /** Listening (again): look at the outbox now. */
  connected(): void;
  /** The connection was lost or could not be made; it is being made again. */
  lost(error: Error): void;
}

export class NoticeQueueListener {
  private client: Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private delayMs = RECONNECT_FIRST_MS;
  private stopped = false;

  constructor(
    private readonly connectionString: string,
    private readonly events: NoticeQueueEvents,
  ) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.retry = null;
    const client = new Client({ connectionString: this.connectionString });
    // Both may come for one loss; only the first makes the connection again.
    let gone = false;
    const lose = (error: Error) => {
      if (gone) return;
      gone = true;
      if (this.client === client) this.client = null;
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.events.lost(error);
      this.retry = setTimeout(() => void this.connect(), this.delayMs);
      this.delayMs = Math.min(this.delayMs * 2, RECONNECT_MAX_MS);
    };
    client.on('error', lose);
    client.on('end', () => lose(new Error('connection ended')));
    client.on('notification', (n) => {
      if (n.channel === NOTICE_QUEUED_CHANNEL) this.events.queued();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTICE_QUEUED_CHANNEL}`);
    } catch (e) {
      lose(e as Error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.delayMs = RECONNECT_FIRST_MS;
    this.events.connected();
  }
}
