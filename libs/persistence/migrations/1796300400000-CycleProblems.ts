import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A step of a cycle whose activity ran out of retries (`cycle_problem`): the
 * workflow stops there and waits for the bureau's retry instead of failing
 * or retrying for ever. One row per stop, keyed by the workflow run and its
 * count of stops so that the recording activity, retried, writes it once.
 */
export class CycleProblems1796300400000 implements MigrationInterface {
  name = 'CycleProblems1796300400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cycle_problem" (
        "id" SERIAL NOT NULL,
        "cycle_id" character varying NOT NULL,
        "department" character varying,
        "workflow_id" character varying NOT NULL,
        "run_id" character varying NOT NULL,
        "seq" integer NOT NULL,
        "step" character varying NOT NULL,
        "error" text NOT NULL,
        "attempts" integer NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "retried_at" TIMESTAMP WITH TIME ZONE,
        "retried_by" character varying,
        CONSTRAINT "UQ_cycle_problem_run_seq" UNIQUE ("run_id", "seq"),
        CONSTRAINT "PK_cycle_problem" PRIMARY KEY ("id")
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_cycle_problem_cycle" ON "cycle_problem" ("cycle_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "cycle_problem"`);
  }
}
