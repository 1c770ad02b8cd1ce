import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDelegations1795983865203 implements MigrationInterface {
  name = 'AddDelegations1795983865203';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "delegation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "role" character varying NOT NULL, "delegate_name" character varying NOT NULL, "delegate_email" character varying NOT NULL, "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL, "valid_until" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" character varying NOT NULL, "departmentId" uuid NOT NULL, CONSTRAINT "PK_a2cb6c9b942d68b109131beab44" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "delegation" ADD CONSTRAINT "FK_c04b4a50889f802642e869c4cd4" FOREIGN KEY ("departmentId") REFERENCES "department"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "delegation" DROP CONSTRAINT "FK_c04b4a50889f802642e869c4cd4"`);
    await queryRunner.query(`DROP TABLE "delegation"`);
  }
}
