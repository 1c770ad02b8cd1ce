/**
 * A cycle's report review as PostgreSQL keeps it (report_review,
 * report_comment): written by the review workflow's activity after each
 * change, read by the API and the report without asking the workflow. A
 * write carries the workflow's revision; one older than the row's is a
 * retried or overtaken write and changes nothing.
 */
import type { ReviewComment, ReviewRecord } from '../../cycle/report-review';
import { CycleReport, ReportCommentRow, ReportReviewRow } from '../entities';
import type { Database } from './transactions';

export class ReportReviewRepository {
  constructor(private readonly db: Database) {}

  async record(r: ReviewRecord): Promise<void> {
    await this.db.transaction(async (em) => {
      await em.query(
        `INSERT INTO report_review (cycle_id, revision, stage, deadline, require_approval, draft_version, final, decision, departments)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (cycle_id) DO UPDATE SET
           revision = EXCLUDED.revision, stage = EXCLUDED.stage, deadline = EXCLUDED.deadline,
           require_approval = EXCLUDED.require_approval, draft_version = EXCLUDED.draft_version,
           final = EXCLUDED.final, decision = EXCLUDED.decision, departments = EXCLUDED.departments, updated_at = now()
         WHERE report_review.revision < EXCLUDED.revision`,
        [
          r.cycleId,
          r.revision,
          r.stage,
          r.deadline,
          r.requireApproval,
          r.draftVersion,
          r.final && JSON.stringify(r.final),
          r.decision && JSON.stringify(r.decision),
          JSON.stringify(r.departments),
        ],
      );
      for (const c of r.comments) await em.query(UPSERT_COMMENT, commentValues(r.cycleId, c));
    });
  }

  review(cycleId: string): Promise<ReportReviewRow | null> {
    return this.db.getRepository(ReportReviewRow).findOneBy({ cycleId });
  }

  /** The review's comments, oldest first; one department's (and the evaluator's assessments) when named. */
  comments(cycleId: string, department?: string): Promise<ReportCommentRow[]> {
    const q = this.db
      .getRepository(ReportCommentRow)
      .createQueryBuilder('c')
      .where('c.cycle_id = :cycleId', { cycleId })
      .orderBy('c.at', 'ASC')
      .addOrderBy('c.id', 'ASC');
    if (department) q.andWhere('c.department = :department', { department });
    return q.getMany();
  }

  /** The cycle's latest compiled version, whatever its stage. */
  latestReport(cycleId: string): Promise<CycleReport | null> {
    return this.db.getRepository(CycleReport).findOne({ where: { cycleId }, order: { version: 'DESC' } });
  }

  /** A version compiled at a later stage, kept once per version beside the cycle's drafts. */
  async addReportVersion(report: {
    cycleId: string;
    version: number;
    contentHash: string;
    path: string;
    timeliness: object;
    stage: 'final';
  }): Promise<void> {
    await this.db.createQueryBuilder().insert().into(CycleReport).values(report).orIgnore().execute();
  }
}

const UPSERT_COMMENT = `INSERT INTO report_comment
    (id, cycle_id, kind, department, author, item_key, section, text, version, at, answer, answer_reason, answered_by, answered_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
  ON CONFLICT (id) DO UPDATE SET
    answer = EXCLUDED.answer, answer_reason = EXCLUDED.answer_reason,
    answered_by = EXCLUDED.answered_by, answered_at = EXCLUDED.answered_at
  WHERE report_comment.answer IS NULL`;

function commentValues(cycleId: string, c: ReviewComment): unknown[] {
  return [
    c.id,
    cycleId,
    c.kind,
    c.department,
    JSON.stringify(c.author),
    c.itemKey,
    c.section,
    c.text,
    c.version,
    new Date(c.at),
    c.answer?.answer ?? null,
    c.answer?.reason ?? null,
    c.answer ? JSON.stringify(c.answer.by) : null,
    c.answer ? new Date(c.answer.at) : null,
  ];
}
