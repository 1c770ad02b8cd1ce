import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bureau's resends: a notice the API writes carries the request that
 * made it (a retried request finds its row), and its `seq` counts down from
 * -1, so it never meets the numbers the workflows count up from 1. Messages
 * of notices already dealt with are dropped: their links are usable, and
 * only the mail itself may keep them.
 */
export class NoticeResends1796100000000 implements MigrationInterface {
  name = 'NoticeResends1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notice" ADD "request_id" character varying`);
    await queryRunner.query(`ALTER TABLE "notice" ADD CONSTRAINT "UQ_notice_request_id" UNIQUE ("request_id")`);
    await queryRunner.query(`UPDATE "notice" SET "message" = NULL WHERE "status" <> 'pending'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notice" DROP CONSTRAINT "UQ_notice_request_id"`);
    await queryRunner.query(`ALTER TABLE "notice" DROP COLUMN "request_id"`);
  }
}
