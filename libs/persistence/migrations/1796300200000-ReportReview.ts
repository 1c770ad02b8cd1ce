import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The report's review after a cycle closes, as its workflow records it
 * (workflows/report-review.workflow.ts): one `report_review` row per cycle
 * (stage, deadline, the draft version out for comments, the final version
 * with its hashes, the approver's word, which departments answered) and one
 * `report_comment` row per comment, assessment, "no comment" or dispute with
 * the bureau's answer. `revision` orders the workflow's writes: an older one
 * arriving late changes nothing. A report version says its stage: the drafts
 * a close compiles, the final version the review compiles.
 */
export class ReportReview1796300200000 implements MigrationInterface {
  name = 'ReportReview1796300200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_review" (
        "cycle_id" character varying NOT NULL,
        "revision" integer NOT NULL,
        "stage" character varying NOT NULL,
        "deadline" TIMESTAMP WITH TIME ZONE NOT NULL,
        "require_approval" boolean NOT NULL,
        "draft_version" integer NOT NULL,
        "final" jsonb,
        "decision" jsonb,
        "departments" jsonb NOT NULL,
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_report_review" PRIMARY KEY ("cycle_id")
      )`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_comment" (
        "id" character varying NOT NULL,
        "cycle_id" character varying NOT NULL,
        "kind" character varying NOT NULL,
        "department" character varying,
        "author" jsonb NOT NULL,
        "item_key" character varying,
        "section" character varying,
        "text" text NOT NULL,
        "version" integer NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "answer" character varying,
        "answer_reason" text,
        "answered_by" jsonb,
        "answered_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_report_comment" PRIMARY KEY ("id")
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_report_comment_cycle" ON "report_comment" ("cycle_id", "at")`);
    await queryRunner.query(`ALTER TABLE "cycle_report" ADD "stage" character varying NOT NULL DEFAULT 'draft'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cycle_report" DROP COLUMN "stage"`);
    await queryRunner.query(`DROP TABLE "report_comment"`);
    await queryRunner.query(`DROP TABLE "report_review"`);
  }
}
