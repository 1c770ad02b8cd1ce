/**
 * Writes one applied item command to PostgreSQL: its event, the submitted
 * version, the approval, the item's status. Two writers call it for every
 * command — whoever sent it (CycleClient, right after the workflow answered,
 * so the sender reads its own change) and the department workflow's
 * `recordCommands` activity (which makes it durable if the sender died) —
 * so it is idempotent on the request ID, and an older command written late
 * never overwrites the status a newer one left.
 */
import type { DataSource } from 'typeorm';
import { AUDIT_COLUMNS, auditValues, type AuditRecord } from '../access/audit-log';
import type { RecordCommandInput } from '../cycle/activities-contract';

/**
 * The whole record, and the sender's audit entry, as one statement: atomic
 * without a transaction, and one round trip, not eight, which the API pays on
 * every submission while its caller waits. Each part after the event is
 * written only if the event was (`EXISTS (SELECT 1 FROM event)`): a second
 * writer changes nothing. The audit entry (none from the workflow's writes) is
 * idempotent on its own request ID.
 */
const RECORD_COMMAND = `
WITH event AS (
  INSERT INTO item_event (request_id, cycle_id, item_key, type, actor, at, status_before, status_after, detail)
  VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9::jsonb)
  ON CONFLICT DO NOTHING
  RETURNING id
),
-- A submission's version. Written late, after its approval was, it carries that
-- approval: the last one before the next submission.
submitted AS (
  INSERT INTO submission_version (cycle_id, item_key, version, payload, submitted_by, submitted_at, approved_by, approved_at)
  SELECT $2, $3, $10, $11::jsonb, $12, $6, late.actor->>'id', late.at
    FROM event
    LEFT JOIN LATERAL (
      SELECT e.actor, e.at FROM item_event e
       WHERE e.cycle_id = $2 AND e.item_key = $3 AND e.type IN ('review', 'accept') AND e.detail->>'decision' = 'approve' AND e.at > $6
         AND NOT EXISTS (SELECT 1 FROM item_event s WHERE s.cycle_id = $2 AND s.item_key = $3 AND s.type = 'submit' AND s.at > $6 AND s.at < e.at)
       ORDER BY e.at DESC LIMIT 1
    ) late ON true
   WHERE $13::boolean
  ON CONFLICT DO NOTHING
),
-- An approval: of the version it names (runs before record-after-answer name none: the latest).
approved AS (
  UPDATE submission_version SET approved_by = $12, approved_at = $6
   WHERE $14::boolean AND EXISTS (SELECT 1 FROM event) AND cycle_id = $2 AND item_key = $3
     AND version = CASE WHEN $10::int > 0 THEN $10::int ELSE (SELECT max(version) FROM submission_version WHERE cycle_id = $2 AND item_key = $3) END
),
-- The item's status, unless a later command is already recorded; updated_at is when it changed (the inbox shows it).
status AS (
  UPDATE work_item SET status = $8, version = CASE WHEN $10::int > 0 THEN $10::int ELSE version END, updated_at = $6
   WHERE EXISTS (SELECT 1 FROM event) AND cycle_id = $2 AND item_key = $3
     AND NOT EXISTS (SELECT 1 FROM item_event e WHERE e.cycle_id = $2 AND e.item_key = $3 AND e.at > $6)
),
audit AS (
  INSERT INTO audit_entry (${AUDIT_COLUMNS})
  SELECT $15, $16, $17, $18, $19, $20, $21, $22::jsonb, $23::jsonb WHERE $15::varchar IS NOT NULL
  ON CONFLICT DO NOTHING
)
SELECT count(*)::int AS written FROM event`;

/** True when this call wrote the record; false when it was already there. `audit` is written either way. */
export async function recordItemCommand(
  ds: DataSource,
  input: RecordCommandInput,
  audit?: AuditRecord,
): Promise<boolean> {
  const { command } = input;
  const approves = (command.type === 'review' || command.type === 'accept') && command.decision === 'approve';
  const [{ written }]: Array<{ written: number }> = await ds.query(RECORD_COMMAND, [
    input.requestId,
    input.cycleId,
    command.itemKey,
    command.type,
    JSON.stringify(input.actor),
    new Date(input.at),
    input.statusBefore,
    input.statusAfter,
    JSON.stringify(command),
    input.version,
    JSON.stringify(input.submission),
    input.actor.id,
    command.type === 'submit',
    approves,
    ...(audit ? auditValues(audit) : Array(9).fill(null)),
  ]);
  return written > 0;
}

/** An item whose record PostgreSQL refused as data: marked for the bureau, with what was refused (idempotent). */
export async function markForAttention(ds: DataSource, input: RecordCommandInput, error: string): Promise<void> {
  const attention = {
    reason: 'record_refused',
    requestId: input.requestId,
    command: input.command.type,
    error,
    at: new Date(input.at).toISOString(),
  };
  await ds.query(`UPDATE work_item SET attention = $3::jsonb WHERE cycle_id = $1 AND item_key = $2`, [
    input.cycleId,
    input.command.itemKey,
    JSON.stringify(attention),
  ]);
}
