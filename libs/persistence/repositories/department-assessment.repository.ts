/**
 * 监督考核 (department_assessment): the records a cycle's close scores its
 * departments from, and the scores of each compiled report version.
 */
import type { AssessedItem, AssessmentRow } from '../../report/assessment-figures';
import { DepartmentAssessment } from '../entities';
import type { Database } from './transactions';

export class DepartmentAssessmentRepository {
  constructor(private readonly db: Database) {}

  /**
   * Each work item with its lead department, the times a review returned it
   * (a bureau's reopen is not the department's doing, so not counted), and an
   * indicator's unit and the previous value its submissions were checked against.
   */
  assessedItems(cycleId: string): Promise<AssessedItem[]> {
    return this.db.query(
      `SELECT w.item_key AS "itemKey", w.department,
              coalesce(r.returns, 0)::int AS returns,
              w.spec->'indicator'->>'unit' AS unit,
              (w.spec->'indicator'->>'previousValue')::float8 AS "previousValue"
         FROM work_item w
         LEFT JOIN (SELECT item_key, count(*) AS returns FROM item_event
                     WHERE cycle_id = $1 AND type IN ('review', 'accept') AND status_after = 'returned'
                     GROUP BY item_key) r ON r.item_key = w.item_key
        WHERE w.cycle_id = $1
        ORDER BY w.item_key`,
      [cycleId],
    );
  }

  /** A report version's scores; a retried close writes nothing twice. */
  async record(cycleId: string, reportVersion: number, rows: AssessmentRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .createQueryBuilder()
      .insert()
      .into(DepartmentAssessment)
      .values(
        rows.map((r) => ({
          cycleId,
          reportVersion,
          department: r.department,
          ...r.components,
          total: r.total,
          rank: r.rank,
          grade: r.grade,
          weights: r.weights,
          facts: r.facts,
        })),
      )
      .orIgnore()
      .execute();
  }

  /** The scores of the cycle's latest report version that has any, best first; none before the first close. */
  async latest(cycleId: string): Promise<DepartmentAssessment[]> {
    return this.db.query(
      `SELECT cycle_id AS "cycleId", report_version AS "reportVersion", department,
              timeliness::float8 AS timeliness, completeness::float8 AS completeness, quality::float8 AS quality,
              results::float8 AS results, total::float8 AS total, rank, grade, weights, facts, created_at AS "createdAt"
         FROM department_assessment
        WHERE cycle_id = $1
          AND report_version = (SELECT max(report_version) FROM department_assessment WHERE cycle_id = $1)
        ORDER BY rank, department`,
      [cycleId],
    );
  }
}
