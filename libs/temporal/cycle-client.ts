/**
 * What the bureau, departments and supervisors do to a running cycle, over the
 * Temporal client: the one path used by the API, the CLI, the demo and the tests.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import type { AuditRecord } from '../access/audit-log';
import { directoryContacts, readPlan } from '../catalog/catalog-read';
import { isOneOf } from '../common/one-of';
import {
  CYCLE_KINDS,
  cycleTitle,
  cycleWorkflowId,
  departmentWorkflowId,
  LAUNCH_ITEM_KINDS,
  launchedDefinition,
  type CycleDefinition,
} from '../cycle/cycle-definition';
import { THRESHOLD_PRESET_NAMES } from '../rules/thresholds';
import { checkAssessmentWeights } from '../rules/department-assessment';
import { periodProblems, planCalendar } from '../cycle/calendar';
import { CYCLE_WORKFLOW_TASK_TIMEOUT } from '../cycle/cycle-limits';
import { planCycle } from '../cycle/cycle-planning';
import { launchPreview, type LaunchPreview } from '../cycle/launch-preview';
import type { Actor, Command, DepartmentStatus } from '../cycle/department-state';
import { parseDuration } from '../cycle/duration';
import type { WorkItemSpec } from '../cycle/submission';
import { checkReopen, type ReopenRequest } from '../cycle/reopen';
import type { Localized } from '../plan/localized';
import type { ItemCommandOutcome, ItemCommandResult } from '../../workflows/department-cycle.messages';
import { isDataError } from '../persistence/data-errors';
import { AuditRepository } from '../persistence/repositories/audit.repository';
import { CatalogRepository } from '../persistence/repositories/catalog.repository';
import { CycleItemRepository } from '../persistence/repositories/cycle-item.repository';
import { CycleRepository } from '../persistence/repositories/cycle.repository';
import { SubmissionRepository } from '../persistence/repositories/submission.repository';
import { TargetAdjustmentRepository } from '../persistence/repositories/target-adjustment.repository';
import { planInForce } from '../report/targets-in-force';
import {
  bulkApproveUpdate,
  departmentStatusQuery,
  extendDeadlineSignal,
  itemCommandUpdate,
} from '../../workflows/department-cycle.messages';
import {
  cancelCycleSignal,
  cycleStatusQuery,
  extendCycleDeadlineSignal,
  remindAllSignal,
  type CycleStatus,
} from '../../workflows/evaluation-cycle.messages';
import type { evaluationCycle } from '../../workflows/evaluation-cycle.workflow';

/** Told to whoever sent a command whose record PostgreSQL refused (the bureau is told too). */
const RECORD_REFUSED: Localized = {
  zh: '操作已受理，但记录未能保存（内容无法存储），已通知统计局处理',
  en: 'the action was taken, but its record could not be stored (content the database cannot hold); the bureau has been told',
};

/**
 * A department as the live view shows it: `running` with its state, or
 * `starting` while the cycle has named it but its workflow has not started yet
 * (right after a launch), with nothing to count so far.
 */

/** An item's status and version, as an audit entry records them before and after a command. */
export type ItemStanding = Pick<ItemCommandResult, 'status' | 'version'>;
export type LiveDepartmentStatus =
  (DepartmentStatus & { phase: 'running' }) | { department: string; phase: 'starting' };

export interface LiveCycleStatus {
  phase: CycleStatus['phase'];
  counts: DepartmentStatus['counts'];
  departments: LiveDepartmentStatus[];
  overdue: Array<{ department: string; itemKey: string }>;
}

/** A request refused with reasons a person can act on. */
export class CycleRequestError extends Error {
  constructor(
    readonly code: 'launch_refused' | 'already_launched' | 'command_refused' | 'invalid_request',
    readonly problems: Localized[],
  ) {
    super(problems.map((p) => `${p.zh} (${p.en})`).join('\n'));
    this.name = 'CycleRequestError';
  }
}

export class CycleClient {
  private readonly catalog: CatalogRepository;
  private readonly cycles: CycleRepository;
  private readonly items: CycleItemRepository;
  private readonly submissions: SubmissionRepository;
  private readonly audit: AuditRepository;

  constructor(
    private readonly client: Client,
    /** The cycles' task queue: their reviews run there too. */
    readonly taskQueue: string,
    private readonly ds: DataSource,
  ) {
    this.catalog = new CatalogRepository(ds);
    this.cycles = new CycleRepository(ds);
    this.items = new CycleItemRepository(ds);
    this.submissions = new SubmissionRepository(ds);
    this.audit = new AuditRepository(ds);
  }

  /** Checks everything a cycle needs before it starts, then starts it once and only once. */
  async launch(definition: CycleDefinition): Promise<{ cycleId: string; departments: number; items: number }> {
    const { plan, planned } = await this.planLaunch(definition);
    const cycleId = cycleWorkflowId(definition);
    // Saved and started with its thresholds and the plan's period fixed: later edits change nothing of this cycle.
    const launched = launchedDefinition(definition, plan.file.plan);
    // Started first, then its rows written in one short transaction: no transaction (and its locks) stays
    // open while the Temporal server answers, and a start refused (launched already) has written nothing.
    // If this process dies between the two, the cycle's first step (prepareCycle) finds no rows and plans
    // and writes them itself, as for a scheduled launch; one running beside this write waits for it and
    // reads its rows back, or wrote them first and this write finds the cycle's row and adds nothing.
    try {
      await this.client.workflow.start<typeof evaluationCycle>('evaluationCycle', {
        workflowId: cycleId,
        taskQueue: this.taskQueue,
        args: [{ definition: launched }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        workflowTaskTimeout: CYCLE_WORKFLOW_TASK_TIMEOUT,
      });
    } catch (e) {
      if (e instanceof WorkflowExecutionAlreadyStartedError) {
        throw new CycleRequestError('already_launched', [
          {
            zh: `${cycleTitle(launched).zh}已经发起过，不能重复发起`,
            en: `the ${cycleTitle(launched).en} was already launched; it cannot be launched twice`,
          },
        ]);
      }
      throw e;
    }
    await this.cycles.writeLaunched(cycleId, launched, planned.items);
    return { cycleId, departments: planned.departments.length, items: planned.items.length };
  }

  /** What a launch would start and mail, refused exactly as the launch would be; nothing is written. */
  async previewLaunch(definition: CycleDefinition): Promise<LaunchPreview & { cycleId: string }> {
    const { planned, contacts } = await this.planLaunch(definition);
    return { cycleId: cycleWorkflowId(definition), ...launchPreview(planned.items, contacts) };
  }

  /** The launch's checks, every problem at once: the request, its years against the plan's calendar, the plan's readiness. */
  private async planLaunch(definition: CycleDefinition) {
    const problems = checkDefinition(definition);
    if (problems.length) throw new CycleRequestError('invalid_request', problems);
    // Each item specified with the target in force for the cycle's year (动态调整修订): the form, its expected value and the review judge by it.
    const plan = planInForce(
      await readPlan(this.catalog, definition.planCode),
      await new TargetAdjustmentRepository(this.ds).approved(definition.planCode),
      definition.toYear,
    );
    const outside = periodProblems(definition, planCalendar(plan.file.plan));
    if (outside.length) throw new CycleRequestError('invalid_request', outside);
    const contacts = await directoryContacts(this.ds);
    const planned = planCycle(plan, definition, contacts);
    if (!planned.ok) throw new CycleRequestError('launch_refused', planned.gaps);
    return { plan, planned, contacts };
  }

  /**
   * Reopens named items of a closed cycle, with the reason their submitters will
   * read: a new run of the cycle's workflow (same ID) takes back only the items'
   * departments, restores their state from PostgreSQL, returns the items, waits
   * for the corrections to be approved and writes the next report version; the
   * earlier versions stay. Refused, with every reason at once, unless the cycle
   * is closed and each item was approved.
   */
  async reopenClosed(
    cycleId: string,
    request: Omit<ReopenRequest, 'requestId'> & { requestId?: string },
  ): Promise<{ cycleId: string; runId: string; departments: string[]; items: string[] }> {
    const items = [...new Set(request.items)];
    const cycle = await this.cycles.find(cycleId);
    const rows = await this.items.items(cycleId, items);
    const problems = checkReopen({ ...request, items }, { cycle, items: rows });
    if (problems.length) throw new CycleRequestError(cycle ? 'command_refused' : 'invalid_request', problems);
    const reopen: ReopenRequest = { ...request, items, requestId: request.requestId ?? `reopen/${randomUUID()}` };
    try {
      const handle = await this.client.workflow.start<typeof evaluationCycle>('evaluationCycle', {
        workflowId: cycleId,
        taskQueue: this.taskQueue,
        args: [{ definition: cycle!.definition as CycleDefinition, reopen }],
        // A cycle that has finished may run again, for a reopen; a running one may not.
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
        workflowTaskTimeout: CYCLE_WORKFLOW_TASK_TIMEOUT,
      });
      // The first collection's extensions end with it: the reopen's deadline applies to every department it names.
      await this.cycles.clearDepartmentDeadlines(cycleId);
      return {
        cycleId,
        runId: handle.firstExecutionRunId,
        departments: [...new Set(rows.map((r) => r.department))].sort(),
        items,
      };
    } catch (e) {
      if (e instanceof WorkflowExecutionAlreadyStartedError) {
        throw new CycleRequestError('command_refused', [
          {
            zh: `${cycleTitle(cycle!).zh}仍在进行或正在结束，请稍后再试`,
            en: `the ${cycleTitle(cycle!).en} is still running or closing; try again shortly`,
          },
        ]);
      }
      throw e;
    }
  }

  /**
   * Applies a command through the department's workflow; once it answers, the
   * change is in PostgreSQL too, with its audit entry (`audit`, made from the
   * answer) in the same statement. The item's specification (`spec`), when the
   * caller has read its row, spares a department's first command the reading of all its items'.
   */
  async command(
    cycleId: string,
    department: string,
    requestId: string,
    actor: Actor,
    command: Command,
    audit?: (result: ItemCommandResult, before: ItemStanding) => AuditRecord,
    spec?: WorkItemSpec,
  ): Promise<ItemCommandResult> {
    const outcome = await refusedAsError(() =>
      this.client.workflow
        .getHandle(departmentWorkflowId(cycleId, department))
        .executeUpdate(itemCommandUpdate, { args: [{ requestId, actor, command, spec }], updateId: requestId }),
    );
    return this.written(outcome, audit);
  }

  /** Approves several items at once; each approval written with its own audit entry (`audit`, made from its answer and position). */
  async bulkApprove(
    cycleId: string,
    department: string,
    requestId: string,
    actor: Actor,
    itemKeys: string[],
    audit?: (result: ItemCommandResult, before: ItemStanding, index: number) => AuditRecord,
  ): Promise<ItemCommandResult[]> {
    const outcomes = await refusedAsError(() =>
      this.client.workflow
        .getHandle(departmentWorkflowId(cycleId, department))
        .executeUpdate(bulkApproveUpdate, { args: [{ requestId, actor, itemKeys }], updateId: requestId }),
    );
    const results: ItemCommandResult[] = [];
    for (const [i, outcome] of outcomes.entries())
      results.push(await this.written(outcome, audit && ((result, before) => audit(result, before, i))));
    return results;
  }

  /**
   * Writes the record the workflow answered with (it writes it too, later), so the caller reads its own change,
   * with its audit entry. The item's state before the command is the workflow's, as it applied it (a read before
   * sending could be overtaken by another command); an answer without a record repeats a command already
   * applied, which changed nothing this time.
   */
  private async written(
    { record, ...result }: ItemCommandOutcome,
    audit?: (result: ItemCommandResult, before: ItemStanding) => AuditRecord,
  ): Promise<ItemCommandResult> {
    const before: ItemStanding = record
      ? { status: record.statusBefore, version: record.versionBefore ?? result.version }
      : { status: result.status, version: result.version };
    const entry = audit?.(result, before);
    try {
      if (record) await this.submissions.recordCommand(record, entry);
      else if (entry) await this.audit.append(entry);
    } catch (e) {
      // The workflow has applied the command: answering an error would be untrue. Its own
      // write of the record meets the same refusal, marks the item and tells the bureau.
      if (!isDataError(e)) throw e;
      return { ...result, warnings: [...result.warnings, RECORD_REFUSED] };
    }
    return result;
  }

  /** Moves the deadline for every department, or for one; their timers move with it. */
  async extend(cycleId: string, deadline: string, department?: string): Promise<void> {
    if (Number.isNaN(Date.parse(deadline)))
      throw new CycleRequestError('invalid_request', [
        { zh: `截止时间“${deadline}”格式不对`, en: `deadline "${deadline}" is not a date` },
      ]);
    const at = new Date(deadline).toISOString();
    // The deadline in force is recorded as the workflows apply it (a cycle-wide extension overrides every
    // department's own), so the dashboard judges what is overdue from the records and the clock.
    if (department) {
      await this.client.workflow
        .getHandle(departmentWorkflowId(cycleId, department))
        .signal(extendDeadlineSignal, { deadline });
      await this.cycles.setDepartmentDeadline(cycleId, department, at);
    } else {
      await this.client.workflow.getHandle(cycleId).signal(extendCycleDeadlineSignal, { deadline });
      await this.cycles.setDeadline(cycleId, at);
    }
  }

  async remindNow(cycleId: string, department?: string): Promise<void> {
    await this.client.workflow.getHandle(cycleId).signal(remindAllSignal, { department });
  }

  async cancel(cycleId: string, reason: string): Promise<void> {
    await this.client.workflow.getHandle(cycleId).signal(cancelCycleSignal, { reason });
  }

  async status(cycleId: string): Promise<CycleStatus> {
    return this.client.workflow.getHandle(cycleId).query(cycleStatusQuery);
  }

  /**
   * The whole cycle's live state, from the workflows themselves (no database):
   * counts by state, each department's, and every overdue item. What is known so
   * far: a department the cycle has named but not yet started is `starting`.
   */
  async liveStatus(cycleId: string): Promise<LiveCycleStatus> {
    const cycle = await this.status(cycleId);
    const finished = new Set(cycle.finished.map((o) => o.department));
    const departments = await Promise.all(
      cycle.departments.filter((d) => !finished.has(d)).map((d) => this.liveDepartment(cycleId, d)),
    );
    const running = departments.filter((d) => d.phase === 'running');
    const counts = { assigned: 0, draft: 0, submitted: 0, returned: 0, approved: 0, accepted: 0 };
    for (const d of running)
      for (const [state, n] of Object.entries(d.counts)) counts[state as keyof typeof counts] += n;
    return {
      phase: cycle.phase,
      counts,
      departments,
      overdue: running.flatMap((d) => d.overdue.map((itemKey) => ({ department: d.department, itemKey }))),
    };
  }

  private async liveDepartment(cycleId: string, department: string): Promise<LiveDepartmentStatus> {
    try {
      return { ...(await this.departmentStatus(cycleId, department)), phase: 'running' };
    } catch (e) {
      // The cycle names its departments before it starts their workflows, in batches: until
      // then there is no workflow to ask, which is a state to show, not an error.
      if (e instanceof WorkflowNotFoundError) return { department, phase: 'starting' };
      throw e;
    }
  }

  async departmentStatus(cycleId: string, department: string): Promise<DepartmentStatus> {
    return this.client.workflow.getHandle(departmentWorkflowId(cycleId, department)).query(departmentStatusQuery);
  }
}

/** A name the launch gives that is not among the choices (the CLI's and the calendar's launches are not DTO-checked). */
function unknownChoice(zh: string, en: string, given: unknown, choices: readonly string[]): Localized {
  return {
    zh: `${zh}“${String(given)}”不存在，可选：${choices.join('、')}`,
    en: `${en} "${String(given)}" does not exist; choose one of ${choices.join(', ')}`,
  };
}

/** The launch request's own sanity: known names, dates in order, durations readable, a period in years. */
export function checkDefinition(d: CycleDefinition): Localized[] {
  const problems: Localized[] = [];
  if (!isOneOf(CYCLE_KINDS, d.kind)) problems.push(unknownChoice('评估类型', 'kind', d.kind, CYCLE_KINDS));
  for (const k of d.itemKinds.filter((k) => !isOneOf(LAUNCH_ITEM_KINDS, k)))
    problems.push(unknownChoice('事项类型', 'item kind', k, LAUNCH_ITEM_KINDS));
  const deadline = Date.parse(d.deadline);
  const hardClose = Date.parse(d.hardClose);
  if (Number.isNaN(deadline))
    problems.push({ zh: `截止时间“${d.deadline}”格式不对`, en: `deadline "${d.deadline}" is not a date` });
  if (Number.isNaN(hardClose))
    problems.push({ zh: `关闭时间“${d.hardClose}”格式不对`, en: `hard close "${d.hardClose}" is not a date` });
  if (deadline >= hardClose)
    problems.push({ zh: '关闭时间应晚于截止时间', en: 'the hard close must come after the deadline' });
  if (d.fromYear > d.toYear)
    problems.push({ zh: '起始年份不能晚于结束年份', en: 'the first year cannot come after the last' });
  if (d.kind === 'annual' && d.fromYear !== d.toYear)
    problems.push({ zh: '年度监测只覆盖一年', en: 'annual monitoring covers one year' });
  if (d.itemKinds.length === 0) problems.push({ zh: '请至少选择一类事项', en: 'choose at least one kind of item' });
  if (d.thresholdPreset !== undefined && !isOneOf(THRESHOLD_PRESET_NAMES, d.thresholdPreset))
    problems.push(unknownChoice('阈值方案', 'threshold preset', d.thresholdPreset, THRESHOLD_PRESET_NAMES));
  if (d.assessmentWeights !== undefined) problems.push(...checkAssessmentWeights(d.assessmentWeights));
  const p = d.policy;
  for (const [name, value] of [
    ...p.remindBefore.map((v) => ['remindBefore', v]),
    ['overdueAfter', p.overdueAfter],
    ['overdueEvery', p.overdueEvery],
    ['escalateToSupervisorAfter', p.escalateToSupervisorAfter],
    ['escalateToBureauAfter', p.escalateToBureauAfter],
    ['reviewReminderAfter', p.reviewReminderAfter],
    ['reviewReminderEvery', p.reviewReminderEvery],
    ...(p.digestWindow === undefined ? [] : [['digestWindow', p.digestWindow]]),
  ]) {
    if (parseDuration(value) === null)
      problems.push({
        zh: `催办策略 ${name} 的时长“${value}”无法识别（示例：'7 days'、'90s'）`,
        en: `policy ${name}: "${value}" is not a duration (e.g. '7 days', '90s')`,
      });
  }
  if ((parseDuration(p.overdueEvery) ?? 1) === 0)
    problems.push({ zh: '逾期提醒间隔不能为0', en: 'overdueEvery cannot be zero' });
  return problems;
}

/**
 * A workflow's refusal of a command (the `CommandRefused` failure of
 * workflows/command-refusal.ts, its words in both languages) as the caller's
 * CycleRequestError; any other failure as it was.
 */
export async function refusedAsError<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (
      e instanceof WorkflowUpdateFailedError &&
      e.cause instanceof ApplicationFailure &&
      e.cause.type === 'CommandRefused'
    ) {
      const detail = e.cause.details?.[0] as Localized | undefined;
      throw new CycleRequestError('command_refused', [detail ?? { zh: e.cause.message, en: e.cause.message }]);
    }
    throw e;
  }
}
