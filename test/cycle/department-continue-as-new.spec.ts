/**
 * One department's workflow continued as new at every point of its life:
 * during a digest window, between submission and review, with an Update in
 * flight. A tiny department (three tasks), stub activities that only count
 * their calls, the time-skipping server; the history limit (a test-only
 * input) makes the run continue as new whenever it has done anything.
 * Whatever the runs, every notice goes out once and every answer survives.
 * And, in one run, the task that answers a department's first command: what the
 * sender waits on issues one timer and cancels none.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  WorkflowUpdateStage,
  type WorkflowHandle,
  type WorkflowHandleWithFirstExecutionRunId,
} from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import type { CycleActivities, NoticeInput, RecordCommandInput, RefusedRecord } from '@libs/cycle/activities-contract';
import { DEFAULT_CHASING_POLICY, departmentWorkflowId } from '@libs/cycle/cycle-definition';
import type { Actor, Command } from '@libs/cycle/department-state';
import type { WorkItemSpec } from '@libs/cycle/submission';
import { THRESHOLD_PRESETS } from '@libs/rules/thresholds';
import { workflowBundlerOptions, WORKFLOWS_PATH } from '../../apps/worker/src/workflow-bundle';
import {
  closeDepartmentSignal,
  departmentStatusQuery,
  itemCommandUpdate,
} from '../../workflows/department-cycle.messages';
import type { departmentCycle } from '../../workflows/department-cycle.workflow';
import { departmentAttributes } from '../../workflows/search-attributes';
import { createTimeSkippingEnvironment } from '../support/temporal';

const TASK_QUEUE = 'department-continue-as-new';
const DEPT = 'city-sports';
const DAY = 86_400_000;
const KEYS = ['task-1', 'task-2', 'task-3'];
const SPECS: WorkItemSpec[] = KEYS.map((key, i) => ({
  key,
  kind: 'task',
  no: i + 1,
  title: `任务${i + 1}`,
  leadDepartment: DEPT,
  coDepartments: [],
}));
const submitter: Actor = { id: `submitter@${DEPT}.example`, name: '填报人', role: 'submitter', department: DEPT };
const supervisor: Actor = { id: `supervisor@${DEPT}.example`, name: '审核人', role: 'supervisor', department: DEPT };
const submit = (itemKey: string): Command => ({
  type: 'submit',
  itemKey,
  submission: { kind: 'task', progress: 'in_progress', narrative: '按计划推进' },
});
const approve = (itemKey: string): Command => ({ type: 'review', itemKey, decision: 'approve' });
const reject = (itemKey: string): Command => ({ type: 'review', itemKey, decision: 'reject', reason: '请补充进展' });

/** What the stub activities were asked, per cycle. */
const notices: NoticeInput[] = [];
const records: RecordCommandInput[] = [];
/** Request IDs whose records PostgreSQL would refuse as data. */
const unstorable = new Set<string>();
/** While set, reading the specifications waits for it: an Update stays in flight. */
let specsGate: Promise<void> | null = null;
let specsRequested: () => void = () => undefined;

const stubs: CycleActivities = {
  loadDepartmentItems: async () => {
    specsRequested();
    await specsGate;
    return SPECS;
  },
  sendNotice: async (input) => {
    notices.push(input);
    return { status: 'sent', recipient: `${input.audience}@${DEPT}.example` };
  },
  recordCommands: async (inputs) => {
    records.push(...inputs);
    return inputs
      .filter((r) => unstorable.has(r.requestId))
      .map((r): RefusedRecord => ({
        requestId: r.requestId,
        itemKey: r.command.itemKey,
        error: 'value too long for type character varying(40)',
      }));
  },
  prepareCycle: notUsed,
  leadItemKeys: notUsed,
  sendAssignmentNotices: notUsed,
  closeCycle: notUsed,
  reopenCycle: notUsed,
  recordCycleProblem: async () => 1,
  restoreDepartment: notUsed,
};

function notUsed(): never {
  throw new Error('not used by a department started with its item keys');
}

describe('a department continued as new at every point of its life', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
    // No workflow cache: every task is replayed from history, so each step also proves determinism.
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowsPath: WORKFLOWS_PATH,
      bundlerOptions: workflowBundlerOptions,
      activities: stubs,
      maxCachedWorkflows: 0,
    });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  /** A department of three tasks, due in 30 days, that continues as new as soon as its history has grown at all. */
  async function startDepartment(
    cycleId: string,
    { historyLimit = 3, digestWindow }: { historyLimit?: number; digestWindow?: string } = {},
  ): Promise<WorkflowHandleWithFirstExecutionRunId<typeof departmentCycle>> {
    const now = await env.currentTimeMs();
    return env.client.workflow.start<typeof departmentCycle>('departmentCycle', {
      taskQueue: TASK_QUEUE,
      workflowId: departmentWorkflowId(cycleId, DEPT),
      // As the cycle starts its departments: what an operator searches by must outlive each run.
      typedSearchAttributes: departmentAttributes(DEPT),
      args: [
        {
          cycleId,
          department: DEPT,
          years: { baselineYear: 2020, endYear: 2025, year: 2021 },
          deadline: new Date(now + 30 * DAY).toISOString(),
          hardClose: new Date(now + 60 * DAY).toISOString(),
          requireBureauAcceptance: false,
          thresholds: THRESHOLD_PRESETS.time_elapsed,
          policy: { ...DEFAULT_CHASING_POLICY, ...(digestWindow ? { digestWindow } : {}) },
          items: KEYS,
          historyLimit,
        },
      ],
    });
  }

  const command = (handle: WorkflowHandle, requestId: string, actor: Actor, cmd: Command) =>
    handle.executeUpdate(itemCommandUpdate, { args: [{ requestId, actor, command: cmd }] });

  /** How many runs the workflow has had so far, following each continue-as-new. */
  async function runs(handle: WorkflowHandleWithFirstExecutionRunId): Promise<number> {
    let runId: string | undefined = handle.firstExecutionRunId;
    let count = 0;
    while (runId) {
      count += 1;
      const { events } = await env.client.workflow.getHandle(handle.workflowId, runId).fetchHistory();
      runId = events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
    }
    return count;
  }

  /** The notices a cycle's department sent, as `audience/event seq: items (reasons)`. */
  const sent = (cycleId: string) =>
    notices
      .filter((n) => n.cycleId === cycleId)
      .map(
        (n) =>
          `${n.audience}/${n.event} ${n.seq}: ${n.items.map((i) => (i.reason ? `${i.key} (${i.reason})` : i.key)).join(', ')}`,
      );
  const recorded = (cycleId: string) => records.filter((r) => r.cycleId === cycleId).map((r) => r.requestId);

  it('sends the notices queued in a digest window once the window ends, whichever run it ends in', async () => {
    const cycleId = 'cycle/can/annual/digest';
    const handle = await startDepartment(cycleId);
    unstorable.add('d-3');
    await command(handle, 'd-1', submitter, submit('task-1'));
    await command(handle, 'd-2', submitter, submit('task-2'));
    await command(handle, 'd-3', submitter, submit('task-3'));

    // Two minutes into the five-minute window: the records are written, the runs have moved on, nothing has gone out.
    await env.sleep('2 minutes');
    const afterSubmissions = await runs(handle);
    expect(afterSubmissions).toBeGreaterThan(1);
    expect(sent(cycleId)).toEqual([]);

    await env.sleep('5 minutes');
    expect(sent(cycleId)).toEqual([
      'supervisor/submitted_for_review 1: task-1, task-2, task-3',
      `bureau/record_refused 1: task-3 (value too long for type character varying(40))`,
    ]);

    // Approved and returned inside the next window, continued as new again before it ends.
    await command(handle, 'd-4', supervisor, approve('task-1'));
    await command(handle, 'd-5', supervisor, reject('task-2'));
    await env.sleep('2 minutes');
    expect(await runs(handle)).toBeGreaterThan(afterSubmissions);
    await env.sleep('5 minutes');
    expect(sent(cycleId).slice(2)).toEqual([
      'submitter/approved 1: task-1',
      'submitter/rejected 1: task-2 (请补充进展)',
    ]);
    expect(recorded(cycleId)).toEqual(['d-1', 'd-2', 'd-3', 'd-4', 'd-5']);
    // The returned task is owed again; the attributes set at start came through every continue-as-new.
    expect((await handle.describe()).searchAttributes).toMatchObject({
      PlanEvalDepartment: [DEPT],
      PlanEvalPhase: ['collecting'],
      PlanEvalOverdue: [false],
    });

    await handle.signal(closeDepartmentSignal);
    expect(await handle.result()).toMatchObject({ department: DEPT, total: 3, done: 1, cancelled: false });
    expect(sent(cycleId)).toHaveLength(4);
  });

  it('keeps what waits for review across runs: one review reminder per period, the answers, the approvals', async () => {
    const cycleId = 'cycle/can/annual/review';
    const handle = await startDepartment(cycleId);
    const first = await command(handle, 'r-1', submitter, submit('task-1'));
    await command(handle, 'r-2', submitter, submit('task-2'));
    await command(handle, 'r-3', submitter, submit('task-3'));
    await env.sleep('10 minutes');
    const afterDigest = await runs(handle);

    // Reminded at three and six days of waiting; the supervisor approves on day seven.
    await env.sleep(7 * DAY - 10 * 60_000);
    expect(await runs(handle)).toBeGreaterThan(afterDigest);
    // The same request after continue-as-new answers what it answered the first time, and changes nothing.
    const again = await command(handle, 'r-1', submitter, submit('task-1'));
    expect(again).toEqual({
      itemKey: first.itemKey,
      status: first.status,
      version: first.version,
      warnings: first.warnings,
    });
    for (const [i, key] of KEYS.entries()) await command(handle, `r-${4 + i}`, supervisor, approve(key));
    await env.sleep('10 minutes');

    expect(sent(cycleId)).toEqual([
      'supervisor/submitted_for_review 1: task-1, task-2, task-3',
      'supervisor/review_reminder 1: task-1, task-2, task-3',
      'supervisor/review_reminder 2: task-1, task-2, task-3',
      'submitter/approved 1: task-1, task-2, task-3',
    ]);
    expect(recorded(cycleId)).toEqual(['r-1', 'r-2', 'r-3', 'r-4', 'r-5', 'r-6']);
    const status = await handle.query(departmentStatusQuery);
    expect(status).toMatchObject({ total: 3, done: 3, counts: { approved: 3, submitted: 0 } });
    await handle.signal(closeDepartmentSignal);
    expect(await handle.result()).toMatchObject({ total: 3, done: 3, timeliness: 'on_time' });
  });

  it('finishes an Update in flight before continuing as new, and its answer and notice survive', async () => {
    const cycleId = 'cycle/can/annual/in-flight';
    const handle = await startDepartment(cycleId);
    let release!: () => void;
    specsGate = new Promise((resolve) => (release = resolve));
    const reading = new Promise<void>((resolve) => (specsRequested = resolve));
    try {
      // The first command waits for the specifications, read once the Update is accepted.
      const update = await handle.startUpdate(itemCommandUpdate, {
        args: [{ requestId: 'f-1', actor: submitter, command: submit('task-1') }],
        waitForStage: WorkflowUpdateStage.ACCEPTED,
      });
      await reading;
      release();
      expect(await update.result()).toMatchObject({ itemKey: 'task-1', status: 'submitted', version: 1 });
    } finally {
      specsGate = null;
      specsRequested = () => undefined;
    }
    await env.sleep('10 minutes');

    // The first run accepted and answered the Update, then continued as new.
    const firstRun =
      (await env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).fetchHistory()).events ?? [];
    const kinds = firstRun
      .map((e) =>
        e.workflowExecutionUpdateAcceptedEventAttributes
          ? 'accepted'
          : e.workflowExecutionUpdateCompletedEventAttributes
            ? 'completed'
            : e.workflowExecutionContinuedAsNewEventAttributes
              ? 'continued'
              : null,
      )
      .filter(Boolean);
    expect(kinds).toEqual(['accepted', 'completed', 'continued']);
    expect(await runs(handle)).toBeGreaterThan(1);

    expect(await command(handle, 'f-1', submitter, submit('task-1'))).toMatchObject({
      status: 'submitted',
      version: 1,
    });
    expect(sent(cycleId)).toEqual(['supervisor/submitted_for_review 1: task-1']);
    expect(recorded(cycleId)).toEqual(['f-1']);
    await handle.signal(closeDepartmentSignal);
    expect(await handle.result()).toMatchObject({ total: 3, done: 0, timeliness: 'missing' });
  });

  /** The events of the workflow task that completed `requestId`'s Update: the commands its sender waited on. */
  async function answeringTask(handle: WorkflowHandle, requestId: string): Promise<string[]> {
    const events = (await handle.fetchHistory()).events ?? [];
    const accepted = events.findIndex(
      (e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId === requestId,
    );
    const taskCompleted = events
      .slice(0, accepted)
      .map((e) => !!e.workflowTaskCompletedEventAttributes)
      .lastIndexOf(true);
    const next = events.findIndex((e, i) => i > accepted && e.workflowTaskScheduledEventAttributes);
    return events
      .slice(taskCompleted + 1, next === -1 ? undefined : next)
      .map((e) =>
        e.timerStartedEventAttributes
          ? 'timer started'
          : e.timerCanceledEventAttributes
            ? 'timer cancelled'
            : e.workflowExecutionUpdateAcceptedEventAttributes
              ? 'update accepted'
              : e.workflowExecutionUpdateCompletedEventAttributes
                ? 'update completed'
                : `other ${e.eventType}`,
      );
  }

  it.each([
    { digestWindow: '5 minutes', recordsAt: 60_000, digestAt: 5 * 60_000 },
    { digestWindow: '30s', recordsAt: 30_000, digestAt: 30_000 },
  ])(
    "answers a department's first command starting one timer (the records' wait, ending by the digest's end too), digest window $digestWindow",
    async ({ digestWindow, recordsAt, digestAt }) => {
      const cycleId = `cycle/first-command/annual/${digestWindow.replace(/\W+/g, '-')}`;
      const handle = await startDepartment(cycleId, { historyLimit: 10_000, digestWindow });
      // As the API sends it: with the item's specification, so nothing is read first.
      const requestId = `first-${digestWindow}`;
      await handle.executeUpdate(itemCommandUpdate, {
        args: [{ requestId, actor: submitter, command: submit('task-1'), spec: SPECS[0] }],
        updateId: requestId,
      });
      expect(await answeringTask(handle, requestId)).toEqual(['update accepted', 'update completed', 'timer started']);

      // The records are written when their wait ends, then the loop sends the digest when its window ends.
      await env.sleep(recordsAt + 1000);
      expect(recorded(cycleId)).toEqual([requestId]);
      if (digestAt !== recordsAt) {
        expect(sent(cycleId)).toEqual([]);
        await env.sleep(digestAt - recordsAt);
      }
      expect(sent(cycleId)).toEqual(['supervisor/submitted_for_review 1: task-1']);
      await handle.signal(closeDepartmentSignal);
      expect(await handle.result()).toMatchObject({ total: 3, done: 0 });
    },
  );
});
