/**
 * Started by the evaluation calendar's schedules: works out which cycle this
 * launch stands for and starts it under its own cycle ID, so a schedule that
 * fires twice (or a manual launch before it) never makes a second cycle.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import { cycleForLaunch, type EvaluationCalendar } from '@libs/cycle/calendar';
import { cycleWorkflowId, type CycleKind } from '@libs/cycle/cycle-definition';
import { CYCLE_WORKFLOW_TASK_TIMEOUT } from '@libs/cycle/cycle-limits';
import { workflowNow } from './clock';
import { evaluationCycle } from './evaluation-cycle.workflow';

export async function scheduledCycleLaunch(input: {
  kind: CycleKind;
  calendar: EvaluationCalendar;
}): Promise<{ cycleId: string; started: boolean }> {
  const definition = cycleForLaunch(input.kind, input.calendar, workflowNow());
  const cycleId = cycleWorkflowId(definition);
  try {
    await startChild(evaluationCycle, {
      workflowId: cycleId,
      args: [{ definition }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      // As for a launch by hand: a cycle that has run, even to its end, is never run again.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      workflowTaskTimeout: CYCLE_WORKFLOW_TASK_TIMEOUT,
    });
    return { cycleId, started: true };
  } catch (e) {
    if (e instanceof WorkflowExecutionAlreadyStartedError) return { cycleId, started: false };
    throw e;
  }
}
