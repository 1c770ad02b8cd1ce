/**
 * The bureau's editing of the report's drafted chapters: the sections as the
 * latest compiled version drafts them (from its figures, in both languages),
 * each beside its latest edit and its versions; a save is a new version, taken
 * only over the latest one, and audited in the same transaction.
 */
import { readFile } from 'node:fs/promises';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { CycleReport, ReportTextEdit } from '@libs/persistence/entities';
import { AuditRepository } from '@libs/persistence/repositories/audit.repository';
import { CycleRepository } from '@libs/persistence/repositories/cycle.repository';
import { ReportReviewRepository } from '@libs/persistence/repositories/report-review.repository';
import { ReportTextRepository } from '@libs/persistence/repositories/report-text.repository';
import { Transactions } from '@libs/persistence/repositories/transactions';
import type { CycleReportFigures } from '@libs/report/cycle-report';
import { draftedSections, reportTextHash, type DraftedSection, type SectionText } from '@libs/report/report-edits';
import { sectionTextProblems, textEditable } from '@libs/report/section-text';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { ApiProblem, notFound } from '../common/problem.filter';
import { RequestValidationError } from '../common/validation';
import type {
  ReportSectionView,
  ReportTextView,
  SaveTextBody,
  TextVersionsView,
  TextVersionView,
} from './report-text-view';

/** The latest compiled version and the sections its figures draft. */
interface Drafted {
  report: CycleReport;
  figures: CycleReportFigures;
  sections: DraftedSection[];
}

const versionView = (e: ReportTextEdit): TextVersionView => ({
  version: e.version,
  text: e.text,
  textEn: e.textEn,
  editedBy: e.editedByName,
  editedAt: e.editedAt,
  reportVersion: e.reportVersion,
});

const draftedVersion = (s: DraftedSection, report: CycleReport): TextVersionView => ({
  version: 0,
  text: s.drafted.zh,
  textEn: s.drafted.en,
  editedBy: null,
  editedAt: report.createdAt,
  reportVersion: report.version,
});

const staleEdit = (latest: ReportTextEdit | null) =>
  new ApiProblem(HttpStatus.CONFLICT, 'stale_edit', [
    latest
      ? {
          zh: `这一段已由${latest.editedByName}修改为第${latest.version}版，请在最新版本上修改后再保存`,
          en: `${latest.editedByName} has since saved version ${latest.version} of this section: edit the latest version and save again`,
        }
      : {
          zh: '这一段已有人同时修改，请刷新后在最新版本上修改',
          en: 'someone saved this section at the same time: reload and edit the latest version',
        },
  ]);

@Injectable()
export class ReportTextService {
  constructor(
    @Inject(CycleRepository) private readonly cycles: CycleRepository,
    @Inject(ReportTextRepository) private readonly edits: ReportTextRepository,
    @Inject(ReportReviewRepository) private readonly reviews: ReportReviewRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async text(cycleId: string): Promise<ReportTextView> {
    const { report, figures, sections } = await this.drafted(cycleId);
    const saved = await this.edits.versions(cycleId);
    const latest: Record<string, SectionText> = {};
    for (const e of saved) latest[e.section] = { zh: e.text, en: e.textEn };
    return {
      editable: await this.editable(cycleId),
      reportVersion: report.version,
      contentHash: report.contentHash,
      textHash: reportTextHash(figures, latest),
      sections: sections.map((s) =>
        this.sectionView(
          s,
          report,
          saved.filter((e) => e.section === s.key),
        ),
      ),
    };
  }

  async versions(cycleId: string, key: string): Promise<TextVersionsView> {
    const { report, sections } = await this.drafted(cycleId);
    const section = this.section(sections, key);
    const saved = await this.edits.versions(cycleId, key);
    return { section: key, items: [draftedVersion(section, report), ...saved.map(versionView)] };
  }

  async save(cycleId: string, key: string, body: SaveTextBody, req: AuthenticatedRequest): Promise<ReportSectionView> {
    const problems = [...sectionTextProblems(body.text, 'text'), ...sectionTextProblems(body.textEn, 'textEn')];
    if (problems.length) throw new RequestValidationError(problems);
    const { report, sections } = await this.drafted(cycleId);
    const section = this.section(sections, key);
    if (!(await this.editable(cycleId)))
      throw new ApiProblem(HttpStatus.CONFLICT, 'report_finalised', [
        {
          zh: '报告已定稿，文字不能再修改；审批退回后可以修改',
          en: 'the report is finalised and its text can no longer be edited, unless the approver returns it',
        },
      ]);
    const before = await this.edits.latest(cycleId, key);
    if ((before?.version ?? 0) !== body.baseVersion) throw staleEdit(before);
    await this.transactions.run(async (use) => {
      const saved = await use(ReportTextRepository).save({
        cycleId,
        section: key,
        baseVersion: body.baseVersion,
        text: body.text,
        textEn: body.textEn,
        drafted: section.drafted.zh,
        draftedEn: section.drafted.en,
        reportVersion: report.version,
        editedBy: req.principal.id,
        editedByName: req.principal.name,
      });
      // Someone saved between the check above and this insert: nothing is written.
      if (!saved) throw staleEdit(null);
      await this.audit.record(
        req,
        {
          action: 'edit_report_text',
          entityType: 'report_text',
          entityId: `${cycleId}#${key}`,
          before: before ? { version: before.version, text: before.text, textEn: before.textEn } : { version: 0 },
          after: { version: saved.version, text: saved.text, textEn: saved.textEn, reportVersion: report.version },
        },
        use(AuditRepository),
      );
    });
    return this.sectionView(section, report, await this.edits.versions(cycleId, key));
  }

  /** Until 定稿 (libs/report/report-edits.ts), as the review's record says. */
  private async editable(cycleId: string): Promise<boolean> {
    return textEditable((await this.reviews.review(cycleId))?.stage ?? null);
  }

  private sectionView(s: DraftedSection, report: CycleReport, saved: ReportTextEdit[]): ReportSectionView {
    const latest = saved.at(-1) ?? null;
    return {
      key: s.key,
      chapter: s.chapter,
      drafted: { text: s.drafted.zh, textEn: s.drafted.en },
      latest: latest && versionView(latest),
      draftedChanged: latest !== null && (latest.drafted !== s.drafted.zh || latest.draftedEn !== s.drafted.en),
      versions: [draftedVersion(s, report), ...saved.map(versionView)].map(({ version, editedBy, editedAt }) => ({
        version,
        editedBy,
        editedAt,
      })),
    };
  }

  private section(sections: DraftedSection[], key: string): DraftedSection {
    const section = sections.find((s) => s.key === key);
    if (!section)
      throw notFound(
        `报告的草拟文字中没有“${key}”这一段（重新编制后这一段可能已不存在）`,
        `the report's drafted text has no section "${key}" (a recompile may have dropped it)`,
      );
    return section;
  }

  /** The latest compiled version's figures, read from its JSON file, and the sections they draft. */
  private async drafted(cycleId: string): Promise<Drafted> {
    const report = (await this.cycles.reports(cycleId)).at(-1);
    if (!report)
      throw new ApiProblem(HttpStatus.CONFLICT, 'no_report', [
        {
          zh: '本轮评估尚未编制报告，报告编制后才能修改草拟文字',
          en: 'this cycle has no report yet: its drafted text can be edited once it is compiled',
        },
      ]);
    const figures = JSON.parse(await readFile(report.path, 'utf8')) as CycleReportFigures;
    return { report, figures, sections: draftedSections(figures) };
  }
}
