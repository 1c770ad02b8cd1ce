/**
 * The outbox (notice): what the workflows' activities and the API queue for
 * the mail relay, and what it did with each.
 */
import type { NoticeInput } from '../../cycle/activities-contract';
import type { ItemStatus } from '../../cycle/department-state';
import type { NoticeStatus, RecordedState } from '../../cycle/notice-standing';
import type { QueuedNotice } from '../../mail/notice-message';
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

/** A notice a relay has claimed: it sends `message` and records what came of it. */
export interface ClaimedNotice {
  id: string;
  cycleId: string;
  event: string;
  recipient: string;
  /** This attempt included. */
  attempts: number;
  message: QueuedNotice;
}

/** A notice as an activity waiting for its delivery finds it. */
export interface NoticeProgress {
  id: string;
  status: NoticeStatus;
  attempts: number;
  /** Why the last attempt failed, if it did. */
  error: string | null;
  /** A relay holds it now. */
  claimed: boolean;
  /** Held back until its department's assignment has gone. */
  held: boolean;
}

/** The notice a resend repeats. */
export interface ResentNotice {
  department: string;
  audience: NoticeInput['audience'];
  event: NoticeInput['event'];
  itemKeys: string[];
}

/** An item a resend lists again, with the reason its department was last given (a return, a reopen). */
export interface ResendItem {
  key: string;
  title: string;
  status: NoticeInput['items'][number]['status'];
  reason: string | null;
}

/** A department of the cycle as 立即催办 (remind now) finds it. */
export interface ReminderTarget {
  department: string;
  departmentName: string | null;
  departmentNameEn: string | null;
  /** Items its submitter still owes. */
  owed: number;
  /** Its assignment has not gone yet. */
  beforeAssignment: boolean;
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

  /**
   * Claims up to `batch` due notices for `leaseMs`, each claim counted as an
   * attempt; rows another relay holds are skipped, and so are notices
   * waiting for their department's assignment.
   */
  claimDue(batch: number, leaseMs: number): Promise<ClaimedNotice[]> {
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count].
    return this.db.query(
      `WITH claimed AS (
         UPDATE notice n SET claimed_until = now() + $2 * interval '1 millisecond', attempts = n.attempts + 1
          WHERE n.id IN (SELECT q.id FROM notice q
                          WHERE q.status = 'pending' AND q.message IS NOT NULL AND q.next_attempt_at <= now()
                            AND (q.claimed_until IS NULL OR q.claimed_until < now())
                            AND NOT ${awaitsAssignment('q')}
                          ORDER BY q.next_attempt_at, q.created_at LIMIT $1 FOR UPDATE OF q SKIP LOCKED)
          RETURNING n.id, n.cycle_id AS "cycleId", n.event, n.recipient, n.attempts, n.message
       )
       SELECT * FROM claimed`,
      [batch, leaseMs],
    );
  }

  /** Sent. The message goes with the outcome: its links are usable, and only the mail itself may carry them. */
  async markSent(id: string, messageId: string): Promise<void> {
    await this.db.query(
      `UPDATE notice SET status = 'sent', message_id = $2, sent_at = now(), error = NULL, claimed_until = NULL, message = NULL WHERE id = $1`,
      [id, messageId],
    );
  }

  /** The mail server refused it for good: kept, and shown to the bureau, as undeliverable. */
  async markUndeliverable(id: string, error: string): Promise<void> {
    await this.db.query(
      `UPDATE notice SET status = 'undeliverable', error = $2, claimed_until = NULL, message = NULL WHERE id = $1`,
      [id, error],
    );
  }

  /** The mail server turned it away for now: handed back, due again in `delayMs`. */
  async markForRetry(id: string, error: string, delayMs: number): Promise<void> {
    await this.db.query(
      `UPDATE notice SET error = $2, claimed_until = NULL, next_attempt_at = now() + $3 * interval '1 millisecond' WHERE id = $1`,
      [id, error, delayMs],
    );
  }

  /** Not sent: every item it listed had moved on by the time it went. */
  async markDropped(id: string, droppedItems: string[]): Promise<void> {
    await this.db.query(
      `UPDATE notice SET status = 'dropped', drop_reason = 'moved_on', item_keys = '{}',
              dropped_items = ARRAY(SELECT DISTINCT unnest(dropped_items || $2::text[])), claimed_until = NULL, message = NULL
        WHERE id = $1`,
      [id, droppedItems],
    );
  }

  /** Sent without the items that moved on since it was composed: its subject and items as it goes. */
  async narrow(id: string, subject: string, itemKeys: string[], droppedItems: string[]): Promise<void> {
    await this.db.query(
      `UPDATE notice SET subject = $2, item_keys = $3, dropped_items = ARRAY(SELECT DISTINCT unnest(dropped_items || $4::text[])) WHERE id = $1`,
      [id, subject, itemKeys, droppedItems],
    );
  }

  /** What waits to be sent, and how many seconds the oldest has waited (null when nothing waits). */
  async backlog(): Promise<{ pending: number; oldest: number | null }> {
    const [row]: Array<{ pending: number; oldest: number | null }> = await this.db.query(
      `SELECT count(*)::int AS pending, extract(epoch FROM now() - min(created_at))::float AS oldest FROM notice WHERE status = 'pending' AND message IS NOT NULL`,
    );
    return row;
  }

  /** Where the named notices stand: one query however many notices the worker waits for. */
  progress(ids: string[]): Promise<NoticeProgress[]> {
    return this.db.query(
      `SELECT id, status, attempts, error, claimed_until IS NOT NULL AS claimed, ${awaitsAssignment('notice')} AS held
         FROM notice WHERE id = ANY($1)`,
      [ids],
    );
  }

  /** Each item's latest recorded command: the state it left and the workflow time it was applied. */
  async latestItemStates(cycleId: string, itemKeys: string[]): Promise<Map<string, RecordedState>> {
    const rows: Array<{ key: string; status: ItemStatus; at: Date }> = await this.db.query(
      `SELECT DISTINCT ON (item_key) item_key AS key, status_after AS status, at
         FROM item_event WHERE cycle_id = $1 AND item_key = ANY($2)
        ORDER BY item_key, at DESC`,
      [cycleId, itemKeys],
    );
    return new Map(rows.map((r) => [r.key, { status: r.status, at: r.at.getTime() }]));
  }

  /** The cycle's notice a resend repeats; `noticeId` as the request gave it (not necessarily a UUID). */
  async resendSource(cycleId: string, noticeId: string): Promise<ResentNotice | null> {
    const [row]: ResentNotice[] = await this.db.query(
      `SELECT department, audience, event, item_keys AS "itemKeys" FROM notice WHERE cycle_id = $1 AND id::text = $2`,
      [cycleId, noticeId],
    );
    return row ?? null;
  }

  /** The resend a request already queued, if it did. */
  async resentUnder(requestId: string): Promise<{ id: string; recipient: string; itemKeys: string[] } | null> {
    const [row]: Array<{ id: string; recipient: string; itemKeys: string[] }> = await this.db.query(
      `SELECT id, recipient, item_keys AS "itemKeys" FROM notice WHERE request_id = $1`,
      [requestId],
    );
    return row ?? null;
  }

  /** The cycle's named items in catalog order, each with the reason its last command gave, if any. */
  resendItems(cycleId: string, itemKeys: string[]): Promise<ResendItem[]> {
    return this.db.query(
      `SELECT w.item_key AS key, w.title, w.status,
              (SELECT e.detail->>'reason' FROM item_event e WHERE e.cycle_id = w.cycle_id AND e.item_key = w.item_key ORDER BY e.at DESC LIMIT 1) AS reason
         FROM work_item w WHERE w.cycle_id = $1 AND w.item_key = ANY($2) ORDER BY w.item_kind, w.item_no`,
      [cycleId, itemKeys],
    );
  }

  /**
   * Queues a resend of `original` under the request's ID, so a retried
   * request finds it instead of sending again. Resends count down from -1
   * (the workflows' notices count up from 0); two at once may take the same
   * number, and the loser takes the next. Null when five tries all lost.
   */
  async queueResend(
    cycleId: string,
    original: ResentNotice,
    {
      recipient,
      subject,
      itemKeys,
      message,
    }: Pick<ComposedNotice, 'recipient' | 'subject' | 'itemKeys'> & {
      message: QueuedNotice;
    },
    requestId: string,
  ): Promise<string | null> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const [row]: Array<{ id: string }> = await this.db.query(
        `INSERT INTO notice (cycle_id, department, recipient, event, seq, audience, subject, item_keys, message, request_id)
         SELECT $1::varchar, $2::varchar, $3::varchar, $4::varchar, coalesce(min(seq), 0) - 1, $5, $6, $7, $8, $9
           FROM notice WHERE cycle_id = $1::varchar AND department = $2::varchar AND recipient = $3::varchar AND event = $4::varchar AND seq < 0
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [
          cycleId,
          original.department,
          recipient,
          original.event,
          original.audience,
          subject,
          itemKeys,
          message,
          requestId,
        ],
      );
      const id = row?.id ?? (await this.resentUnder(requestId))?.id;
      if (id) return id;
    }
    return null;
  }

  /** The cycle's departments (or the one named), with the items each one's submitter owes. */
  reminderTargets(cycleId: string, department: string | undefined): Promise<ReminderTarget[]> {
    return this.db.query(
      `SELECT w.department, min(d.name) AS "departmentName", min(d.name_en) AS "departmentNameEn",
              count(*) FILTER (WHERE w.status IN ('assigned', 'draft', 'returned'))::int AS owed,
              NOT EXISTS (SELECT 1 FROM notice a WHERE a.cycle_id = $1 AND a.department = w.department
                             AND a.event = 'assignment' AND a.status <> 'pending') AS "beforeAssignment"
         FROM work_item w LEFT JOIN department d ON d.code = w.department
        WHERE w.cycle_id = $1 AND ($2::varchar IS NULL OR w.department = $2)
        GROUP BY w.department ORDER BY w.department`,
      [cycleId, department ?? null],
    );
  }
}

/**
 * SQL: the notice row aliased `n` waits for its department's assignment.
 * A department's assignment (填报任务) is always its first mail. The cycle
 * mails assignments per group of started departments, retried while the mail
 * server is away; a department's own notices (a reminder, a digest, a request
 * for input) may be queued before its assignment has gone. Such a notice
 * waits in the outbox until the assignment has been dealt with (sent, found
 * undeliverable, or dropped). The bureau's own mail never waits, nor mail to
 * a department that leads nothing in the cycle (it has no assignment).
 */
function awaitsAssignment(n: string): string {
  return `(${n}.event <> 'assignment' AND ${n}.audience <> 'bureau'
    AND EXISTS (SELECT 1 FROM work_item w WHERE w.cycle_id = ${n}.cycle_id AND w.department = ${n}.department)
    AND NOT EXISTS (SELECT 1 FROM notice a WHERE a.cycle_id = ${n}.cycle_id AND a.department = ${n}.department
                      AND a.event = 'assignment' AND a.status <> 'pending'))`;
}
