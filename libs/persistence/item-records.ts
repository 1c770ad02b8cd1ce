/**
 * Writes one applied item command to PostgreSQL: its event, the submitted
 * version, the approval, the item's status. Two writers call it for every
 * command — whoever sent it (CycleClient, right after the workflow answered,
 * so the sender reads its own change) and the department workflow's
 * `recordCommands` activity (which makes it durable if the sender died) —
 * so it is idempotent on the request ID, and an older command written late
 * never overwrites the status a newer one left.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { RecordCommandInput } from '../cycle/activities-contract';
import type { Submission } from '../cycle/submission';
import { ItemEvent, SubmissionVersion } from './entities';

/**
 * True when this call wrote it; false when it was already there. `alongside`
 * writes in the same transaction either way (the sender's audit entry).
 */
export async function recordItemCommand(ds: DataSource, input: RecordCommandInput, alongside?: (em: EntityManager) => Promise<void>): Promise<boolean> {
  const { cycleId, command, requestId } = input;
  const itemKey = command.itemKey;
  const at = new Date(input.at);
  return ds.transaction(async (em) => {
    const inserted = await em
      .createQueryBuilder()
      .insert()
      .into(ItemEvent)
      .values({ requestId, cycleId, itemKey, type: command.type, actor: input.actor, at, statusBefore: input.statusBefore, statusAfter: input.statusAfter, detail: command })
      .orIgnore()
      .returning('id')
      .execute();
    await alongside?.(em);
    if (inserted.raw.length === 0) return false;
    if (command.type === 'submit') {
      await em
        .createQueryBuilder()
        .insert()
        .into(SubmissionVersion)
        .values({ cycleId, itemKey, version: input.version, payload: input.submission as Submission, submittedBy: input.actor.id, submittedAt: at })
        .orIgnore()
        .execute();
      // Written late, after its approval was: the approval (the last before the next submission) applies now.
      await em.query(
        `UPDATE submission_version v SET approved_by = a.actor->>'id', approved_at = a.at
           FROM (SELECT e.actor, e.at FROM item_event e
                  WHERE e.cycle_id = $1 AND e.item_key = $2 AND e.type IN ('review', 'accept') AND e.detail->>'decision' = 'approve' AND e.at > $3
                    AND NOT EXISTS (SELECT 1 FROM item_event s WHERE s.cycle_id = $1 AND s.item_key = $2 AND s.type = 'submit' AND s.at > $3 AND s.at < e.at)
                  ORDER BY e.at DESC LIMIT 1) a
          WHERE v.cycle_id = $1 AND v.item_key = $2 AND v.version = $4`,
        [cycleId, itemKey, at, input.version],
      );
    }
    if ((command.type === 'review' || command.type === 'accept') && command.decision === 'approve') {
      await em.query(
        `UPDATE submission_version SET approved_by = $3, approved_at = $4
          WHERE cycle_id = $1 AND item_key = $2
            AND version = CASE WHEN $5::int > 0 THEN $5::int ELSE (SELECT max(version) FROM submission_version WHERE cycle_id = $1 AND item_key = $2) END`,
        [cycleId, itemKey, input.actor.id, at, input.version],
      );
    }
    await em.query(
      `UPDATE work_item SET status = $3, version = CASE WHEN $4::int > 0 THEN $4::int ELSE version END
        WHERE cycle_id = $1 AND item_key = $2
          AND NOT EXISTS (SELECT 1 FROM item_event e WHERE e.cycle_id = $1 AND e.item_key = $2 AND e.at > $5)`,
      [cycleId, itemKey, input.statusAfter, input.version, at],
    );
    return true;
  });
}
