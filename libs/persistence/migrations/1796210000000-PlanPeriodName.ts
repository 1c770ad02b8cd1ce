import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The plan period's short name (十四五 / 14th FYP), which the report and the
 * plan's own checks print instead of words fixed in code. Nullable: a plan
 * imported before it reads back only once imported again (nothing released).
 */
export class PlanPeriodName1796210000000 implements MigrationInterface {
  name = 'PlanPeriodName1796210000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plan" ADD "period_name" text, ADD "period_name_en" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plan" DROP COLUMN "period_name", DROP COLUMN "period_name_en"`);
  }
}
