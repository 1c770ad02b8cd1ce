/**
 * What the operators' business metrics are made of, read across every running
 * cycle at each scrape of the API's /api/metrics (libs/observability/business-metrics.ts
 * turns it into gauges). Each query reads running cycles' rows through the
 * indexes that lead with the cycle, or the outbox's partial index of what is pending,
 * so a scrape costs the same however many closed cycles lie behind.
 */
import type { CycleKind } from '../../cycle/cycle-definition';
import type { ItemStatus } from '../../cycle/department-state';
import type { Database } from './transactions';

/** A running cycle's items of one department in one state, with the deadline in force for the department. */
export interface DepartmentItems {
  cycleId: string;
  department: string;
  status: ItemStatus;
  items: number;
  deadline: Date;
}

export interface OperationsSnapshot {
  runningCycles: Array<{ kind: CycleKind; cycles: number }>;
  items: DepartmentItems[];
  /** When the submission that has waited longest for its supervisor's review (待审核) was submitted. */
  oldestUnansweredSubmittedAt: Date | null;
  /** Notices waiting in the outbox (all of them, the bureau's own mail included). */
  noticesPending: number;
  /** Notices the mail server refused for good in running cycles: people who never heard of their items. */
  noticesUndeliverable: number;
  /** Running cycles' items whose record PostgreSQL refused as data (the recordCommands activity gave up on them). */
  itemsNeedingAttention: number;
  /** Running cycles' steps stopped after their activity's retries ran out, waiting for the bureau's retry. */
  cycleProblems: number;
}

const RUNNING = `SELECT id FROM evaluation_cycle WHERE status = 'running'`;

export class OperationsRepository {
  constructor(private readonly db: Database) {}

  async snapshot(): Promise<OperationsSnapshot> {
    const [runningCycles, items, [counts]] = await Promise.all([
      this.db.query(
        `SELECT kind, count(*)::int AS cycles FROM evaluation_cycle WHERE status = 'running' GROUP BY kind`,
      ) as Promise<OperationsSnapshot['runningCycles']>,
      this.db.query(
        `SELECT w.cycle_id AS "cycleId", w.department, w.status, count(*)::int AS items,
                coalesce((c.department_deadlines->>w.department)::timestamptz, c.deadline) AS deadline
           FROM work_item w JOIN evaluation_cycle c ON c.id = w.cycle_id
          WHERE c.status = 'running'
          GROUP BY w.cycle_id, w.department, w.status, c.department_deadlines, c.deadline`,
      ) as Promise<DepartmentItems[]>,
      this.db.query(
        `SELECT
           (SELECT min(latest.at)
              FROM work_item w
              CROSS JOIN LATERAL (SELECT max(v.submitted_at) AS at FROM submission_version v
                                   WHERE v.cycle_id = w.cycle_id AND v.item_key = w.item_key) latest
             WHERE w.cycle_id IN (${RUNNING}) AND w.status = 'submitted') AS "oldestUnansweredSubmittedAt",
           (SELECT count(*)::int FROM notice WHERE status = 'pending') AS "noticesPending",
           (SELECT count(*)::int FROM notice WHERE cycle_id IN (${RUNNING}) AND status = 'undeliverable') AS "noticesUndeliverable",
           (SELECT count(*)::int FROM work_item WHERE cycle_id IN (${RUNNING}) AND attention IS NOT NULL) AS "itemsNeedingAttention",
           (SELECT count(*)::int FROM cycle_problem WHERE cycle_id IN (${RUNNING}) AND retried_at IS NULL) AS "cycleProblems"`,
      ) as Promise<Array<Omit<OperationsSnapshot, 'runningCycles' | 'items'>>>,
    ]);
    return { runningCycles, items, ...counts };
  }
}
