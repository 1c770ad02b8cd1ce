/** The bureau's retry of a stopped step, sent to the workflow waiting on it (workflows/recoverable-step.ts). */
import type { Client } from '@temporalio/client';
import { retryStepSignal } from '../../workflows/cycle-problem.messages';

export async function retryCycleStep(client: Client, workflowId: string, problemId: number): Promise<void> {
  await client.workflow.getHandle(workflowId).signal(retryStepSignal, { problemId });
}
