/**
 * The review's workflow alone: stub activities that only note their calls,
 * the time-skipping server, no workflow cache (every task replayed). Two
 * departments are asked for comments; the one that has not answered is
 * chased on the cycle's policy and the one that has is not; a refused command
 * changes nothing; the same request twice is taken once; 定稿 compiles the
 * final version once; without approval asked it goes to each department once
 * and the workflow completes, across continue-as-new after every change.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import type { NoticeResult } from '@libs/cycle/activities-contract';
import { DEFAULT_CHASING_POLICY } from '@libs/cycle/cycle-definition';
import {
  reviewWorkflowId,
  type ReviewActor,
  type ReviewCommand,
  type ReviewNotice,
  type ReviewRecord,
} from '@libs/cycle/report-review';
import type { ReviewActivities } from '@libs/cycle/review-activities';
import { workflowBundlerOptions, WORKFLOWS_PATH } from '../../apps/worker/src/workflow-bundle';
import { reviewCommandUpdate, reviewStateQuery } from '../../workflows/report-review.messages';
import type { reportReview } from '../../workflows/report-review.workflow';
import { createTimeSkippingEnvironment } from '../support/temporal';

const TASK_QUEUE = 'report-review-workflow';
const DAY = 86_400_000;
const bureau: ReviewActor = { id: 'bureau@x', name: '统计局', role: 'bureau', department: null };
const sports: ReviewActor = { id: 's@sports', name: '填报人', role: 'submitter', department: 'city-sports' };

const notices: ReviewNotice[] = [];
const records: ReviewRecord[] = [];
let compiles = 0;
/** What openReview waits for: a test holds the review in its opening. */
let opening: Promise<void> = Promise.resolve();
const stubs: ReviewActivities = {
  async openReview() {
    await opening;
    return {
      draftVersion: 1,
      departments: [
        { code: 'city-culture', itemKeys: ['task-1'] },
        { code: 'city-sports', itemKeys: ['task-2', 'task-3'] },
      ],
    };
  },
  async recordReview(record) {
    records.push(record);
  },
  async sendReviewNotice(input): Promise<NoticeResult> {
    notices.push({ department: input.department, event: input.event, audience: input.audience, seq: input.seq });
    return { status: 'sent', recipient: `${input.audience}@${input.department}` };
  },
  async compileReportStage() {
    compiles += 1;
    return { version: 2, contentHash: 'c'.repeat(64), textHash: 't'.repeat(64), path: '/reports/report-v2.json' };
  },
  async prepareReviewReopen() {
    return { problems: [], definition: null };
  },
  async latestReportVersion() {
    return 1;
  },
};

describe('the review workflow', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
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

  it('asks, chases who has not answered, takes each request once, and mails the final version once each', async () => {
    const cycleId = 'cycle/p/annual/2021';
    const now = await env.currentTimeMs();
    const handle = await env.client.workflow.start<typeof reportReview>('reportReview', {
      taskQueue: TASK_QUEUE,
      workflowId: reviewWorkflowId(cycleId),
      args: [
        {
          cycleId,
          deadline: new Date(now + 10 * DAY).toISOString(),
          requireApproval: false,
          policy: DEFAULT_CHASING_POLICY,
          historyLimit: 3,
        },
      ],
    });
    const command = (requestId: string, actor: ReviewActor, c: ReviewCommand) =>
      handle.executeUpdate(reviewCommandUpdate, { args: [{ requestId, actor, command: c }], updateId: requestId });

    await env.sleep('1 hour');
    expect(notices.map((n) => [n.department, n.event, n.seq])).toEqual([
      ['city-culture', 'comment_request', 1],
      ['city-sports', 'comment_request', 1],
    ]);

    const first = await command('n1', sports, { type: 'no_comment' });
    expect(await command('n1', sports, { type: 'no_comment' })).toEqual(first);
    await expect(command('x1', sports, { type: 'comment', itemKey: 'task-1', text: '不是本部门的' })).rejects.toThrow(
      WorkflowUpdateFailedError,
    );
    expect((await handle.query(reviewStateQuery)).comments).toHaveLength(1);

    // The reminders 7 days and 1 day before, and the first overdue notice a day after: only 市文广旅体局 (culture).
    await env.sleep(12 * DAY);
    expect(notices.slice(2).map((n) => [n.department, n.event, n.audience])).toEqual([
      ['city-culture', 'comment_reminder', 'submitter'],
      ['city-culture', 'comment_reminder', 'submitter'],
      ['city-culture', 'comment_overdue', 'submitter'],
    ]);

    const finalised = await command('f1', bureau, { type: 'finalise' });
    expect(finalised.stage).toBe('approved');
    expect(compiles).toBe(1);
    expect(await handle.result()).toMatchObject({ stage: 'completed', final: { version: 2 } });
    expect(notices.filter((n) => n.event === 'report_final').map((n) => [n.department, n.seq])).toEqual([
      ['city-culture', 1],
      ['city-sports', 1],
    ]);
    expect(records.at(-1)).toMatchObject({ stage: 'completed', final: { version: 2, by: { role: 'bureau' } } });
    // Continued as new along the way: everything it knew went with it.
    expect((await handle.describe()).runId).not.toBe(handle.firstExecutionRunId);
  });

  it('takes a command sent while the review is still opening, checked once it is open', async () => {
    let open!: () => void;
    opening = new Promise((resolve) => (open = resolve));
    const cycleId = 'cycle/p/annual/2022';
    const handle = await env.client.workflow.start<typeof reportReview>('reportReview', {
      taskQueue: TASK_QUEUE,
      workflowId: reviewWorkflowId(cycleId),
      args: [
        {
          cycleId,
          deadline: new Date((await env.currentTimeMs()) + 10 * DAY).toISOString(),
          requireApproval: false,
          policy: DEFAULT_CHASING_POLICY,
        },
      ],
    });
    const command = (requestId: string, c: ReviewCommand) =>
      handle.executeUpdate(reviewCommandUpdate, {
        args: [{ requestId, actor: sports, command: c }],
        updateId: requestId,
      });
    // Sent at once after the start, as the bureau's start and a department's answer can be: the SDK
    // rejected an Update that met no registered handler, and the handler waited on the opening activity.
    const early = command('e1', { type: 'no_comment' });
    const wrong = command('e2', { type: 'comment', itemKey: 'task-1', text: '不是本部门的' }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    open();
    await expect(early).resolves.toMatchObject({ requestId: 'e1', stage: 'commenting' });
    expect(await wrong).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((await handle.query(reviewStateQuery)).comments.map((c) => c.id)).toEqual(['e1']);
    await handle.terminate('test done');
  });
});
