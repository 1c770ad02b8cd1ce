import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in attempts per account and per client address in a window, in the
 * database so that every API process counts the same guesses
 * (libs/access/sign-in-throttle). Expired windows are deleted as attempts come.
 */
export class AddSignInThrottle1796050000000 implements MigrationInterface {
  name = 'AddSignInThrottle1796050000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sign_in_throttle" ("key" character varying NOT NULL, "attempts" integer NOT NULL, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_sign_in_throttle" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_sign_in_throttle_window_started_at" ON "sign_in_throttle" ("window_started_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sign_in_throttle"`);
  }
}
