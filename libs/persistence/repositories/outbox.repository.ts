/**
 * The outbox (notice): what the workflows' activities and the API queue for
 * the mail relay, and what it did with each.
 */
import type { NoticeInput } from '../../cycle/activities-contract';
import type { NoticeStatus } from '../../cycle/notice-standing';
import type { ComposedNotice } from '../../mail/notice-outbox';
import { Notice } from '../entities';
import { findPage, type Page, type PageRequest } from './page';
import type { Database } from './transactions';

/** What a list of notices shows of each: never `message`, whose links act for the department. */
const NOTICE_RECORD = [
  'id',
  'department',
  'audience',
  'recipient',
  'event',
  'seq',
  'subject',
  'itemKeys',
  'status',
  'droppedItems',
  'dropReason',
  'attempts',
  'error',
  'createdAt',
  'sentAt',
  'requestId',
] as const satisfies ReadonlyArray<keyof Notice>;

export type NoticeRecord = Pick<Notice, (typeof NOTICE_RECORD)[number]>;

/** A queued notice as the outbox holds it. */
export interface QueuedNoticeRow {
  id: string;
  status: NoticeStatus;
  attempts: number;
  /** A relay has taken it and is sending it now. */
  claimed: boolean;
}

export class OutboxRepository {
  constructor(private readonly db: Database) {}

  /**
   * The notice's row, written once with its message: a repeat (a retried
   * activity) finds it, and only asks the relay to try again now if it is
   * still pending. A notice whose items have all moved on is recorded as dropped.
   */
  async queueNotice(
    notice: Pick<NoticeInput, 'cycleId' | 'department' | 'event' | 'seq' | 'audience'>,
    { recipient, subject, itemKeys, message, droppedItems }: ComposedNotice,
  ): Promise<QueuedNoticeRow> {
    const [row]: QueuedNoticeRow[] = await this.db.query(
      `INSERT INTO notice (cycle_id, department, recipient, event, seq, audience, subject, item_keys, message, dropped_items, status, drop_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
               CASE WHEN $9::jsonb IS NULL THEN 'dropped' ELSE 'pending' END, CASE WHEN $9::jsonb IS NULL THEN 'moved_on' END)
       ON CONFLICT (cycle_id, department, recipient, event, seq) DO UPDATE
         -- Once the relay has dealt with it the message (and its links) is gone for good.
         SET message = CASE WHEN notice.status = 'pending' THEN coalesce(notice.message, EXCLUDED.message) END,
             next_attempt_at = CASE WHEN notice.status = 'pending' THEN now() ELSE notice.next_attempt_at END
       RETURNING id, status, attempts, claimed_until IS NOT NULL AS claimed`,
      [
        notice.cycleId,
        notice.department,
        recipient,
        notice.event,
        notice.seq,
        notice.audience,
        subject,
        itemKeys,
        message,
        droppedItems,
      ],
    );
    return row;
  }

  /** The last sequence number the department's notices reached, by `audience/event`. */
  async lastSeqs(cycleId: string, department: string): Promise<Record<string, number>> {
    const rows: Array<{ audience: string; event: string; seq: number }> = await this.db.query(
      `SELECT audience, event, max(seq)::int AS seq FROM notice WHERE cycle_id = $1 AND department = $2 GROUP BY audience, event`,
      [cycleId, department],
    );
    return Object.fromEntries(rows.map((s) => [`${s.audience}/${s.event}`, s.seq]));
  }

  /** How many of the cycle's notices were sent, and how many the mail server refused for good. */
  async deliveryCounts(cycleId: string): Promise<{ sent: number; undeliverable: number }> {
    const [counts] = await this.db.query(
      `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status = 'undeliverable')::int AS undeliverable FROM notice WHERE cycle_id = $1`,
      [cycleId],
    );
    return counts;
  }

  /** The cycle's assignment notices sent, and the items they listed. */
  async sentAssignments(cycleId: string): Promise<{ notices: number; items: number }> {
    const [counts] = await this.db.query(
      `SELECT count(*)::int AS notices, coalesce(sum(cardinality(item_keys)), 0)::int AS items
         FROM notice WHERE cycle_id = $1 AND event = 'assignment' AND status = 'sent'`,
      [cycleId],
    );
    return counts;
  }

  /** A page of the cycle's notices, oldest first, without their messages. */
  records(
    cycleId: string,
    filter: { status?: NoticeStatus; department?: string },
    q: PageRequest,
  ): Promise<Page<NoticeRecord>> {
    const where = {
      cycleId,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.department ? { department: filter.department } : {}),
    };
    return findPage(this.db.getRepository(Notice), q, {
      where,
      select: [...NOTICE_RECORD],
      order: { createdAt: 'ASC' },
    });
  }
}
