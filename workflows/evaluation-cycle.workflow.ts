/**
 * An evaluation cycle (年度监测分析, 中期评估, 总结评估): prepares the work items,
 * runs one child workflow per lead department, forwards the bureau's actions
 * to them, and when they are all done (or the hard close passes) freezes the
 * approved data, compiles the report and tells the bureau.
 */
import {
  ParentClosePolicy,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
  type ChildWorkflowHandle,
} from '@temporalio/workflow';
import type {
  CycleActivities,
  DepartmentOutcome,
  NoticeInput,
  PreparedCycle,
  ReopenedCycle,
} from '@libs/cycle/activities-contract';
import { ACTIVITY_RETRIES, boundedTo } from '@libs/cycle/cycle-problem';
import { departmentWorkflowId, type CycleDefinition } from '@libs/cycle/cycle-definition';
import { durationMs } from '@libs/cycle/duration';
import {
  mergeReopenedOutcomes,
  REOPEN_HARD_CLOSE_AFTER,
  REOPEN_RESPONSE_TIME,
  type ReopenRequest,
} from '@libs/cycle/reopen';
import { workflowNow } from './clock';
import { stepRecovery } from './recoverable-step';
import { cycleAttributes, departmentAttributes, phaseAttribute, standingAttributes } from './search-attributes';
import {
  cancelSignal,
  closeDepartmentSignal,
  extendDeadlineSignal,
  remindNowSignal,
} from './department-cycle.messages';
import { departmentCycle } from './department-cycle.workflow';
import {
  cancelCycleSignal,
  cycleStatusQuery,
  departmentDoneSignal,
  extendCycleDeadlineSignal,
  remindAllSignal,
  type CycleStatus,
} from './evaluation-cycle.messages';

/**
 * The cycle's activities by class, each retried within its bound
 * (ACTIVITY_RETRIES says why each): PostgreSQL reads and writes, notices
 * (assignment digests' heartbeat: a worker that dies mid-way is noticed
 * within a minute, as a department's own notice would be by its one-minute
 * timeout, not after ten), and the report. A step whose bound runs out waits
 * for the bureau's retry (recoverable-step.ts).
 */
function cycleActivities(attempts: number | undefined) {
  const records = boundedTo(ACTIVITY_RETRIES.records, attempts);
  const notices = boundedTo(ACTIVITY_RETRIES.notices, attempts);
  const report = boundedTo(ACTIVITY_RETRIES.report, attempts);
  return {
    retries: { records, notices, report },
    records: proxyActivities<Pick<CycleActivities, 'prepareCycle' | 'reopenCycle' | 'leadItemKeys'>>({
      startToCloseTimeout: '10 minutes',
      retry: { ...records, nonRetryableErrorTypes: ['LaunchRefused'] },
    }),
    notices: proxyActivities<Pick<CycleActivities, 'sendNotice'>>({
      startToCloseTimeout: '10 minutes',
      retry: notices,
    }),
    assignments: proxyActivities<Pick<CycleActivities, 'sendAssignmentNotices'>>({
      startToCloseTimeout: '10 minutes',
      heartbeatTimeout: '1 minute',
      retry: notices,
    }),
    report: proxyActivities<Pick<CycleActivities, 'closeCycle'>>({ startToCloseTimeout: '10 minutes', retry: report }),
  };
}

/**
 * Children are started this many at a time, well under Temporal's 2,000
 * pending children; assignment notices go out per group of started
 * departments, one activity each. Both sizes shape the commands every cycle
 * records: change them only behind `patched()`, or running cycles fail to replay.
 */
const CHILD_START_BATCH = 100;
const ASSIGNMENT_NOTICE_GROUP = 10;

export interface EvaluationCycleInput {
  definition: CycleDefinition;
  /**
   * A later run under the same workflow ID that reopens items of the closed
   * cycle: only their departments run again, and the close writes the next report version.
   */
  reopen?: ReopenRequest;
  /** Tests only: every activity's attempts bounded to this (a permanent fault stops its step in seconds). */
  activityAttempts?: number;
}

export async function evaluationCycle({
  definition,
  reopen,
  activityAttempts,
}: EvaluationCycleInput): Promise<CycleStatus> {
  const cycleId = workflowInfo().workflowId;
  const activities = cycleActivities(activityAttempts);
  const { retries } = activities;
  const recoverable = stepRecovery(cycleId, null);
  const startedAt = workflowNow();
  const deadline = reopen
    ? (reopen.deadline ?? new Date(startedAt + durationMs(REOPEN_RESPONSE_TIME)).toISOString())
    : definition.deadline;
  const hardClose = reopen
    ? (reopen.hardClose ?? new Date(startedAt + durationMs(REOPEN_HARD_CLOSE_AFTER)).toISOString())
    : definition.hardClose;
  const status: CycleStatus = {
    phase: 'preparing',
    departments: [],
    finished: [],
    deadline,
    cancelled: false,
    reportPath: null,
  };
  upsertSearchAttributes([...cycleAttributes(definition), phaseAttribute(status.phase)]);
  const enterPhase = (phase: CycleStatus['phase']) => {
    status.phase = phase;
    upsertSearchAttributes([phaseAttribute(phase)]);
  };
  const childId = (department: string) => departmentWorkflowId(cycleId, department);
  /**
   * Bureau actions reach the children in the order they were given, once every
   * child has started: a signal to a department not started yet fails, and the
   * failure, recorded, would fail every replay of the cycle's task (a launch of
   * 2,000 departments took ten minutes on the bench). A department started
   * meanwhile is started with the deadline in force and gets the action after.
   */
  let departmentsStarted!: () => void;
  let forwarding = new Promise<void>((resolve) => (departmentsStarted = resolve));
  /** `department` undefined: every department of the cycle, as known when the action is sent. */
  const forward = (department: string | undefined, send: (id: string) => Promise<void>) => {
    forwarding = forwarding.then(async () => {
      await Promise.all((department ? [department] : status.departments).map((d) => send(childId(d))));
    });
  };

  setHandler(cycleStatusQuery, () => status);
  setHandler(extendCycleDeadlineSignal, ({ deadline, department }) => {
    if (!department) status.deadline = deadline;
    forward(department, (id) => getExternalWorkflowHandle(id).signal(extendDeadlineSignal, { deadline }));
  });
  setHandler(remindAllSignal, ({ department }) => {
    forward(department, (id) => getExternalWorkflowHandle(id).signal(remindNowSignal));
  });
  // When every department is done, the cycle closes them all; a reopen takes one back out.
  const done = new Set<string>();
  let closing = false;
  setHandler(departmentDoneSignal, ({ department, done: isDone }) => {
    if (isDone) done.add(department);
    else done.delete(department);
    if (!closing && status.departments.length > 0 && done.size === status.departments.length) {
      closing = true;
      forward(undefined, (id) => getExternalWorkflowHandle(id).signal(closeDepartmentSignal));
    }
  });
  setHandler(cancelCycleSignal, ({ reason }) => {
    status.cancelled = true;
    if (reason) status.cancelReason = reason;
    forward(undefined, (id) => getExternalWorkflowHandle(id).signal(cancelSignal, { reason }));
  });

  const sendNotice = (notice: NoticeInput) =>
    recoverable('sendNotice', retries.notices, () => activities.notices.sendNotice(notice));

  let prepared: Pick<PreparedCycle, 'departments' | 'years' | 'thresholds' | 'contributors'>;
  /** Each department of a batch and its items: the cycle's (whose assignment the cycle sends), or the reopened ones. */
  let itemsOf: (batch: string[]) => Promise<Record<string, string[]>>;
  let reopened: ReopenedCycle | null = null;
  if (reopen) {
    // The row takes the reopen's dates: links minted from now on expire by its hard close, not the first one.
    reopened = await recoverable('reopenCycle', retries.records, () =>
      activities.records.reopenCycle({ cycleId, itemKeys: reopen.items, deadline, hardClose }),
    );
    const { departments } = reopened;
    // Co-operating departments gave their input the first time; a reopen asks only the leads.
    prepared = {
      departments: departments.map((d) => d.department),
      years: reopened.years,
      thresholds: reopened.thresholds,
      contributors: [],
    };
    itemsOf = async (batch) =>
      Object.fromEntries(batch.map((b) => [b, departments.find((d) => d.department === b)!.itemKeys]));
  } else {
    prepared = await recoverable('prepareCycle', retries.records, () =>
      activities.records.prepareCycle({ cycleId, definition }),
    );
    // A batch's keys at a time: every item's key in one payload would outgrow Temporal's limit (activities-contract.ts).
    itemsOf = (batch) =>
      recoverable('leadItemKeys', retries.records, () =>
        activities.records.leadItemKeys({ cycleId, departments: batch }),
      );
  }
  status.departments = prepared.departments;
  enterPhase('collecting');

  const children: Array<ChildWorkflowHandle<typeof departmentCycle>> = [];
  const assignmentNotices: Array<Promise<void>> = [];
  const batchAt = (i: number) => prepared.departments.slice(i, i + CHILD_START_BATCH);
  // The next batch's keys are read while this batch starts: the reads add one round trip to the launch, not one per batch.
  let nextItems = prepared.departments.length > 0 ? itemsOf(batchAt(0)) : Promise.resolve<Record<string, string[]>>({});
  for (let i = 0; i < prepared.departments.length; i += CHILD_START_BATCH) {
    const batch = batchAt(i);
    const items = await nextItems;
    if (i + CHILD_START_BATCH < prepared.departments.length) nextItems = itemsOf(batchAt(i + CHILD_START_BATCH));
    const starting = batch.map((department) =>
      startChild(departmentCycle, {
        workflowId: childId(department),
        parentClosePolicy: ParentClosePolicy.TERMINATE,
        typedSearchAttributes: [
          ...cycleAttributes(definition),
          ...departmentAttributes(department),
          ...standingAttributes({ phase: 'collecting', overdue: false }),
        ],
        args: [
          {
            cycleId,
            department,
            years: prepared.years,
            deadline: status.deadline,
            hardClose,
            requireBureauAcceptance: definition.requireBureauAcceptance,
            thresholds: prepared.thresholds,
            policy: definition.policy,
            items: items[department],
            ...(reopen ? { reopen: { requestId: reopen.requestId, actor: reopen.actor, reason: reopen.reason } } : {}),
            ...(activityAttempts !== undefined ? { activityAttempts } : {}),
          },
        ],
      }),
    );
    // Each group is mailed once its departments have started (so a link followed at
    // once finds its department), while the rest of the batch is still starting.
    // A reopen's notice is each department's own, with the bureau's reason.
    for (let g = 0; !reopen && g < batch.length; g += ASSIGNMENT_NOTICE_GROUP) {
      const group = batch.slice(g, g + ASSIGNMENT_NOTICE_GROUP);
      assignmentNotices.push(
        Promise.all(starting.slice(g, g + ASSIGNMENT_NOTICE_GROUP)).then(() =>
          recoverable('sendAssignmentNotices', retries.notices, () =>
            activities.assignments.sendAssignmentNotices({
              cycleId,
              departments: group,
              deadline: Date.parse(status.deadline),
              at: workflowNow(),
            }),
          ),
        ),
      );
    }
    children.push(...(await Promise.all(starting)));
  }
  departmentsStarted();

  // Co-operating departments are asked for their input on the items they share, once each.
  for (let i = 0; i < prepared.contributors.length; i += CHILD_START_BATCH) {
    await Promise.all(
      prepared.contributors.slice(i, i + CHILD_START_BATCH).map((c) =>
        sendNotice({
          cycleId,
          department: c.department,
          audience: 'submitter',
          event: 'contribution_request',
          seq: 1,
          items: c.items.map((item) => ({ ...item, status: 'assigned' as const })),
          deadline: Date.parse(status.deadline),
          at: workflowNow(),
        }),
      ),
    );
  }

  await Promise.all(assignmentNotices);

  const finished: DepartmentOutcome[] = await Promise.all(
    children.map(async (child) => {
      const outcome = await child.result();
      status.finished.push(outcome);
      return outcome;
    }),
  );
  await forwarding;
  const outcomes = reopened
    ? mergeReopenedOutcomes(
        reopened.previousOutcomes,
        reopened.departments.map((d) => ({ ...d, outcome: finished.find((o) => o.department === d.department)! })),
      )
    : finished;

  enterPhase('closing');
  const report = await recoverable('closeCycle', retries.report, () =>
    activities.report.closeCycle({ cycleId, outcomes, cancelled: status.cancelled }),
  );
  status.reportPath = report.reportPath;
  await sendNotice({
    cycleId,
    department: 'bureau',
    audience: 'bureau',
    event: status.cancelled ? 'cycle_cancelled' : 'report_ready',
    seq: report.version,
    items: [],
    deadline: Date.parse(status.deadline),
    at: workflowNow(),
    reportPath: report.reportPath,
    ...(status.cancelled && status.cancelReason ? { reason: status.cancelReason } : {}),
  });
  enterPhase('closed');
  return status;
}
