/**
 * Whether a notice is still true when the outbox composes or sends it: its
 * items' latest recorded commands, against the state the notice is about.
 */
import type { NoticeInput } from '../cycle/activities-contract';
import { NOTICE_ITEM_STATES, noticeStanding, type NoticeStanding, type RecordedState } from '../cycle/notice-standing';
import type { OutboxRepository } from '../persistence/repositories/outbox.repository';

/** The notice's items as they stand now; a notice stating a fact is not looked up. */
export async function noticeStandingNow(
  outbox: OutboxRepository,
  notice: Pick<NoticeInput, 'cycleId' | 'event' | 'at' | 'items'>,
): Promise<NoticeStanding> {
  const recorded =
    NOTICE_ITEM_STATES[notice.event] && notice.items.length > 0
      ? await outbox.latestItemStates(
          notice.cycleId,
          notice.items.map((i) => i.key),
        )
      : new Map<string, RecordedState>();
  return noticeStanding(notice, recorded);
}
