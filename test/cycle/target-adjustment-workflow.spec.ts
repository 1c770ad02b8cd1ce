/**
 * The target adjustment's approval workflow on its own, with stub activities
 * on the time-skipping server: a proposal returned by the lead department,
 * revised and resubmitted by the bureau, then approved by the department and
 * the approver; each step written before its Update answers, the next person
 * notified, a decision out of turn refused in the validator (nothing written),
 * the same request twice answered once. Its history is recorded for the replay suite.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { workflowBundlerOptions, WORKFLOWS_PATH } from '../../apps/worker/src/workflow-bundle';
import type { AdjustmentActivities, AdjustmentNoticeInput } from '@libs/cycle/adjustment-activities';
import type { AdjustmentActor, AdjustmentStep } from '@libs/cycle/adjustment-approval';
import { decideAdjustmentUpdate, reviseAdjustmentUpdate } from '../../workflows/target-adjustment.messages';
import type { targetAdjustment } from '../../workflows/target-adjustment.workflow';
import { createTimeSkippingEnvironment } from '../support/temporal';

const TASK_QUEUE = 'adjustment-test';
const WORKFLOW_ID = 'adjustment/heyuan-public-services-2021-2025/7';
const supervisor: AdjustmentActor = { id: 's@edu', name: '审核人', role: 'supervisor', department: 'city-education' };
const approver: AdjustmentActor = { id: 'office@gov', name: '审批人', role: 'approver', department: null };
const bureau: AdjustmentActor = { id: 'bureau@stats', name: '统计局', role: 'bureau', department: null };

describe('targetAdjustment workflow', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => (env = await createTimeSkippingEnvironment()));
  afterAll(() => env?.teardown());

  it('takes a return, a revision and both approvals in turn, and records its history', async () => {
    const written: AdjustmentStep[] = [];
    const notices: AdjustmentNoticeInput[] = [];
    const activities: AdjustmentActivities = {
      recordAdjustmentStep: async ({ step }) => void written.push(step),
      sendAdjustmentNotice: async (n) => {
        notices.push(n);
        return { status: 'sent', recipient: 'someone@heyuan.example' };
      },
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowsPath: WORKFLOWS_PATH,
      bundlerOptions: workflowBundlerOptions,
      activities,
    });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof targetAdjustment>('targetAdjustment', {
        taskQueue: TASK_QUEUE,
        workflowId: WORKFLOW_ID,
        args: [{ id: 7, planCode: 'heyuan-public-services-2021-2025', leadDepartment: 'city-education' }],
      });
      const decide = (requestId: string, actor: AdjustmentActor, decision: 'approve' | 'return', comment?: string) =>
        handle.executeUpdate(decideAdjustmentUpdate, {
          args: [{ requestId, actor, decision, ...(comment ? { comment } : {}) }],
          updateId: requestId,
        });

      // Out of turn: refused before anything enters the history or the database.
      const early = await decide('r0', approver, 'approve').catch((e: unknown) => e);
      expect(early).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((early as WorkflowUpdateFailedError).cause?.message).toContain(
        'waiting for the lead department’s supervisor',
      );
      expect(written).toHaveLength(0);

      expect((await decide('r1', supervisor, 'return', '依据不足')).state).toBe('returned');
      // The same request again: the same answer, written once.
      expect((await decide('r1', supervisor, 'return', '依据不足')).state).toBe('returned');
      const revised = await handle.executeUpdate(reviseAdjustmentUpdate, {
        args: [{ requestId: 'r2', actor: bureau, adjustedTarget: '11.6', effectiveYear: 2024, reason: '补充依据' }],
        updateId: 'r2',
      });
      expect(revised).toMatchObject({ state: 'proposed', round: 2 });
      expect((await decide('r3', supervisor, 'approve')).state).toBe('department_approved');
      expect((await decide('r4', approver, 'approve')).state).toBe('approved');
      expect(await handle.result()).toMatchObject({ state: 'approved', round: 2 });

      expect(written.map((s) => [s.requestId, s.state, s.round])).toEqual([
        ['r1', 'returned', 1],
        ['r2', 'proposed', 2],
        ['r3', 'department_approved', 2],
        ['r4', 'approved', 2],
      ]);
      expect(notices.map((n) => [n.event, n.round, n.comment ?? null])).toEqual([
        ['adjustment_proposed', 1, null],
        ['adjustment_returned', 1, '依据不足'],
        ['adjustment_proposed', 2, null],
        ['adjustment_for_approval', 2, null],
        ['adjustment_approved', 2, null],
      ]);
    });

    const history = await env.client.workflow.getHandle(WORKFLOW_ID).fetchHistory();
    await Worker.runReplayHistory({ workflowsPath: WORKFLOWS_PATH, bundlerOptions: workflowBundlerOptions }, history);
    if (process.env.RECORD_HISTORIES) {
      const dir = join(__dirname, '../histories');
      await mkdir(dir, { recursive: true });
      await writeFile(
        join(dir, `${WORKFLOW_ID.replace(/[^A-Za-z0-9-]+/g, '_')}.json`),
        JSON.stringify({ workflowId: WORKFLOW_ID, history }),
      );
    }
  });
});
