import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox becomes the relay's queue: each notice keeps the message to send,
 * when it is next due, and until when a relay holds it (a lease, so a relay
 * that dies mid-send hands its notices back).
 */
export class AddNoticeRelay1796036400000 implements MigrationInterface {
  name = 'AddNoticeRelay1796036400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notice" ADD "message" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "notice" ADD "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`ALTER TABLE "notice" ADD "claimed_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "IDX_notice_due" ON "notice" ("next_attempt_at") WHERE status = 'pending'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_notice_due"`);
    await queryRunner.query(`ALTER TABLE "notice" DROP COLUMN "claimed_until"`);
    await queryRunner.query(`ALTER TABLE "notice" DROP COLUMN "next_attempt_at"`);
    await queryRunner.query(`ALTER TABLE "notice" DROP COLUMN "message"`);
  }
}
