/**
 * Whether what a notice says of its items is still true when it is composed
 * and again when the relay sends it. A digest waits for its window and a
 * notice for the mail server, while people go on acting: an item approved
 * meanwhile has no place in a 待审核 mail, nor a resubmitted one in a 已退回
 * mail. Pure: the caller reads each item's latest recorded event.
 */
import type { NoticeEvent, NoticeItem } from './activities-contract';
import type { ItemStatus } from './department-state';

/**
 * A notice's life in the outbox: `pending` until the relay takes it, then sent,
 * undeliverable (the mail server refused it for good) or `dropped` (every item
 * it was about had moved on before it left; nothing was sent).
 */
export const NOTICE_STATUSES = ['pending', 'sent', 'undeliverable', 'dropped'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
/** How a notice that left the queue ended. */
export type NoticeEnd = Exclude<NoticeStatus, 'pending'>;

const OWED: ItemStatus[] = ['assigned', 'draft', 'returned'];

/**
 * The states an item must still be in for each notice to list it; null for
 * notices that state a fact whatever happened since (an assignment, a request
 * for input, a cancellation, a refused record, the report).
 */
export const NOTICE_ITEM_STATES: Record<NoticeEvent, readonly ItemStatus[] | null> = {
  // The review's notices are about the report, not the items' state: the review stops chasing who answered.
  comment_request: null,
  comment_reminder: null,
  comment_overdue: null,
  comment_escalate_supervisor: null,
  comment_escalate_bureau: null,
  report_final: null,
  assignment: null,
  contribution_request: null,
  reminder: OWED,
  overdue: OWED,
  escalate_supervisor: OWED,
  escalate_bureau: OWED,
  deadline_changed: OWED,
  submitted_for_review: ['submitted'],
  review_reminder: ['submitted'],
  rejected: ['returned'],
  reopened: ['returned'],
  approved: ['approved', 'accepted'],
  record_refused: null,
  activity_failed: null,
  cycle_cancelled: null,
  report_ready: null,
  adjustment_proposed: null,
  adjustment_for_approval: null,
  adjustment_returned: null,
  adjustment_approved: null,
};

/** An item's latest recorded command: the state it left, at the workflow time it was applied. */
export interface RecordedState {
  status: ItemStatus;
  at: number;
}

export interface NoticeStanding {
  /** The items still to be listed, each with its state now. */
  items: NoticeItem[];
  /** Keys of the items left out: no longer in the state the notice is about. */
  dropped: string[];
  /** Every item it was about has moved on: the notice is not sent at all. */
  nothingLeft: boolean;
}

/**
 * The notice's items as they stand now (a notice stating a fact, as it was
 * composed). The notice carries each item's state
 * when the workflow composed it (at `at`); a command recorded after that
 * instant is newer and decides. A record not yet written (its sender died;
 * the workflow writes it within a minute) can only be older than the notice,
 * so it never drops an item the workflow knows to be in the notice's state.
 */
export function noticeStanding(
  notice: { event: NoticeEvent; at: number; items: NoticeItem[] },
  recorded: ReadonlyMap<string, RecordedState>,
): NoticeStanding {
  const states = NOTICE_ITEM_STATES[notice.event];
  if (!states) return { items: notice.items, dropped: [], nothingLeft: false };
  const items: NoticeItem[] = [];
  const dropped: string[] = [];
  for (const item of notice.items) {
    const latest = recorded.get(item.key);
    const status = latest && latest.at > notice.at ? latest.status : item.status;
    if (!states.includes(status)) dropped.push(item.key);
    else items.push(status === item.status ? item : { ...item, status });
  }
  return { items, dropped, nothingLeft: dropped.length > 0 && items.length === 0 };
}
