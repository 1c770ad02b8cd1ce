import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One save of the bureau's text of a drafted section of a cycle's report (version 0 is the drafted text itself). */
@Entity('report_text_edit')
@Unique('UQ_report_text_edit_version', ['cycleId', 'section', 'version'])
@Check('CHK_report_text_edit_version', '"version" >= 1')
export class ReportTextEdit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'cycle_id' })
  cycleId: string;

  /** The drafted paragraph's key (libs/report/report-drafts.ts), e.g. `problems.behind`. */
  @Column({ type: 'varchar', length: 100 })
  section: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'text_en', type: 'text' })
  textEn: string;

  /** The drafted text the edit was made over, in both languages. */
  @Column({ type: 'text' })
  drafted: string;

  @Column({ name: 'drafted_en', type: 'text' })
  draftedEn: string;

  /** The compiled report version whose drafted text was edited. */
  @Column({ name: 'report_version', type: 'int' })
  reportVersion: number;

  @Column({ name: 'edited_by' })
  editedBy: string;

  @Column({ name: 'edited_by_name' })
  editedByName: string;

  @Column({ name: 'edited_at', type: 'timestamptz', default: () => 'now()' })
  editedAt: Date;
}
