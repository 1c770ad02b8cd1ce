import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notice is checked against its items' state when it is composed and again
 * when the relay sends it: the items that moved on meanwhile are left out and
 * named (`dropped_items`), and a notice left with none is not sent at all
 * (status `dropped`, with `drop_reason`).
 */
export class DroppedNotices1796230000000 implements MigrationInterface {
  name = 'DroppedNotices1796230000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notice" ADD "dropped_items" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "notice" ADD "drop_reason" character varying`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notice" DROP COLUMN "drop_reason"`);
    await queryRunner.query(`ALTER TABLE "notice" DROP COLUMN "dropped_items"`);
  }
}
