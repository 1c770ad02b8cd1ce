import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A main target (附件2) names the indicators that measure it, so the report
 * can judge the target from them. Targets imported before keep an empty list
 * until their plan is imported again.
 */
export class TargetIndicators1796200000000 implements MigrationInterface {
  name = 'TargetIndicators1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "main_target" ADD "indicator_nos" integer[] NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "main_target" DROP COLUMN "indicator_nos"`);
  }
}
