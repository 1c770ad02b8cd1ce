import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The English twins of the plan's texts (libs/plan/translations), which the
 * English report prints. Nullable: a plan imported before them keeps working,
 * its report printing the Chinese, until it is imported again or edited.
 * The project groups' English names live in `plan.printed_totals` with the groups.
 */
export class PlanTranslations1796200500000 implements MigrationInterface {
  name = 'PlanTranslations1796200500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, columns] of COLUMNS)
      await queryRunner.query(`ALTER TABLE "${table}" ${columns.map((c) => `ADD "${c}" text`).join(', ')}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, columns] of COLUMNS)
      await queryRunner.query(`ALTER TABLE "${table}" ${columns.map((c) => `DROP COLUMN "${c}"`).join(', ')}`);
  }
}

const COLUMNS: Array<[string, string[]]> = [
  ['indicator', ['name_en', 'unit_en', 'baseline_en', 'target_en']],
  ['main_target', ['text_en']],
  ['main_task', ['title_en', 'details_en']],
  ['major_project', ['name_en']],
  ['basic_service_item', ['area_en', 'goal_en', 'name_en']],
];
