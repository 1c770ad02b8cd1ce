/**
 * The bureau's edits of the report's drafted text (report_text_edit): each
 * save a new version of its section, never an update; a save names the
 * version it was made over and is taken only while that is still the latest.
 */
import { QueryFailedError } from 'typeorm';
import type { TextEdits } from '../../report/report-edits';
import { ReportTextEdit } from '../entities';
import type { Database } from './transactions';

export interface TextSave {
  cycleId: string;
  section: string;
  /** The version the editor saw (0: the drafted text). */
  baseVersion: number;
  text: string;
  textEn: string;
  drafted: string;
  draftedEn: string;
  reportVersion: number;
  editedBy: string;
  editedByName: string;
}

const isUniqueViolation = (e: unknown) =>
  e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505';

export class ReportTextRepository {
  constructor(private readonly db: Database) {}

  /**
   * The save as version `baseVersion + 1`; null, writing nothing, when the
   * section's latest version is no longer `baseVersion` (someone saved in
   * between: the unique version refuses the one that lost a race).
   */
  async save(s: TextSave): Promise<ReportTextEdit | null> {
    try {
      const rows = (await this.db.query(
        `INSERT INTO report_text_edit (cycle_id, section, version, text, text_en, drafted, drafted_en, report_version, edited_by, edited_by_name)
         SELECT $1::varchar, $2::varchar, $3::int + 1, $4, $5, $6, $7, $8::int, $9, $10
         WHERE COALESCE((SELECT max(version) FROM report_text_edit WHERE cycle_id = $1::varchar AND section = $2::varchar), 0) = $3::int
         RETURNING id`,
        [
          s.cycleId,
          s.section,
          s.baseVersion,
          s.text,
          s.textEn,
          s.drafted,
          s.draftedEn,
          s.reportVersion,
          s.editedBy,
          s.editedByName,
        ],
      )) as Array<{ id: number }>;
      return rows.length ? this.db.getRepository(ReportTextEdit).findOneByOrFail({ id: rows[0].id }) : null;
    } catch (e) {
      if (isUniqueViolation(e)) return null;
      throw e;
    }
  }

  /** Every saved version of the cycle's sections (of one section, when named), oldest first. */
  versions(cycleId: string, section?: string): Promise<ReportTextEdit[]> {
    return this.db
      .getRepository(ReportTextEdit)
      .find({ where: { cycleId, ...(section ? { section } : {}) }, order: { section: 'ASC', version: 'ASC' } });
  }

  /** The latest version of one section; null: never edited. */
  latest(cycleId: string, section: string): Promise<ReportTextEdit | null> {
    return this.db.getRepository(ReportTextEdit).findOne({ where: { cycleId, section }, order: { version: 'DESC' } });
  }

  /** The latest text of every section the bureau edited: what a compile writes in place of the drafted text. */
  async latestEdits(cycleId: string): Promise<TextEdits> {
    const rows = (await this.db.query(
      `SELECT DISTINCT ON (section) section, text, text_en FROM report_text_edit WHERE cycle_id = $1 ORDER BY section, version DESC`,
      [cycleId],
    )) as Array<{ section: string; text: string; text_en: string }>;
    return Object.fromEntries(rows.map((r) => [r.section, { zh: r.text, en: r.text_en }]));
  }
}
