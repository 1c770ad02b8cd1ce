import { MigrationInterface, QueryRunner } from 'typeorm';

/** 监督考核: each lead department's score per compiled report version of a cycle (DepartmentAssessment). */
export class DepartmentAssessment1796300000000 implements MigrationInterface {
  name = 'DepartmentAssessment1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "department_assessment" ("cycle_id" character varying NOT NULL, "report_version" integer NOT NULL, "department" character varying NOT NULL, "timeliness" numeric(4,1) NOT NULL, "completeness" numeric(4,1) NOT NULL, "quality" numeric(4,1) NOT NULL, "results" numeric(4,1), "total" numeric(4,1) NOT NULL, "rank" integer NOT NULL, "grade" character varying NOT NULL, "weights" jsonb NOT NULL, "facts" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_department_assessment" PRIMARY KEY ("cycle_id", "report_version", "department"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "department_assessment"`);
  }
}
