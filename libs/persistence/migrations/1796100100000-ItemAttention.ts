import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An item whose record PostgreSQL refused as data (not as an outage) is marked
 * as needing the bureau's attention, with what was refused, rather than its
 * department's workflow retrying the write for ever and the cycle never closing.
 */
export class ItemAttention1796100100000 implements MigrationInterface {
  name = 'ItemAttention1796100100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "work_item" ADD "attention" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "work_item" DROP COLUMN "attention"`);
  }
}
