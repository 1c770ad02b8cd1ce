import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCycles1795979169688 implements MigrationInterface {
  name = 'CreateCycles1795979169688';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "evaluation_cycle" ("id" character varying NOT NULL, "plan_code" character varying NOT NULL, "kind" character varying NOT NULL, "from_year" integer NOT NULL, "to_year" integer NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "hard_close" TIMESTAMP WITH TIME ZONE NOT NULL, "definition" jsonb NOT NULL, "status" character varying NOT NULL DEFAULT 'running', "launched_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6e146254b625b14b206d6925fee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "work_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" character varying NOT NULL, "item_key" character varying NOT NULL, "item_kind" character varying NOT NULL, "item_no" integer NOT NULL, "title" character varying NOT NULL, "department" character varying NOT NULL, "co_departments" text array NOT NULL DEFAULT '{}', "spec" jsonb NOT NULL, "status" character varying NOT NULL DEFAULT 'assigned', "version" integer NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_476f27fb6ffff032b78f071ce54" UNIQUE ("cycle_id", "item_key"), CONSTRAINT "PK_ef6a53d98d3a483417ae3334144" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5cf90c582da75d792363341637" ON "work_item" ("cycle_id", "department") `);
    await queryRunner.query(
      `CREATE TABLE "submission_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" character varying NOT NULL, "item_key" character varying NOT NULL, "version" integer NOT NULL, "payload" jsonb NOT NULL, "submitted_by" character varying NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "approved_by" character varying, "approved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_75355d92aee0616a9692f847e98" UNIQUE ("cycle_id", "item_key", "version"), CONSTRAINT "PK_9d9a3e651e09436bca356ff45e5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "item_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" character varying NOT NULL, "cycle_id" character varying NOT NULL, "item_key" character varying NOT NULL, "type" character varying NOT NULL, "actor" jsonb NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "status_before" character varying NOT NULL, "status_after" character varying NOT NULL, "detail" jsonb NOT NULL, CONSTRAINT "UQ_9ae33b43e685028eb29cd2ff957" UNIQUE ("request_id"), CONSTRAINT "PK_1f94dd9f6e218ceb8fab6870342" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a51b8a46aa0830b3e15857a6d0" ON "item_event" ("cycle_id", "item_key") `);
    await queryRunner.query(
      `CREATE TABLE "notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" character varying NOT NULL, "department" character varying NOT NULL, "audience" character varying NOT NULL, "recipient" character varying NOT NULL, "event" character varying NOT NULL, "seq" integer NOT NULL, "subject" character varying NOT NULL, "item_keys" text array NOT NULL DEFAULT '{}', "status" character varying NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "message_id" character varying, "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_779555a3c1aecccb70ed72e9e47" UNIQUE ("cycle_id", "department", "recipient", "event", "seq"), CONSTRAINT "PK_705062b14410ff1a04998f86d72" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cycle_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" character varying NOT NULL, "version" integer NOT NULL, "content_hash" character varying NOT NULL, "path" character varying NOT NULL, "timeliness" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b17ec96bd75b59a9011f6b8e317" UNIQUE ("cycle_id", "version"), CONSTRAINT "PK_8ef3757d02ea728dde768c00311" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "cycle_report"`);
    await queryRunner.query(`DROP TABLE "notice"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a51b8a46aa0830b3e15857a6d0"`);
    await queryRunner.query(`DROP TABLE "item_event"`);
    await queryRunner.query(`DROP TABLE "submission_version"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5cf90c582da75d792363341637"`);
    await queryRunner.query(`DROP TABLE "work_item"`);
    await queryRunner.query(`DROP TABLE "evaluation_cycle"`);
  }
}
