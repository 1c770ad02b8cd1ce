/**
 * The outbox's doorbell: the channel the notice table's trigger announces
 * every write on (migration NoticeQueuedNotify), listened to with the
 * reconnecting ChannelListener. Each time the connection is (re)made
 * `connected` is called, since what was queued meanwhile was never announced.
 */
import { ChannelListener } from './channel-listener';

export const NOTICE_QUEUED_CHANNEL = 'notice_queued';

export interface NoticeQueueEvents {
  /** A notice was written (its transaction committed). */
  queued(): void;
  /** Listening (again): look at the outbox now. */
  connected(): void;
  /** The connection was lost or could not be made; it is being made again. */
  lost(error: Error): void;
}

export class NoticeQueueListener extends ChannelListener {
  constructor(connectionString: string, { queued, connected, lost }: NoticeQueueEvents) {
    super(connectionString, NOTICE_QUEUED_CHANNEL, { notified: () => queued(), connected, lost });
  }
}
