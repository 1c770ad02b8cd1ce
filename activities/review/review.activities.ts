/**
 * The review's I/O (workflows/report-review.workflow.ts): PostgreSQL, the
 * report's files, and notices through the outbox (the cycle's `sendNotice`,
 * so a retried notice finds its row and is never mailed twice). Every method
 * is idempotent: Temporal retries an activity whenever it is not sure it finished.
 */
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ApplicationFailure, log } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import type { NoticeInput, NoticeResult } from '../../libs/cycle/activities-contract';
import type { CycleDefinition } from '../../libs/cycle/cycle-definition';
import type { ItemStatus } from '../../libs/cycle/department-state';
import type { ReviewNotice, ReviewRecord } from '../../libs/cycle/report-review';
import { checkReopen, type ReopenRequest } from '../../libs/cycle/reopen';
import type { CompiledReport, ReviewActivities, ReviewOpening } from '../../libs/cycle/review-activities';
import type { Localized } from '../../libs/plan/localized';
import { CatalogRepository } from '../../libs/persistence/repositories/catalog.repository';
import { CycleItemRepository } from '../../libs/persistence/repositories/cycle-item.repository';
import { CycleRepository } from '../../libs/persistence/repositories/cycle.repository';
import { ReportReviewRepository } from '../../libs/persistence/repositories/report-review.repository';
import { ReportTextRepository } from '../../libs/persistence/repositories/report-text.repository';
import type { CycleReportFigures } from '../../libs/report/cycle-report';
import { reportTextHash } from '../../libs/report/report-edits';
import { writeReportFiles } from '../../libs/report/report-files';
import { reviewPart } from '../../libs/report/review-part';

export interface ReviewActivitiesConfig {
  /** The organ a report is issued by (its cover, its metadata). */
  issuer: Localized;
}

/** A version's figures as its JSON file keeps them, beside the hashes and the edits. */
type ReportJson = CycleReportFigures & { contentHash: string; textHash?: string; edits?: unknown };

export class ReviewActivitiesService implements ReviewActivities {
  private readonly cycles: CycleRepository;
  private readonly items: CycleItemRepository;
  private readonly reviews: ReportReviewRepository;
  private readonly catalog: CatalogRepository;
  private readonly texts: ReportTextRepository;

  constructor(
    ds: DataSource,
    private readonly config: ReviewActivitiesConfig,
    /** The cycle's notice activity: written into the outbox and waited for. */
    private readonly sendNotice: (input: NoticeInput) => Promise<NoticeResult>,
  ) {
    this.cycles = new CycleRepository(ds);
    this.items = new CycleItemRepository(ds);
    this.reviews = new ReportReviewRepository(ds);
    this.catalog = new CatalogRepository(ds);
    this.texts = new ReportTextRepository(ds);
  }

  async openReview({ cycleId }: { cycleId: string }): Promise<ReviewOpening> {
    const cycle = await this.cycles.get(cycleId);
    const latest = await this.reviews.latestReport(cycleId);
    if (cycle.status !== 'closed' || !latest)
      throw ApplicationFailure.nonRetryable(`cycle ${cycleId} is not closed with a report`, 'ReviewRefused');
    const byDepartment = new Map<string, string[]>();
    for (const a of await this.items.assignments(cycleId))
      byDepartment.set(a.department, [...(byDepartment.get(a.department) ?? []), a.itemKey]);
    return {
      draftVersion: latest.version,
      departments: [...byDepartment.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, itemKeys]) => ({ code, itemKeys })),
    };
  }

  async recordReview(record: ReviewRecord): Promise<void> {
    await this.reviews.record(record);
  }

  /**
   * A comment request or chase lists the department's items with their links
   * to comment, and the findings that name it; the final version goes with
   * its files attached.
   */
  async sendReviewNotice(
    input: ReviewNotice & { cycleId: string; deadline: number; at: number },
  ): Promise<NoticeResult> {
    const { cycleId, department, event, audience, seq, deadline, at } = input;
    const notice: NoticeInput = { cycleId, department, audience, event, seq, deadline, at, items: [] };
    const latest = (await this.reviews.latestReport(cycleId))!;
    if (event === 'report_final') return this.sendNotice({ ...notice, reportPath: latest.path });
    const rows = await this.items.departmentItems(
      cycleId,
      department,
      (await this.items.assignments(cycleId)).filter((a) => a.department === department).map((a) => a.itemKey),
    );
    const figures = await readFigures(latest.path);
    const found = await this.catalog.department(department);
    const part = reviewPart(
      figures,
      { name: found?.name ?? department },
      rows.map((r) => r.itemKey),
    );
    return this.sendNotice({
      ...notice,
      items: rows.map((r) => ({ key: r.itemKey, title: r.title, status: r.status as ItemStatus })),
      findings: part.findings,
    });
  }

  /**
   * The final version from the latest version's figures and the bureau's
   * latest text: a new version whose files say 定稿 and carry both hashes.
   * Asked again (a retry) while the latest is that final version, it is answered.
   */
  async compileReportStage({ cycleId, stage }: { cycleId: string; stage: 'final' }): Promise<CompiledReport> {
    const latest = (await this.reviews.latestReport(cycleId))!;
    const figures = await readFigures(latest.path);
    const edits = await this.texts.latestEdits(cycleId);
    const textHash = reportTextHash(figures, edits);
    // A final version already compiled with this text (a retry, or 定稿 again after a return with nothing changed).
    if (latest.stage === stage && figures.textHash === textHash)
      return { version: latest.version, contentHash: latest.contentHash, textHash, path: latest.path };
    const version = latest.version + 1;
    const { contentHash, textHash: _, edits: __, ...plain } = figures;
    const files = await writeReportFiles(
      dirname(latest.path),
      version,
      plain as CycleReportFigures,
      contentHash,
      { issuer: this.config.issuer, issuedAt: new Date(), stage },
      edits,
    );
    await this.reviews.addReportVersion({
      cycleId,
      version,
      contentHash,
      path: files.json,
      timeliness: latest.timeliness as object,
      stage,
    });
    log.info('report compiled', { cycleId, version, stage, contentHash, textHash: files.textHash });
    return { version, contentHash, textHash: files.textHash, path: files.json };
  }

  async prepareReviewReopen({
    cycleId,
    check,
    ...request
  }: Omit<ReopenRequest, 'deadline' | 'hardClose'> & { cycleId: string; check: boolean }): Promise<{
    problems: Localized[];
    definition: CycleDefinition | null;
  }> {
    const cycle = await this.cycles.find(cycleId);
    const problems = checkReopen(request, { cycle, items: await this.items.items(cycleId, request.items) });
    if (problems.length > 0 || check) return { problems, definition: null };
    // As CycleClient.reopenClosed does: the first collection's extensions end with it.
    await this.cycles.clearDepartmentDeadlines(cycleId);
    return { problems, definition: cycle!.definition as CycleDefinition };
  }

  async latestReportVersion({ cycleId }: { cycleId: string }): Promise<number> {
    return (await this.reviews.latestReport(cycleId))?.version ?? 0;
  }
}

async function readFigures(path: string): Promise<ReportJson> {
  return JSON.parse(await readFile(path, 'utf8')) as ReportJson;
}
