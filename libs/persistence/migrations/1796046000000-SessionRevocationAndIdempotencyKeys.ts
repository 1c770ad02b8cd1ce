import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that can end before they expire, and Idempotency-Keys bound to
 * their request. An account's `token_version` moves on whenever its sessions
 * must stop (deactivated, role or department changed, password changed,
 * signed out); a session carries the version it was issued under. A session
 * opened from an email link is no account: its sign-out is kept by the
 * session's own ID until the session would have expired anyway. A key is
 * kept per caller with what it was first used for, for a day.
 */
export class SessionRevocationAndIdempotencyKeys1796046000000 implements MigrationInterface {
  name = 'SessionRevocationAndIdempotencyKeys1796046000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_account" ADD "token_version" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `CREATE TABLE "ended_link_session" ("session_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ended_link_session" PRIMARY KEY ("session_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ended_link_session_expires_at" ON "ended_link_session" ("expires_at")`);
    await queryRunner.query(
      `CREATE TABLE "idempotency_key" ("caller" character varying NOT NULL, "key" character varying NOT NULL, "method" character varying NOT NULL, "path" character varying NOT NULL, "fingerprint" character varying NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_idempotency_key" PRIMARY KEY ("caller", "key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_idempotency_key_expires_at" ON "idempotency_key" ("expires_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
    await queryRunner.query(`DROP TABLE "ended_link_session"`);
    await queryRunner.query(`ALTER TABLE "user_account" DROP COLUMN "token_version"`);
  }
}
