/**
 * What the outbox reads of a notice's items when it composes or sends it:
 * their latest recorded commands (is the notice still true?) and, for a
 * recipient who reads English, their names as the plan's English twins give them.
 */
import type { DataSource } from 'typeorm';
import type { NoticeInput } from '../cycle/activities-contract';
import type { ItemStatus } from '../cycle/department-state';
import { NOTICE_ITEM_STATES, noticeStanding, type NoticeStanding, type RecordedState } from '../cycle/notice-standing';

/** The notice's items as they stand now; a notice stating a fact is not looked up. */
export async function noticeStandingNow(
  ds: DataSource,
  notice: Pick<NoticeInput, 'cycleId' | 'event' | 'at' | 'items'>,
): Promise<NoticeStanding> {
  const recorded =
    NOTICE_ITEM_STATES[notice.event] && notice.items.length > 0
      ? await readRecordedStates(
          ds,
          notice.cycleId,
          notice.items.map((i) => i.key),
        )
      : new Map<string, RecordedState>();
  return noticeStanding(notice, recorded);
}

/** Each item's latest recorded command: the state it left and the workflow time it was applied. */
export async function readRecordedStates(
  ds: DataSource,
  cycleId: string,
  itemKeys: string[],
): Promise<Map<string, RecordedState>> {
  const rows: Array<{ key: string; status: ItemStatus; at: Date }> = await ds.query(
    `SELECT DISTINCT ON (item_key) item_key AS key, status_after AS status, at
       FROM item_event WHERE cycle_id = $1 AND item_key = ANY($2)
      ORDER BY item_key, at DESC`,
    [cycleId, itemKeys],
  );
  return new Map(rows.map((r) => [r.key, { status: r.status, at: r.at.getTime() }]));
}

/**
 * The English name of each item of a cycle's plan, by item key; an item
 * whose plan has no English twin for it is left out (its Chinese title stands).
 */
export async function readEnglishTitles(
  ds: DataSource,
  cycleId: string,
  itemKeys: string[],
): Promise<Map<string, string>> {
  const rows: Array<{ key: string; title: string }> = await ds.query(
    `WITH p AS (SELECT p.id FROM plan p JOIN evaluation_cycle c ON c.plan_code = p.code WHERE c.id = $1),
          named AS (
            SELECT 'indicator-' || no AS key, name_en AS title FROM indicator WHERE "planId" = (SELECT id FROM p)
            UNION ALL SELECT 'task-' || no, title_en FROM main_task WHERE "planId" = (SELECT id FROM p)
            UNION ALL SELECT CASE status WHEN 'planned' THEN 'project-' ELSE 'reserve-' END || no, name_en
                        FROM major_project WHERE "planId" = (SELECT id FROM p)
            UNION ALL SELECT 'service-' || no, name_en FROM basic_service_item WHERE "planId" = (SELECT id FROM p)
          )
     SELECT key, title FROM named WHERE key = ANY($2) AND title IS NOT NULL`,
    [cycleId, itemKeys],
  );
  return new Map(rows.map((r) => [r.key, r.title]));
}
