import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change to what a session's standing is read from (an account's
 * active flag, token version, role, department; or the account deleted) is
 * announced on the channel `account_changed` with the account's ID, when its
 * transaction commits: each API process drops that account from its session
 * cache (apps/api/src/auth/session-cache.ts). A trigger, not the code that
 * makes the change, so a change from anywhere (the CLI, an operator's SQL) is
 * announced too.
 */
export class AccountChangedNotify1796310000000 implements MigrationInterface {
  name = 'AccountChangedNotify1796310000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION "account_changed_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('account_changed', OLD.id::text);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "account_changed" AFTER UPDATE ON "user_account" FOR EACH ROW
       WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.token_version IS DISTINCT FROM NEW.token_version
          OR OLD.role IS DISTINCT FROM NEW.role OR OLD.department IS DISTINCT FROM NEW.department
          OR OLD.id IS DISTINCT FROM NEW.id)
       EXECUTE FUNCTION "account_changed_notify"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "account_deleted" AFTER DELETE ON "user_account" FOR EACH ROW EXECUTE FUNCTION "account_changed_notify"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "account_deleted" ON "user_account"`);
    await queryRunner.query(`DROP TRIGGER "account_changed" ON "user_account"`);
    await queryRunner.query(`DROP FUNCTION "account_changed_notify"()`);
  }
}
