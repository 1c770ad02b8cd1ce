/**
 * What was done to an item: its events (item_event), submitted versions and
 * their approvals (submission_version), the status each command leaves on the
 * item, and its evidence files' records (the files are on disk, by SHA-256).
 *
 * Two writers record every applied item command — whoever sent it
 * (CycleClient, right after the workflow answered, so the sender reads its
 * own change) and the department workflow's `recordCommands` activity (which
 * makes it durable if the sender died) — so `recordCommand` is idempotent on
 * the request ID, and an older command written late never overwrites the
 * status a newer one left.
 */
import { AUDIT_COLUMNS, auditValues, type AuditRecord } from '../../access/audit-log';
import type { RecordCommandInput } from '../../cycle/activities-contract';
import type { Submission } from '../../cycle/submission';
import { EvidenceFile, ItemEvent, SubmissionVersion } from '../entities';
import type { Database } from './transactions';

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

/** An approved version with who submitted and approved it, as they were when they acted. */
export interface ApprovedVersion {
  itemKey: string;
  version: number;
  payload: Submission;
  submittedBy: string;
  approvedBy: string;
  submittedAt: Date;
  approvedAt: Date;
  submitter: { name: string; department: string } | null;
  approver: { name: string; department: string } | null;
}

export class SubmissionRepository {
  constructor(private readonly db: Database) {}

  /** True when this call wrote the record; false when it was already there. `audit` is written either way. */
  async recordCommand(input: RecordCommandInput, audit?: AuditRecord): Promise<boolean> {
    const { command } = input;
    const approves = (command.type === 'review' || command.type === 'accept') && command.decision === 'approve';
    const [{ written }]: Array<{ written: number }> = await this.db.query(RECORD_COMMAND, [
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
  async markForAttention(input: RecordCommandInput, error: string): Promise<void> {
    const attention = {
      reason: 'record_refused',
      requestId: input.requestId,
      command: input.command.type,
      error,
      at: new Date(input.at).toISOString(),
    };
    await this.db.query(`UPDATE work_item SET attention = $3::jsonb WHERE cycle_id = $1 AND item_key = $2`, [
      input.cycleId,
      input.command.itemKey,
      JSON.stringify(attention),
    ]);
  }

  /** How many versions the cycle's items have had submitted. */
  versionCount(cycleId: string): Promise<number> {
    return this.db.getRepository(SubmissionVersion).countBy({ cycleId });
  }

  /** An item's versions, oldest first. */
  versions(cycleId: string, itemKey: string): Promise<SubmissionVersion[]> {
    return this.db.getRepository(SubmissionVersion).find({ where: { cycleId, itemKey }, order: { version: 'ASC' } });
  }

  latestVersion(cycleId: string, itemKey: string): Promise<SubmissionVersion | null> {
    return this.db
      .getRepository(SubmissionVersion)
      .findOne({ where: { cycleId, itemKey }, order: { version: 'DESC' } });
  }

  /** An item's events, oldest first. */
  events(cycleId: string, itemKey: string): Promise<ItemEvent[]> {
    return this.db.getRepository(ItemEvent).find({ where: { cycleId, itemKey }, order: { at: 'ASC' } });
  }

  /** The draft saved since the item's last submission, if any. */
  async latestDraft(cycleId: string, itemKey: string): Promise<Submission | null> {
    const last = await this.db.getRepository(ItemEvent).findOne({
      where: [
        { cycleId, itemKey, type: 'save_draft' },
        { cycleId, itemKey, type: 'submit' },
      ],
      order: { at: 'DESC' },
    });
    return last?.type === 'save_draft' ? ((last.detail as { submission: Submission }).submission ?? null) : null;
  }

  /** Each item's latest approved version, with the actors of its submit and approve events at its times. */
  approvedVersions(cycleId: string): Promise<ApprovedVersion[]> {
    return this.db.query(
      `SELECT DISTINCT ON (v.item_key) v.item_key AS "itemKey", v.version, v.payload, v.submitted_by AS "submittedBy",
              v.approved_by AS "approvedBy", v.submitted_at AS "submittedAt", v.approved_at AS "approvedAt",
              s.actor AS submitter, a.actor AS approver
         FROM submission_version v
         LEFT JOIN LATERAL (SELECT e.actor FROM item_event e WHERE e.cycle_id = v.cycle_id AND e.item_key = v.item_key
                               AND e.type = 'submit' AND e.at = v.submitted_at LIMIT 1) s ON true
         LEFT JOIN LATERAL (SELECT e.actor FROM item_event e WHERE e.cycle_id = v.cycle_id AND e.item_key = v.item_key
                               AND e.type IN ('review', 'accept') AND e.at = v.approved_at LIMIT 1) a ON true
        WHERE v.cycle_id = $1 AND v.approved_at IS NOT NULL
        ORDER BY v.item_key, v.version DESC`,
      [cycleId],
    );
  }

  /**
   * The latest approved payload of each item of one kind in the plan's annual
   * cycles up to `toYear`, by year and item number.
   */
  approvedInAnnuals<P>(
    planCode: string,
    toYear: number,
    kind: 'indicator' | 'project',
  ): Promise<Array<{ no: number; year: number; payload: P }>> {
    // The item's kind and number are its work item's columns: the key is never taken apart.
    return this.db.query(
      `SELECT DISTINCT ON (c.to_year, s.item_key) c.to_year AS year, w.item_no AS no, s.payload
         FROM submission_version s JOIN evaluation_cycle c ON c.id = s.cycle_id
         JOIN work_item w ON w.cycle_id = s.cycle_id AND w.item_key = s.item_key
        WHERE c.plan_code = $1 AND c.kind = 'annual' AND c.to_year <= $2 AND s.approved_at IS NOT NULL AND w.item_kind = $3
        ORDER BY c.to_year, s.item_key, s.version DESC`,
      [planCode, toYear, kind],
    );
  }

  /** The value last approved for the item in the plan's cycles ending in `year`, if it is a number. */
  async approvedValue(planCode: string, year: number, itemKey: string): Promise<number | null> {
    const [row]: Array<{ value: unknown }> = await this.db.query(
      `SELECT s.payload->'value' AS value FROM submission_version s JOIN evaluation_cycle c ON c.id = s.cycle_id
        WHERE c.plan_code = $1 AND c.to_year = $2 AND s.item_key = $3 AND s.approved_at IS NOT NULL
        ORDER BY s.approved_at DESC LIMIT 1`,
      [planCode, year, itemKey],
    );
    return typeof row?.value === 'number' ? row.value : null;
  }

  /** Each co-operating department's latest word on each item. */
  contributions(cycleId: string): Promise<Array<{ itemKey: string; department: string; text: string }>> {
    return this.db.query(
      `SELECT DISTINCT ON (item_key, actor->>'department') item_key AS "itemKey", actor->>'department' AS department, detail->>'text' AS text
         FROM item_event WHERE cycle_id = $1 AND type = 'contribute'
        ORDER BY item_key, actor->>'department', at DESC`,
      [cycleId],
    );
  }

  /** When the department last contributed to each of the items it has contributed to. */
  async lastContributed(cycleId: string, department: string, itemKeys: string[]): Promise<Map<string, Date>> {
    if (itemKeys.length === 0) return new Map();
    const rows: Array<{ itemKey: string; at: Date }> = await this.db
      .getRepository(ItemEvent)
      .createQueryBuilder('e')
      .select('e.itemKey', 'itemKey')
      .addSelect('max(e.at)', 'at')
      .where('e.cycleId = :cycleId AND e.type = :type AND e.itemKey IN (:...keys)', {
        cycleId,
        type: 'contribute',
        keys: itemKeys,
      })
      .andWhere("e.actor ->> 'department' = :department", { department })
      .groupBy('e.itemKey')
      .getRawMany();
    return new Map(rows.map((r) => [r.itemKey, new Date(r.at)]));
  }

  /** An evidence file's record, once its bytes are stored. */
  addEvidence(file: Omit<EvidenceFile, 'id' | 'uploadedAt'>): Promise<EvidenceFile> {
    return this.db.getRepository(EvidenceFile).save(file);
  }

  /** An item's evidence files, oldest first. */
  evidenceOf(cycleId: string, itemKey: string): Promise<EvidenceFile[]> {
    return this.db.getRepository(EvidenceFile).find({ where: { cycleId, itemKey }, order: { uploadedAt: 'ASC' } });
  }

  evidenceFile(cycleId: string, itemKey: string, fileId: string): Promise<EvidenceFile | null> {
    return this.db.getRepository(EvidenceFile).findOneBy({ id: fileId, cycleId, itemKey });
  }
}
