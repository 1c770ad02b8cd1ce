import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAccessAndAudit1795986219583 implements MigrationInterface {
  name = 'AddAccessAndAudit1795986219583';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying NOT NULL, "name" character varying NOT NULL, "role" character varying NOT NULL, "department" character varying, "password_hash" character varying, "locale" character varying NOT NULL DEFAULT 'zh-CN', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_56a0e4bcec2b5411beafa47ffa" ON "user_account" ("email") `);
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" character varying NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor" character varying NOT NULL, "actor_role" character varying NOT NULL, "ip" character varying, "action" character varying NOT NULL, "entity_type" character varying NOT NULL, "entity_id" character varying NOT NULL, "before" jsonb, "after" jsonb, CONSTRAINT "UQ_319760efe7c0c3781dc6e71804e" UNIQUE ("request_id"), CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cfbd3da3d6664af0dab55783b5" ON "audit_entry" ("entity_type", "entity_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "evidence_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" character varying NOT NULL, "item_key" character varying NOT NULL, "department" character varying NOT NULL, "name" character varying NOT NULL, "media_type" character varying NOT NULL, "size" integer NOT NULL, "sha256" character varying NOT NULL, "uploaded_by" character varying NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f54e0261bc7f0350c7eae30736a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0e354758617f74e92748e16a2f" ON "evidence_file" ("cycle_id", "item_key") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_0e354758617f74e92748e16a2f"`);
    await queryRunner.query(`DROP TABLE "evidence_file"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cfbd3da3d6664af0dab55783b5"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_56a0e4bcec2b5411beafa47ffa"`);
    await queryRunner.query(`DROP TABLE "user_account"`);
  }
}
