/**
 * Waiting for the mail relay: an activity that has written a notice into the
 * outbox waits here until the relay has sent it, found it undeliverable, or
 * failed an attempt (the activity then fails, and Temporal's retry nudges the
 * relay again). One query every 50 ms serves every notice the worker process
 * is waiting for, however many there are.
 */
import type { DataSource } from 'typeorm';
import type { NoticeEnd } from '../../libs/cycle/notice-standing';
import { OutboxRepository, type NoticeProgress } from '../../libs/persistence/repositories/outbox.repository';

/** How a notice ended: sent, found undeliverable, or dropped because its items had all moved on. */
export type Delivery = NoticeEnd;

/** The outbox row as the activity left it: a failed attempt must be one that ended after this. */
export interface WaitFrom {
  attempts: number;
  /** A relay held the row already: the attempt under way counts too. */
  claimed: boolean;
}

interface Waiter extends WaitFrom {
  since: number;
  resolve: (delivery: Delivery) => void;
  reject: (error: Error) => void;
}

const POLL_MS = 50;

export class NoticeDeliveries {
  private readonly waiting = new Map<string, Waiter[]>();
  private timer: NodeJS.Timeout | null = null;
  private readonly outbox: OutboxRepository;

  /**
   * `unclaimedMs`: a notice no relay has touched for this long fails its
   * activity with a message an operator can act on (sooner than the
   * one-minute timeouts of the activities that send notices, which would say
   * only "timed out").
   */
  constructor(
    ds: DataSource,
    private readonly unclaimedMs = 45_000,
  ) {
    this.outbox = new OutboxRepository(ds);
  }

  wait(id: string, from: WaitFrom): Promise<Delivery> {
    return new Promise((resolve, reject) => {
      this.waiting.set(id, [...(this.waiting.get(id) ?? []), { ...from, since: Date.now(), resolve, reject }]);
      this.timer ??= setTimeout(() => void this.poll(), POLL_MS);
    });
  }

  private async poll(): Promise<void> {
    try {
      for (const row of await this.outbox.progress([...this.waiting.keys()])) this.settle(row);
    } catch {
      // PostgreSQL away for a moment: the next poll asks again.
    }
    this.timer = this.waiting.size > 0 ? setTimeout(() => void this.poll(), POLL_MS) : null;
  }

  private settle(row: NoticeProgress): void {
    const waiters = this.waiting.get(row.id) ?? [];
    const left = waiters.filter((w) => {
      if (row.status !== 'pending') w.resolve(row.status);
      // Held behind its department's assignment: Temporal's retry asks again, and the relay sends it meanwhile.
      else if (row.held) w.reject(new Error(heldBack(row.id)));
      else if (row.error !== null && !row.claimed && (row.attempts > w.attempts || w.claimed))
        w.reject(new Error(row.error));
      else if (!row.claimed && row.attempts === w.attempts && !w.claimed && Date.now() - w.since > this.unclaimedMs)
        w.reject(new Error(unclaimed(row.id, this.unclaimedMs)));
      else return true;
      return false;
    });
    if (left.length > 0) this.waiting.set(row.id, left);
    else this.waiting.delete(row.id);
  }
}

function heldBack(id: string): string {
  return `通知 ${id} 已写入发件箱，将在本部门的填报任务通知发出后发送 (notice ${id} is queued; it goes once its department's assignment notice has gone)`;
}

function unclaimed(id: string, ms: number): string {
  const seconds = ms / 1000;
  return `通知 ${id} 已写入发件箱，但 ${seconds} 秒内没有邮件中继处理：请检查 mail-relay 进程是否在运行 (no mail relay took notice ${id} within ${seconds} s: is apps/mail-relay running, or far behind?)`;
}
