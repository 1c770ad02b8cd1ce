/**
 * A cycle of many departments on the real dev server, with stub activities and
 * the production workflows.
 *
 * It never hands Temporal every item's key in one payload: the server
 * refuses a payload over its blob limit (2 MB as shipped, which the 100,000-item
 * bench cycle came within 15 % of in prepareCycle's result), so the cycle reads
 * its departments' keys a batch of departments at a time. Here the real dev
 * server's limit is lowered to 50 KB and a cycle of 5,000 task keys (about
 * 85 KB together) over 250 departments starts each department with its own
 * keys and closes.
 *
 * A bureau action during the launch (at 2,000 departments the launch took ten
 * minutes on the bench) reaches every department, those started after it
 * included, and does not stop the cycle.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { CycleActivities } from '@libs/cycle/activities-contract';
import { DEFAULT_CHASING_POLICY, type CycleDefinition } from '@libs/cycle/cycle-definition';
import type { WorkItemSpec } from '@libs/cycle/submission';
import { THRESHOLD_PRESETS } from '@libs/rules/thresholds';
import { workflowBundlerOptions, WORKFLOWS_PATH } from '../../apps/worker/src/workflow-bundle';
import { cancelCycleSignal, extendCycleDeadlineSignal } from '../../workflows/evaluation-cycle.messages';
import type { evaluationCycle } from '../../workflows/evaluation-cycle.workflow';
import { createDevServerEnvironment } from '../support/temporal';

const TASK_QUEUE = 'cycle-payloads';
const BLOB_LIMIT = 50_000;
const DEPARTMENTS = Array.from({ length: 250 }, (_, i) => `dept-${String(i).padStart(3, '0')}`);
/** The cycle of the second test: two batches of departments, the second's keys held back until the bureau has acted. */
const LAUNCHING = 'cycle/launching/annual/2021';
const LAUNCHING_DEPARTMENTS = DEPARTMENTS.slice(0, 150);
let releaseSecondBatch: () => void = () => undefined;
const secondBatchHeld = new Promise<void>((resolve) => (releaseSecondBatch = resolve));
let secondBatchAsked: () => void = () => undefined;
const secondBatchWanted = new Promise<void>((resolve) => (secondBatchAsked = resolve));
const PER_DEPARTMENT = 20;
/** Department d's tasks, numbered round the departments as a plan's items are. */
const keysOf = (department: string) => {
  const d = DEPARTMENTS.indexOf(department);
  return Array.from({ length: PER_DEPARTMENT }, (_, i) => `task-${i * DEPARTMENTS.length + d + 1}`);
};
const specsOf = (department: string): WorkItemSpec[] =>
  keysOf(department).map((key) => ({
    key,
    kind: 'task',
    no: Number(key.slice('task-'.length)),
    title: key,
    leadDepartment: department,
    coDepartments: [],
  }));

/** The batches of departments whose keys the cycle asked for. */
const batches: string[][] = [];
const stubs: CycleActivities = {
  prepareCycle: async ({ cycleId }) => ({
    departments: cycleId === LAUNCHING ? LAUNCHING_DEPARTMENTS : DEPARTMENTS,
    itemCount: DEPARTMENTS.length * PER_DEPARTMENT,
    years: { baselineYear: 2020, endYear: 2025, year: 2021 },
    thresholds: THRESHOLD_PRESETS.time_elapsed,
    contributors: [],
  }),
  leadItemKeys: async ({ cycleId, departments }) => {
    if (cycleId === LAUNCHING) {
      if (departments[0] !== LAUNCHING_DEPARTMENTS[0]) {
        secondBatchAsked();
        await secondBatchHeld;
      }
      return Object.fromEntries(departments.map((d) => [d, keysOf(d)]));
    }
    batches.push(departments);
    return Object.fromEntries(departments.map((d) => [d, keysOf(d)]));
  },
  loadDepartmentItems: async ({ department }) => specsOf(department),
  sendAssignmentNotices: async () => undefined,
  recordCommands: async () => [],
  sendNotice: async (n) => ({ status: 'sent', recipient: `${n.audience}@${n.department}.example` }),
  closeCycle: async () => ({ reportPath: 'none', contentHash: 'none', version: 1 }),
  reopenCycle: notUsed,
  restoreDepartment: notUsed,
  recordCycleProblem: async () => 1,
};

function notUsed(): never {
  throw new Error('not used by a cycle launched afresh');
}

const definition: CycleDefinition = {
  planCode: 'payloads',
  kind: 'annual',
  fromYear: 2021,
  toYear: 2021,
  deadline: '2099-03-31T00:00:00Z',
  hardClose: '2099-04-30T00:00:00Z',
  policy: DEFAULT_CHASING_POLICY,
  itemKinds: ['task'],
  requireBureauAcceptance: false,
  groupResolution: {},
};

describe('a cycle whose item keys together pass the payload limit', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createDevServerEnvironment(undefined, ['--dynamic-config-value', `limit.blobSize.error=${BLOB_LIMIT}`]);
  });
  /** A worker runs until one test's work is done. */
  const newWorker = () =>
    Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowsPath: WORKFLOWS_PATH,
      bundlerOptions: workflowBundlerOptions,
      activities: stubs,
    });
  afterAll(() => env?.teardown());

  it('starts every department with its own keys, a batch of departments at a time, and closes', async () => {
    const everyKey = Object.fromEntries(DEPARTMENTS.map((d) => [d, keysOf(d)]));
    // The premise: the keys in one payload, as the cycle once had them, would be refused.
    expect(JSON.stringify(everyKey).length).toBeGreaterThan(BLOB_LIMIT);

    const status = await (
      await newWorker()
    ).runUntil(async () => {
      const cycle = await env.client.workflow.start<typeof evaluationCycle>('evaluationCycle', {
        workflowId: 'cycle/payloads/annual/2021',
        taskQueue: TASK_QUEUE,
        args: [{ definition, activityAttempts: 3 }],
      });
      // Once every department has started, the bureau cancels: the cycle closes them all.
      const running = "WorkflowType = 'departmentCycle' AND ExecutionStatus = 'Running'";
      while ((await env.client.workflow.count(running)).count < DEPARTMENTS.length)
        await new Promise((r) => setTimeout(r, 500));
      await cycle.signal(cancelCycleSignal, { reason: 'test' });
      return cycle.result();
    });

    expect(batches.flat()).toEqual(DEPARTMENTS);
    expect(Math.max(...batches.map((b) => JSON.stringify(b.map(keysOf)).length))).toBeLessThan(BLOB_LIMIT);
    expect(status.phase).toBe('closed');
    expect(status.finished).toHaveLength(DEPARTMENTS.length);
    expect(status.finished.every((o) => o.total === PER_DEPARTMENT)).toBe(true);
  });

  it('takes a bureau action during the launch to every department, those started after it included', async () => {
    const extended = '2099-04-15T00:00:00.000Z';
    const status = await (
      await newWorker()
    ).runUntil(async () => {
      const cycle = await env.client.workflow.start<typeof evaluationCycle>('evaluationCycle', {
        workflowId: LAUNCHING,
        taskQueue: TASK_QUEUE,
        args: [{ definition, activityAttempts: 3 }],
      });
      // The first batch is starting, the second waits for its keys: the bureau extends, then cancels.
      await secondBatchWanted;
      await cycle.signal(extendCycleDeadlineSignal, { deadline: extended });
      await cycle.signal(cancelCycleSignal, { reason: 'launched in error' });
      releaseSecondBatch();
      return cycle.result();
    });

    expect(status.phase).toBe('closed');
    expect(status.cancelled).toBe(true);
    expect(status.deadline).toBe(extended);
    expect(status.finished.map((o) => o.department).sort()).toEqual(LAUNCHING_DEPARTMENTS);
    expect(status.finished.every((o) => o.cancelled)).toBe(true);
  });
});
