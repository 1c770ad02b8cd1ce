/**
 * The evaluation calendar as Temporal Schedules on a real Temporal dev server:
 * created once, unchanged when created again, and a scheduled launch starts
 * each cycle only once.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { planCalendar } from '@libs/cycle/calendar';
import type { CycleActivities } from '@libs/cycle/activities-contract';
import { THRESHOLD_PRESETS } from '@libs/rules/thresholds';
import { calendarScheduleId, ensureEvaluationCalendar } from '@libs/temporal/calendar-client';
import { workflowBundlerOptions, WORKFLOWS_PATH } from '../../apps/worker/src/workflow-bundle';
import { createDevServerEnvironment } from '../support/temporal';

const HEYUAN = { code: 'heyuan-public-services-2021-2025', startYear: 2021, endYear: 2025 };

// This test is about launching; a cycle with no departments closes at once.
const emptyCycle: CycleActivities = {
  prepareCycle: async () => ({
    departments: [],
    itemCount: 0,
    years: { baselineYear: 2020, endYear: 2025, year: 2025 },
    thresholds: THRESHOLD_PRESETS.time_elapsed,
    contributors: [],
  }),
  leadItemKeys: async () => ({}),
  loadDepartmentItems: async () => [],
  sendAssignmentNotices: async () => undefined,
  recordCommands: async () => [],
  sendNotice: async () => ({ status: 'sent', recipient: 'bureau@heyuan.example' }),
  closeCycle: async () => ({ reportPath: 'none', contentHash: 'none', version: 1 }),
  reopenCycle: async () => ({
    departments: [],
    years: { baselineYear: 2020, endYear: 2025, year: 2025 },
    thresholds: THRESHOLD_PRESETS.time_elapsed,
    previousOutcomes: [],
  }),
  recordCycleProblem: async () => 1,
  restoreDepartment: async () => ({ specs: [], items: [], noticeSeq: {} }),
};

describe('the evaluation calendar', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => (env = await createDevServerEnvironment()));
  afterAll(() => env?.teardown());

  it('creates one schedule per kind in Asia/Shanghai time, and creating again changes nothing', async () => {
    const calendar = planCalendar(HEYUAN);
    expect(await ensureEvaluationCalendar(env.client, 'calendar-test', calendar)).toEqual({
      annual: 'created',
      midterm: 'created',
      final: 'created',
    });
    expect(await ensureEvaluationCalendar(env.client, 'calendar-test', calendar)).toEqual({
      annual: 'unchanged',
      midterm: 'unchanged',
      final: 'unchanged',
    });

    const annual = await env.client.schedule.getHandle(calendarScheduleId(calendar.planCode, 'annual')).describe();
    expect(annual.spec.timezone).toBe('Asia/Shanghai');
    expect(annual.spec.calendars?.[0]).toMatchObject({
      month: [{ start: 'MARCH', end: 'MARCH', step: 1 }],
      dayOfMonth: [{ start: 1, end: 1, step: 1 }],
      hour: [{ start: 9, end: 9, step: 1 }],
    });
    expect(annual.spec.startAt?.toISOString()).toBe('2021-12-31T16:00:00.000Z');
    expect(annual.spec.endAt?.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    const final = await env.client.schedule.getHandle(calendarScheduleId(calendar.planCode, 'final')).describe();
    expect(final.spec.calendars?.[0]).toMatchObject({
      year: [{ start: 2026, end: 2026, step: 1 }],
      month: [{ start: 'JUNE', end: 'JUNE', step: 1 }],
    });
  });

  it('starts the cycle a launch stands for, and only once', async () => {
    const calendar = planCalendar(HEYUAN);
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'calendar-launch',
      workflowsPath: WORKFLOWS_PATH,
      bundlerOptions: workflowBundlerOptions,
      activities: emptyCycle,
    });
    await worker.runUntil(async () => {
      const launch = () =>
        env.client.workflow.execute('scheduledCycleLaunch', {
          taskQueue: 'calendar-launch',
          workflowId: `launch-${Math.random()}`,
          args: [{ kind: 'final', calendar }],
        });
      expect(await launch()).toEqual({
        cycleId: 'cycle/heyuan-public-services-2021-2025/final/2021-2025',
        started: true,
      });
      await env.client.workflow.getHandle('cycle/heyuan-public-services-2021-2025/final/2021-2025').result();
      expect(await launch()).toEqual({
        cycleId: 'cycle/heyuan-public-services-2021-2025/final/2021-2025',
        started: false,
      });
    });
  });
});
