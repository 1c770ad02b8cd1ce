import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bureau's edits of the report's drafted text, one row per save: a
 * section (a drafted paragraph, by the key of its finding) of a cycle's report
 * gets versions 1, 2, … (the drafted text is version 0, computed from the
 * figures, never stored as an edit). The unique version per section is what
 * refuses a save made over a version someone else has since replaced. Each row
 * keeps the drafted text it was made over, so a recompile that drafts the
 * paragraph differently can say so.
 */
export class ReportTextEdits1796300300000 implements MigrationInterface {
  name = 'ReportTextEdits1796300300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_text_edit" ("id" SERIAL NOT NULL, "cycle_id" character varying NOT NULL, "section" character varying(100) NOT NULL, "version" integer NOT NULL, "text" text NOT NULL, "text_en" text NOT NULL, "drafted" text NOT NULL, "drafted_en" text NOT NULL, "report_version" integer NOT NULL, "edited_by" character varying NOT NULL, "edited_by_name" character varying NOT NULL, "edited_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_report_text_edit" PRIMARY KEY ("id"), CONSTRAINT "UQ_report_text_edit_version" UNIQUE ("cycle_id", "section", "version"), CONSTRAINT "CHK_report_text_edit_version" CHECK ("version" >= 1))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_text_edit"`);
  }
}
