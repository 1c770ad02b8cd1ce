import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every statement that writes into the outbox announces it on the channel
 * `notice_queued` (NoticeQueueListener), so the mail relay wakes at once
 * instead of polling the table: once per statement, not per row (a batch of
 * notices is one wake-up), and only when its transaction commits. An
 * `INSERT … ON CONFLICT DO UPDATE` (a retried activity asking for its notice
 * now) announces too.
 */
export class NoticeQueuedNotify1796240000000 implements MigrationInterface {
  name = 'NoticeQueuedNotify1796240000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION "notice_queued_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('notice_queued', '');
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "notice_queued" AFTER INSERT ON "notice" FOR EACH STATEMENT EXECUTE FUNCTION "notice_queued_notify"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "notice_queued" ON "notice"`);
    await queryRunner.query(`DROP FUNCTION "notice_queued_notify"()`);
  }
}
