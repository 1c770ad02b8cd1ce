/**
 * The mail relay: the only code that speaks SMTP. The workflows' activities
 * write each notice, message and all, into the outbox (`notice`) and wait for
 * it; the relay claims what is due, sends it and records the outcome. A
 * worker killed at any point therefore never sends a notice twice: it never
 * sends at all. Several relays may run (each claim skips rows another holds);
 * one that dies mid-send hands its notices back when its lease runs out, and
 * only then can a notice the SMTP server had already accepted go out again
 * (with the same Message-ID, so mail clients show it once). Each notice is
 * checked against its items' state as it is sent, and a department's own
 * notices wait for its assignment (OutboxRepository.claimDue). An idle relay
 * waits for PostgreSQL to announce a written notice (NoticeQueueListener),
 * for a notice it put back to be due again, or for its slow backstop poll
 * (what nothing announces: a dead relay's lease lapsing, a notice released by
 * another relay's send).
 */
import type { DataSource } from 'typeorm';
import type { NoticeEnd } from '../cycle/notice-standing';
import type { JsonLogger } from '../observability/logger';
import { NoticeQueueListener } from '../persistence/repositories/notice-queue.repository';
import { OutboxRepository, type ClaimedNotice } from '../persistence/repositories/outbox.repository';
import { PermanentDeliveryError, type Mailer, type QueuedMessage } from './mailer';
import { noticeStandingNow } from './notice-items';
import { renderComposition } from './notice-message';

export interface OutboxRelayOptions {
  /** Notices claimed, and sent side by side, at a time (the mail transport keeps 10 connections). */
  batch: number;
  /** How often an idle relay looks for due notices unannounced (written notices are announced). */
  idlePollMs: number;
  /** How long a claim holds: longer than recording a delivery may take while PostgreSQL restarts. */
  leaseMs: number;
  /** Told of every attempt's outcome (the process's metrics count them). */
  onOutcome: (event: string, outcome: DeliveryOutcome) => void;
}

export type DeliveryOutcome = NoticeEnd | 'retry';

const DEFAULTS: OutboxRelayOptions = { batch: 20, idlePollMs: 5_000, leaseMs: 5 * 60_000, onOutcome: () => undefined };

/** When a notice the SMTP server turned away for now is tried again: 5 s, doubling, at most 10 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 10 * 60_000);
}

export class OutboxRelay {
  private readonly options: OutboxRelayOptions;
  private readonly outbox: OutboxRepository;
  private running: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  /** Something was announced since the pass began: look again before idling. */
  private nudged = false;
  /** When the soonest notice this relay put back for a retry is due. */
  private retryAt = Infinity;
  private readonly listener: NoticeQueueListener;

  constructor(
    ds: DataSource,
    private readonly mailer: Mailer,
    private readonly log: JsonLogger,
    options: Partial<OutboxRelayOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.outbox = new OutboxRepository(ds);
    this.listener = new NoticeQueueListener((ds.options as { url: string }).url, {
      queued: this.nudge,
      connected: () => {
        this.log.info('mail relay listening for notices');
        this.nudge();
      },
      lost: (e) => this.log.warn('mail relay stopped hearing of notices; listening again', { error: e.message }),
    });
  }

  start(): void {
    this.stopping = false;
    this.listener.start();
    this.running ??= this.loop();
  }

  /** Claims nothing more and returns once the notices in hand are sent and recorded. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = null;
    await this.listener.stop();
  }

  /** One pass: claims the notices due and sends them; how many there were. */
  async deliverDue(): Promise<number> {
    const claimed = await this.outbox.claimDue(this.options.batch, this.options.leaseMs);
    const outcomes = await Promise.allSettled(claimed.map((notice) => this.deliver(notice)));
    const failed = outcomes.find((o) => o.status === 'rejected');
    if (failed) throw failed.reason;
    return claimed.length;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      this.nudged = false;
      if (this.retryAt <= Date.now()) this.retryAt = Infinity;
      let sent = 0;
      try {
        sent = await this.deliverDue();
      } catch (e) {
        // PostgreSQL away: nothing was claimed, or the claims lapse with their lease.
        this.log.warn('mail relay pass failed; retrying', { error: (e as Error).message });
        await this.idle(1_000);
      }
      if (sent === 0) await this.idle(Math.min(this.options.idlePollMs, this.retryAt - Date.now()));
    }
  }

  private readonly nudge = (): void => {
    this.nudged = true;
    this.wake?.();
  };

  private idle(ms: number): Promise<void> {
    if (this.nudged || this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  private async deliver(notice: ClaimedNotice): Promise<void> {
    const messageId = `<${notice.id}@plan-eval>`;
    const context = {
      cycleId: notice.cycleId,
      event: notice.event,
      recipient: notice.recipient,
      attempt: notice.attempts,
    };
    try {
      const message = await this.current(notice);
      if (!message) return;
      await this.mailer.send({ ...message, messageId });
    } catch (e) {
      const error = (e as Error).message;
      if (e instanceof PermanentDeliveryError) {
        // Never dropped silently: recorded, and shown to the bureau as undeliverable.
        this.log.warn('notice undeliverable', { ...context, error });
        this.options.onOutcome(notice.event, 'undeliverable');
        await this.record(notice.id, () => this.outbox.markUndeliverable(notice.id, error));
      } else {
        this.log.warn('notice not sent yet', { ...context, error });
        this.options.onOutcome(notice.event, 'retry');
        const delayMs = retryDelayMs(notice.attempts);
        await this.record(notice.id, () => this.outbox.markForRetry(notice.id, error, delayMs));
        this.retryAt = Math.min(this.retryAt, Date.now() + delayMs);
      }
      return;
    }
    this.options.onOutcome(notice.event, 'sent');
    await this.record(notice.id, () => this.outbox.markSent(notice.id, messageId));
  }

  /**
   * The message as it stands now: its items checked again (the notice may
   * have waited for the mail server, or behind its department's assignment),
   * rendered again without those that moved on since it was composed; null,
   * recorded as dropped, when none is left. A message queued without its
   * composition goes as it is.
   */
  private async current(notice: ClaimedNotice): Promise<QueuedMessage | null> {
    const { composition, ...message } = notice.message;
    if (!composition) return message;
    const composed = composition.notice.items;
    const standing = await noticeStandingNow(this.outbox, composition.notice);
    if (standing.nothingLeft) {
      this.log.info('notice dropped: its items moved on', { cycleId: notice.cycleId, event: notice.event });
      this.options.onOutcome(notice.event, 'dropped');
      await this.record(notice.id, () => this.outbox.markDropped(notice.id, standing.dropped));
      return null;
    }
    if (standing.dropped.length === 0 && standing.items.every((item, i) => item === composed[i])) return message;
    const rendered = renderComposition({ ...composition, notice: { ...composition.notice, items: standing.items } });
    await this.outbox.narrow(
      notice.id,
      rendered.subject,
      standing.items.map((i) => i.key),
      standing.dropped,
    );
    return { ...message, subject: rendered.subject, text: rendered.text, html: rendered.html };
  }

  /**
   * An outcome is recorded however long PostgreSQL takes to come back (within
   * the lease): a delivery left unrecorded would be sent again.
   */
  private async record(id: string, write: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await write();
        return;
      } catch (e) {
        if (attempt >= 40) throw e;
        this.log.warn('recording a notice outcome failed; retrying', { id, attempt, error: (e as Error).message });
        await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** attempt, 15_000)));
      }
    }
  }
}
