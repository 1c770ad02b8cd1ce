import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCatalog1795977965268 implements MigrationInterface {
  name = 'CreateCatalog1795977965268';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "department" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying NOT NULL, "name" character varying NOT NULL, "name_en" character varying NOT NULL, "kind" character varying NOT NULL, "aliases" text array NOT NULL DEFAULT '{}', CONSTRAINT "UQ_62690f4fe31da9eb824d909285f" UNIQUE ("code"), CONSTRAINT "UQ_471da4b90e96c1ebe0af221e07b" UNIQUE ("name"), CONSTRAINT "PK_9a2213262c1593bffb581e382f5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "department_contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "role" character varying NOT NULL, "name" character varying NOT NULL, "email" character varying NOT NULL, "locale" character varying NOT NULL DEFAULT 'zh-CN', "departmentId" uuid NOT NULL, CONSTRAINT "UQ_16645b1dd7b64e9c390daef1092" UNIQUE ("departmentId", "role"), CONSTRAINT "PK_847205959c4c685b269e15da466" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "department_group_member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "groupId" uuid NOT NULL, "memberId" uuid NOT NULL, CONSTRAINT "UQ_c85a09f90b06f4f35f09fe3cbb3" UNIQUE ("groupId", "memberId"), CONSTRAINT "PK_a1c774d80a5336ece070a1ec5ab" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying NOT NULL, "name" character varying NOT NULL, "name_en" character varying NOT NULL, "baseline_year" integer NOT NULL, "start_year" integer NOT NULL, "end_year" integer NOT NULL, "source" text, "printed_totals" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e405cbb23fb08931a48ad8c2bdb" UNIQUE ("code"), CONSTRAINT "PK_54a2b686aed3b637654bf7ddbb3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "category" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "no" integer NOT NULL, "name" character varying NOT NULL, "name_en" character varying NOT NULL, "planId" uuid NOT NULL, CONSTRAINT "UQ_22b2c3d0161ca06ca5f375da37e" UNIQUE ("planId", "no"), CONSTRAINT "PK_9c4e4a89e3674fc9f382d733f03" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "indicator" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "no" integer NOT NULL, "name" character varying NOT NULL, "unit" character varying NOT NULL, "baseline_printed" character varying NOT NULL, "target_printed" character varying NOT NULL, "baseline" jsonb NOT NULL, "target" jsonb NOT NULL, "attribute" character varying NOT NULL, "polarity" character varying NOT NULL, "cumulative" boolean NOT NULL, "departments_printed" character varying NOT NULL, "planId" uuid NOT NULL, "categoryId" uuid NOT NULL, CONSTRAINT "UQ_740decfd802e48fb2b105adc9d1" UNIQUE ("planId", "no"), CONSTRAINT "PK_4693fe4c2cb912a71e05c589e7e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "main_target" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "no" integer NOT NULL, "text" character varying NOT NULL, "departments_printed" character varying NOT NULL, "planId" uuid NOT NULL, CONSTRAINT "UQ_11c3b9422070a5e2555bc298df2" UNIQUE ("planId", "no"), CONSTRAINT "PK_4f0c23183722b3ae4fec1e55b61" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "main_task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "no" integer NOT NULL, "title" character varying NOT NULL, "details" text NOT NULL, "departments_printed" character varying NOT NULL, "planId" uuid NOT NULL, CONSTRAINT "UQ_e8eb2e24d7e68c2bd99b563b0b4" UNIQUE ("planId", "no"), CONSTRAINT "PK_19ab1a343847e4be064c15eaf76" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "major_project" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "status" character varying NOT NULL, "no" integer NOT NULL, "group_name" character varying NOT NULL, "name" character varying NOT NULL, "content" text NOT NULL, "total_investment" numeric(14,4) NOT NULL, "plan_period_investment" numeric(14,4), "land_mu" numeric(14,4), "owner" character varying NOT NULL, "responsible_unit_printed" character varying NOT NULL, "planId" uuid NOT NULL, CONSTRAINT "UQ_aff2dad538dfb84b21d97fe080f" UNIQUE ("planId", "status", "no"), CONSTRAINT "PK_e12f43af81a73ea1f000e0002e4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "basic_service_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "no" integer NOT NULL, "area" character varying NOT NULL, "goal" text NOT NULL, "name" character varying NOT NULL, "planId" uuid NOT NULL, CONSTRAINT "UQ_a14e91ecaeae174eae8f7c33d66" UNIQUE ("planId", "no"), CONSTRAINT "PK_767d41fc76daa1e684394e0c3ed" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "responsibility" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_kind" character varying NOT NULL, "item_key" character varying NOT NULL, "position" integer NOT NULL, "role" character varying NOT NULL, "planId" uuid NOT NULL, "departmentId" uuid NOT NULL, CONSTRAINT "UQ_f30c76f23ad8b01cf06822edc4a" UNIQUE ("planId", "item_kind", "item_key", "position"), CONSTRAINT "PK_e285cc6e629c0b53513a0d40f06" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_contact" ADD CONSTRAINT "FK_817b6f527060f5458501e6e7027" FOREIGN KEY ("departmentId") REFERENCES "department"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_group_member" ADD CONSTRAINT "FK_eeac6405f6a77051574bb5edadb" FOREIGN KEY ("groupId") REFERENCES "department"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_group_member" ADD CONSTRAINT "FK_e5292fe779daf56630254bc1f62" FOREIGN KEY ("memberId") REFERENCES "department"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "category" ADD CONSTRAINT "FK_8e524ae29a41d3e46cd0b5f71e4" FOREIGN KEY ("planId") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator" ADD CONSTRAINT "FK_988e3f73c348aad53f4e9640087" FOREIGN KEY ("planId") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator" ADD CONSTRAINT "FK_33442fb119e7f585e9089319f46" FOREIGN KEY ("categoryId") REFERENCES "category"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "main_target" ADD CONSTRAINT "FK_090210ec49f904c0ff51857858a" FOREIGN KEY ("planId") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "main_task" ADD CONSTRAINT "FK_c9920f7fdc2da9a58a227d130d0" FOREIGN KEY ("planId") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "major_project" ADD CONSTRAINT "FK_c4649f32035dcd594e613976695" FOREIGN KEY ("planId") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "basic_service_item" ADD CONSTRAINT "FK_415f999a4fe7d5c2487d577e65a" FOREIGN KEY ("planId") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "responsibility" ADD CONSTRAINT "FK_4872d2ebc1a2967fb65582fa53f" FOREIGN KEY ("planId") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "responsibility" ADD CONSTRAINT "FK_f1d62c81737b14b065ea4508008" FOREIGN KEY ("departmentId") REFERENCES "department"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "responsibility" DROP CONSTRAINT "FK_f1d62c81737b14b065ea4508008"`);
    await queryRunner.query(`ALTER TABLE "responsibility" DROP CONSTRAINT "FK_4872d2ebc1a2967fb65582fa53f"`);
    await queryRunner.query(`ALTER TABLE "basic_service_item" DROP CONSTRAINT "FK_415f999a4fe7d5c2487d577e65a"`);
    await queryRunner.query(`ALTER TABLE "major_project" DROP CONSTRAINT "FK_c4649f32035dcd594e613976695"`);
    await queryRunner.query(`ALTER TABLE "main_task" DROP CONSTRAINT "FK_c9920f7fdc2da9a58a227d130d0"`);
    await queryRunner.query(`ALTER TABLE "main_target" DROP CONSTRAINT "FK_090210ec49f904c0ff51857858a"`);
    await queryRunner.query(`ALTER TABLE "indicator" DROP CONSTRAINT "FK_33442fb119e7f585e9089319f46"`);
    await queryRunner.query(`ALTER TABLE "indicator" DROP CONSTRAINT "FK_988e3f73c348aad53f4e9640087"`);
    await queryRunner.query(`ALTER TABLE "category" DROP CONSTRAINT "FK_8e524ae29a41d3e46cd0b5f71e4"`);
    await queryRunner.query(`ALTER TABLE "department_group_member" DROP CONSTRAINT "FK_e5292fe779daf56630254bc1f62"`);
    await queryRunner.query(`ALTER TABLE "department_group_member" DROP CONSTRAINT "FK_eeac6405f6a77051574bb5edadb"`);
    await queryRunner.query(`ALTER TABLE "department_contact" DROP CONSTRAINT "FK_817b6f527060f5458501e6e7027"`);
    await queryRunner.query(`DROP TABLE "responsibility"`);
    await queryRunner.query(`DROP TABLE "basic_service_item"`);
    await queryRunner.query(`DROP TABLE "major_project"`);
    await queryRunner.query(`DROP TABLE "main_task"`);
    await queryRunner.query(`DROP TABLE "main_target"`);
    await queryRunner.query(`DROP TABLE "indicator"`);
    await queryRunner.query(`DROP TABLE "category"`);
    await queryRunner.query(`DROP TABLE "plan"`);
    await queryRunner.query(`DROP TABLE "department_group_member"`);
    await queryRunner.query(`DROP TABLE "department_contact"`);
    await queryRunner.query(`DROP TABLE "department"`);
  }
}
