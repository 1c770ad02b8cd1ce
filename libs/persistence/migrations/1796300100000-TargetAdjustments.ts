import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 动态调整修订: a target adjustment proposed from an evaluation, and each step
 * of its approval (the lead department's supervisor, the approver, the bureau's
 * revision after a return) with who, when and comment. The plan's own target
 * (indicator.target, major_project.plan_period_investment) is never changed:
 * evaluations read the adjustment in force beside it.
 */
export class TargetAdjustments1796300100000 implements MigrationInterface {
  name = 'TargetAdjustments1796300100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "target_adjustment" ("id" SERIAL NOT NULL, "plan_code" character varying NOT NULL, "item_kind" character varying NOT NULL, "item_no" integer NOT NULL, "lead_department" character varying NOT NULL, "original_target" character varying NOT NULL, "adjusted_target" character varying NOT NULL, "effective_year" integer NOT NULL, "reason" text NOT NULL, "cycle_id" character varying NOT NULL, "report_version" integer, "proposed_by" character varying NOT NULL, "proposed_by_name" character varying NOT NULL, "state" character varying NOT NULL DEFAULT 'proposed', "round" integer NOT NULL DEFAULT 1, "workflow_id" character varying NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "approved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_target_adjustment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_target_adjustment_plan_item" ON "target_adjustment" ("plan_code", "item_kind", "item_no")`,
    );
    await queryRunner.query(
      `CREATE TABLE "target_adjustment_step" ("id" SERIAL NOT NULL, "adjustment_id" integer NOT NULL, "request_id" character varying NOT NULL, "kind" character varying NOT NULL, "stage" character varying NOT NULL, "state" character varying NOT NULL, "round" integer NOT NULL, "actor_id" character varying NOT NULL, "actor_name" character varying NOT NULL, "actor_role" character varying NOT NULL, "actor_department" character varying, "comment" text, "revision" jsonb, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_target_adjustment_step" PRIMARY KEY ("id"), CONSTRAINT "UQ_target_adjustment_step_request" UNIQUE ("adjustment_id", "request_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "target_adjustment_step"`);
    await queryRunner.query(`DROP TABLE "target_adjustment"`);
  }
}
