/**
 * The cycle's I/O, all of it PostgreSQL: a notice is written into the outbox
 * and waited for while the mail relay (apps/mail-relay) sends it, so nothing
 * here speaks SMTP. Every method is idempotent, keyed by
 * what the workflow passes (cycle, item, request ID, outbox key), because
 * Temporal retries an activity whenever it is not sure it finished.
 */
import { resolve } from 'node:path';
import { ApplicationFailure, heartbeat, log } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import { directoryContacts, readPlan } from '../../libs/catalog/catalog-read';
import type {
  AssignmentNoticesInput,
  CycleActivities,
  CycleClosing,
  DepartmentOutcome,
  NoticeInput,
  NoticeResult,
  PreparedCycle,
  RecordCommandInput,
  RefusedRecord,
  ReopenedCycle,
  RestoredDepartment,
} from '../../libs/cycle/activities-contract';
import type { CycleProblemInput } from '../../libs/cycle/cycle-problem';
import type { ItemState } from '../../libs/cycle/department-state';
import type { ReopenedDepartment } from '../../libs/cycle/reopen';
import {
  cycleAssessmentWeights,
  cycleThresholds,
  launchedDefinition,
  type CycleDefinition,
} from '../../libs/cycle/cycle-definition';
import { planCycle } from '../../libs/cycle/cycle-planning';
import { leadItemKeys, preparedCycle } from '../../libs/cycle/prepared-cycle';
import type { ProjectSubmission, WorkItemSpec } from '../../libs/cycle/submission';
import type { EvaluationCycle } from '../../libs/persistence/entities';
import { CatalogRepository } from '../../libs/persistence/repositories/catalog.repository';
import { CycleItemRepository } from '../../libs/persistence/repositories/cycle-item.repository';
import { CycleProblemRepository } from '../../libs/persistence/repositories/cycle-problem.repository';
import { CycleRepository } from '../../libs/persistence/repositories/cycle.repository';
import { DepartmentAssessmentRepository } from '../../libs/persistence/repositories/department-assessment.repository';
import { OutboxRepository } from '../../libs/persistence/repositories/outbox.repository';
import { ReportTextRepository } from '../../libs/persistence/repositories/report-text.repository';
import { SubmissionRepository } from '../../libs/persistence/repositories/submission.repository';
import { TargetAdjustmentRepository } from '../../libs/persistence/repositories/target-adjustment.repository';
import { buildCycleReport, type ApprovedSubmission } from '../../libs/report/cycle-report';
import { planInForce } from '../../libs/report/targets-in-force';
import { writeReportFiles } from '../../libs/report/report-files';
import { isDataError } from '../../libs/persistence/data-errors';
import { composeNotice, type NoticeOutboxConfig } from '../../libs/mail/notice-outbox';
import type { Localized } from '../../libs/plan/localized';
import { NoticeDeliveries } from './notice-deliveries';

const signatory = (actor: { name: string; department: string } | null, at: Date) =>
  actor ? { name: actor.name, department: actor.department, at: at.toISOString() } : null;

export interface CycleActivitiesConfig extends NoticeOutboxConfig {
  reportsDir: string;
  /** The organ a report is issued by (its cover, its metadata). */
  issuer: Localized;
}

export class CycleActivitiesService implements CycleActivities {
  private readonly deliveries: NoticeDeliveries;
  private readonly catalog: CatalogRepository;
  private readonly cycles: CycleRepository;
  private readonly items: CycleItemRepository;
  private readonly submissions: SubmissionRepository;
  private readonly outbox: OutboxRepository;
  private readonly assessments: DepartmentAssessmentRepository;
  private readonly problems: CycleProblemRepository;

  constructor(
    private readonly ds: DataSource,
    private readonly config: CycleActivitiesConfig,
  ) {
    this.deliveries = new NoticeDeliveries(ds);
    this.catalog = new CatalogRepository(ds);
    this.cycles = new CycleRepository(ds);
    this.items = new CycleItemRepository(ds);
    this.submissions = new SubmissionRepository(ds);
    this.outbox = new OutboxRepository(ds);
    this.assessments = new DepartmentAssessmentRepository(ds);
    this.problems = new CycleProblemRepository(ds);
  }

  /**
   * The cycle's items, written once. A launch through CycleClient has already
   * planned and written them, in the transaction that started this workflow:
   * they are read back. Otherwise (a scheduled launch) the plan is read,
   * checked and written here.
   */
  async prepareCycle({
    cycleId,
    definition,
  }: {
    cycleId: string;
    definition: CycleDefinition;
  }): Promise<PreparedCycle> {
    const year = definition.toYear;
    const plan = await this.catalog.plan(definition.planCode);
    if (!plan) throw ApplicationFailure.nonRetryable(`no plan ${definition.planCode}`, 'LaunchRefused');
    const period = { baselineYear: plan.baselineYear, endYear: plan.endYear };
    const records = await this.cycles.prepare(cycleId, launchedDefinition(definition, period), async () => {
      const result = planCycle(
        // As a launch through CycleClient does: each item with the target in force for the cycle's year.
        planInForce(
          await readPlan(this.catalog, definition.planCode),
          await new TargetAdjustmentRepository(this.ds).approved(definition.planCode),
          definition.toYear,
        ),
        definition,
        await directoryContacts(this.ds),
      );
      // Thrown, the refusal rolls the cycle's row back: nothing of the refused cycle stays.
      if (!result.ok)
        throw ApplicationFailure.nonRetryable(
          result.gaps.map((g) => `${g.zh} (${g.en})`).join('\n'),
          'LaunchRefused',
          result.gaps,
        );
      return result.items;
    });
    // Written by the launch: judged as launched, with the thresholds and the plan's period saved with the row.
    const launched = records.written ? definition : launchedDefinition(records.definition, period);
    const prepared = preparedCycle(
      records.written ? records.items : records.outlines,
      { ...(launched.planPeriod ?? period), year },
      cycleThresholds(launched),
    );
    log.info('cycle prepared', { cycleId, items: prepared.itemCount, departments: prepared.departments.length });
    return prepared;
  }

  async leadItemKeys({
    cycleId,
    departments,
  }: {
    cycleId: string;
    departments: string[];
  }): Promise<Record<string, string[]>> {
    return leadItemKeys(departments, await this.items.keysOf(cycleId, departments));
  }

  async loadDepartmentItems({ cycleId, department }: { cycleId: string; department: string }): Promise<WorkItemSpec[]> {
    return this.items.specsOf(cycleId, department);
  }

  /**
   * The assignment notices of departments the cycle has just started. Every
   * department is tried once per attempt; the attempt fails while any could
   * not go out, and the retry finds the ones sent in the outbox.
   */
  async sendAssignmentNotices({ cycleId, departments, deadline, at }: AssignmentNoticesInput): Promise<void> {
    const rows = await this.items.titlesOf(cycleId, departments);
    const itemsOf = new Map<string, Array<{ key: string; title: string; status: 'assigned' }>>();
    for (const r of rows) {
      if (!itemsOf.has(r.department)) itemsOf.set(r.department, []);
      itemsOf.get(r.department)!.push({ key: r.key, title: r.title, status: 'assigned' });
    }
    const withItems = departments.filter((d) => itemsOf.has(d));
    const results = await Promise.allSettled(
      withItems.map((department) =>
        // Each notice sent is a sign of life: a worker that dies mid-way is noticed within the heartbeat timeout.
        this.sendNotice({
          cycleId,
          department,
          audience: 'submitter',
          event: 'assignment',
          seq: 1,
          deadline,
          at,
          items: itemsOf.get(department)!,
        }).finally(() => heartbeat()),
      ),
    );
    const failed = results.flatMap((r, i) =>
      r.status === 'rejected' ? [`${withItems[i]}: ${(r.reason as Error).message}`] : [],
    );
    if (failed.length > 0) {
      log.warn('assignment notices waiting for the mail server', {
        cycleId,
        failed: failed.length,
        of: withItems.length,
      });
      throw new Error(`${failed.length} of ${withItems.length} assignment notices not sent yet; first: ${failed[0]}`);
    }
  }

  /**
   * The records a department's workflow queued after answering, oldest first.
   * An outage fails the activity (Temporal retries it); a record refused as
   * data would fail every retry and hold the cycle's close for ever, so its
   * item is marked instead and the refusal handed back.
   */
  async recordCommands(inputs: RecordCommandInput[]): Promise<RefusedRecord[]> {
    const refused: RefusedRecord[] = [];
    for (const input of inputs) {
      try {
        await this.submissions.recordCommand(input);
      } catch (e) {
        if (!isDataError(e)) throw e;
        const error = (e as Error).message;
        log.error('record refused by PostgreSQL as data; item marked for attention', {
          cycleId: input.cycleId,
          itemKey: input.command.itemKey,
          requestId: input.requestId,
          error,
        });
        await this.submissions.markForAttention(input, error);
        refused.push({ requestId: input.requestId, itemKey: input.command.itemKey, error });
      }
    }
    return refused;
  }

  async sendNotice(input: NoticeInput): Promise<NoticeResult> {
    const composed = await composeNotice(this.ds, this.config, input);
    const { recipient } = composed;
    const row = await this.outbox.queueNotice(input, composed);
    if (row.status === 'dropped') return { status: 'dropped', recipient };
    if (row.status !== 'pending') return { status: 'already_sent', recipient };
    return { status: await this.deliveries.wait(row.id, row), recipient };
  }

  async closeCycle({
    cycleId,
    outcomes,
    cancelled,
  }: {
    cycleId: string;
    outcomes: DepartmentOutcome[];
    cancelled: boolean;
  }): Promise<CycleClosing> {
    const cycle = await this.cycles.get(cycleId);
    const plan = await readPlan(this.catalog, cycle.planCode);
    // Who submitted and approved each version, as they acted: the actor of the submit and approve events at its times.
    const approved: ApprovedSubmission[] = (await this.submissions.approvedVersions(cycleId)).map((v) => ({
      itemKey: v.itemKey,
      version: v.version,
      payload: v.payload,
      submittedBy: v.submittedBy,
      approvedBy: v.approvedBy,
      submitter: signatory(v.submitter, v.submittedAt),
      approver: signatory(v.approver, v.approvedAt),
    }));
    const priorAnnual = (await this.approvedInEarlierAnnuals<{ value: number | boolean }>(cycle, 'indicator')).map(
      ({ no, year, payload }) => ({ indicator: no, year, value: payload.value }),
    );
    const priorProjects = (await this.approvedInEarlierAnnuals<ProjectSubmission>(cycle, 'project')).map(
      ({ no, year, payload }) => ({
        project: no,
        year,
        report: { investmentCumulative: payload.investmentCumulative, constructionStatus: payload.constructionStatus },
      }),
    );
    const assignments = await this.items.assignments(cycleId);
    // Each co-operating department's latest word on an item.
    const contributions = await this.submissions.contributions(cycleId);
    const { figures, contentHash } = buildCycleReport({
      cycle: { id: cycleId, kind: cycle.kind, fromYear: cycle.fromYear, toYear: cycle.toYear },
      plan,
      approved,
      priorAnnual,
      priorProjects,
      outcomes,
      assignments,
      contributions,
      // Judged against the targets in force for the cycle's year (动态调整修订), the plan's own shown beside them.
      adjustments: await new TargetAdjustmentRepository(this.ds).approved(cycle.planCode),
      // The cycle's thresholds as saved at launch; figures.thresholds records them with the report.
      thresholds: cycleThresholds(cycle.definition as CycleDefinition),
      // 监督考核 scores departments of a cycle that ran its course, not of one cancelled.
      assessment: cancelled
        ? undefined
        : {
            weights: cycleAssessmentWeights(cycle.definition as CycleDefinition),
            items: await this.assessments.assessedItems(cycleId),
          },
    });

    const same = await this.cycles.reportWithHash(cycleId, contentHash);
    if (same) return { reportPath: same.path, contentHash, version: same.version };
    const version = (await this.cycles.reportCount(cycleId)) + 1;
    const dir = resolve(this.config.reportsDir, cycleId.replace(/[^A-Za-z0-9-]+/g, '_'));
    // Every compiled version is a draft for comments until the bureau finalises it. A recompile (after a
    // reopen) keeps the bureau's edits of the sections it still drafts, in place of the drafted text.
    const edits = await new ReportTextRepository(this.ds).latestEdits(cycleId);
    const { json: path } = await writeReportFiles(
      dir,
      version,
      figures,
      contentHash,
      { issuer: this.config.issuer, issuedAt: new Date(), stage: 'draft' },
      edits,
    );
    // Before the version is recorded: a retry compiles the same version and writes its scores once.
    if (figures.assessment) await this.assessments.record(cycleId, version, figures.assessment);
    await this.cycles.close(cycleId, { version, contentHash, path, timeliness: outcomes }, cancelled);
    log.info('cycle closed', { cycleId, version, contentHash, path });
    return { reportPath: path, contentHash, version };
  }

  /**
   * The latest approved payload of each item of one kind in the plan's annual
   * cycles up to this cycle's year: series, and last year's report to compare
   * with. The report takes the cycle's own year from them only in a final
   * evaluation (libs/report/cycle-report.ts).
   */
  private async approvedInEarlierAnnuals<P>(
    cycle: EvaluationCycle,
    kind: 'indicator' | 'project',
  ): Promise<Array<{ no: number; year: number; payload: P }>> {
    return this.submissions.approvedInAnnuals<P>(cycle.planCode, cycle.toYear, kind);
  }

  async reopenCycle({
    cycleId,
    itemKeys,
    deadline,
    hardClose,
  }: {
    cycleId: string;
    itemKeys: string[];
    deadline?: string;
    hardClose?: string;
  }): Promise<ReopenedCycle> {
    const cycle = await this.cycles.get(cycleId);
    const definition = cycle.definition as CycleDefinition;
    const { requireBureauAcceptance } = definition;
    const plan = await readPlan(this.catalog, cycle.planCode);
    // Only what was approved is reopened; the client refused anything else before the run started.
    const rows = (await this.items.items(cycleId, itemKeys)).filter(
      (r) => r.status === 'approved' || r.status === 'accepted',
    );
    const departments = new Map<string, ReopenedDepartment>();
    for (const r of rows) {
      const d = departments.get(r.department) ?? { department: r.department, itemKeys: [], doneBefore: 0 };
      d.itemKeys.push(r.itemKey);
      if (r.status === 'accepted' || !requireBureauAcceptance) d.doneBefore += 1;
      departments.set(r.department, d);
    }
    // The reopen's own dates (histories from before they were passed give none): its links expire by its hard close.
    const dates = deadline && hardClose ? { deadline: new Date(deadline), hardClose: new Date(hardClose) } : {};
    await this.cycles.markReopened(cycleId, dates);
    log.info('cycle reopened', { cycleId, items: rows.length, departments: departments.size });
    return {
      departments: [...departments.values()],
      // As the cycle was launched: the plan's period and thresholds saved with its row.
      years: {
        ...(definition.planPeriod ?? { baselineYear: plan.file.plan.baselineYear, endYear: plan.file.plan.endYear }),
        year: cycle.toYear,
      },
      thresholds: cycleThresholds(definition),
      previousOutcomes: await this.cycles.recordedTimeliness(cycleId),
    };
  }

  async recordCycleProblem(problem: CycleProblemInput): Promise<number> {
    const id = await this.problems.record(problem);
    log.error('cycle step stopped after its retries; waiting for the bureau’s retry', { ...problem, problemId: id });
    // Queued, not waited for: the relay sends it when the mail server can take it, and the workflow waits for the retry.
    const notice: NoticeInput = {
      cycleId: problem.cycleId,
      department: problem.department ?? 'bureau',
      audience: 'bureau',
      event: 'activity_failed',
      seq: id,
      items: [],
      deadline: problem.at,
      at: problem.at,
      reason: `${problem.step}: ${problem.error}`,
    };
    await this.outbox.queueNotice(notice, await composeNotice(this.ds, this.config, notice));
    return id;
  }

  async restoreDepartment({
    cycleId,
    department,
    itemKeys,
  }: {
    cycleId: string;
    department: string;
    itemKeys: string[];
  }): Promise<RestoredDepartment> {
    const rows = await this.items.standing(cycleId, department, itemKeys);
    const items: ItemState[] = rows.map((r) => ({
      key: r.itemKey,
      status: r.status,
      version: r.version,
      draft: null,
      firstSubmittedAt: r.firstSubmittedAt,
      lastSubmittedAt: r.lastSubmittedAt,
      doneAt: null,
      rejections: r.rejections,
      contributions: [],
    }));
    return {
      specs: rows.map((r) => r.spec),
      items,
      noticeSeq: await this.outbox.lastSeqs(cycleId, department),
    };
  }
}
