import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadlines in force kept with the cycle: a cycle-wide extension moves
 * `deadline`, a department's own extension is kept in `department_deadlines`
 * (code → ISO time), so that what is overdue is judged from the records and
 * the clock rather than asked of a workflow that may not have woken since.
 */
export class DepartmentDeadlines1796220000000 implements MigrationInterface {
  name = 'DepartmentDeadlines1796220000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "evaluation_cycle" ADD "department_deadlines" jsonb NOT NULL DEFAULT '{}'::jsonb`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evaluation_cycle" DROP COLUMN "department_deadlines"`);
  }
}
