import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A basic public service item (专栏2) has the department that reports its
 * 落实情况: the plan names none, so the bureau assigns it in the catalog
 * before a launch; null until then.
 */
export class ServiceItemDepartments1796200100000 implements MigrationInterface {
  name = 'ServiceItemDepartments1796200100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "basic_service_item" ADD "departmentId" uuid`);
    await queryRunner.query(
      `ALTER TABLE "basic_service_item" ADD CONSTRAINT "FK_3b7924a0a8c1cbbb94b13fe8d0f" FOREIGN KEY ("departmentId") REFERENCES "department"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "basic_service_item" DROP CONSTRAINT "FK_3b7924a0a8c1cbbb94b13fe8d0f"`);
    await queryRunner.query(`ALTER TABLE "basic_service_item" DROP COLUMN "departmentId"`);
  }
}
