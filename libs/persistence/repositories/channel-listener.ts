/**
 * LISTEN to one PostgreSQL channel, on a connection of its own (a pooled one
 * would be handed to queries). A lost connection (PostgreSQL restarted, the
 * network cut, the backend terminated) is made again, and LISTEN with it,
 * retrying every second up to every ten. What was announced while it was
 * down is never heard: `lost` and then `connected` say so, and each user
 * decides what that means (the mail relay looks at its outbox; the API's
 * session cache forgets everything it holds).
 */
import { Client } from 'pg';

const RECONNECT_FIRST_MS = 1_000;
const RECONNECT_MAX_MS = 10_000;

export interface ChannelEvents {
  /** Something was announced (its transaction committed), with the notification's payload. */
  notified(payload: string): void;
  /** Listening (again). */
  connected(): void;
  /** The connection was lost or could not be made; it is being made again. */
  lost(error: Error): void;
}

export class ChannelListener {
  private client: Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private delayMs = RECONNECT_FIRST_MS;
  private stopped = false;

  constructor(
    private readonly connectionString: string,
    /** A plain identifier: it is written into `LISTEN` as it is. */
    private readonly channel: string,
    private readonly events: ChannelEvents,
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
    // Named, so an operator (and a test) can tell the listening backend in pg_stat_activity.
    const client = new Client({ connectionString: this.connectionString, application_name: `listen ${this.channel}` });
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
      if (n.channel === this.channel) this.events.notified(n.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
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
