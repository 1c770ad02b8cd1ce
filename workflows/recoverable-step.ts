/**
 * A step whose activity ran out of retries does not fail the cycle: the
 * workflow records it (`recordCycleProblem`: the row the dashboard shows, and
 * a notice to the bureau), waits for the bureau's retry, and runs the step
 * again. Other failures (a refusal, non-retryable by design) go on up.
 */
import { ActivityFailure, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { CycleActivities } from '@libs/cycle/activities-contract';
import type { ActivityRetry } from '@libs/cycle/cycle-problem';
import { workflowNow } from './clock';
import { retryStepSignal } from './cycle-problem.messages';

/**
 * Recording the stop is retried without bound: it is what every other bound
 * falls back on, and failing the cycle instead would help no one.
 */
const recorder = proxyActivities<Pick<CycleActivities, 'recordCycleProblem'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export type RecoverableStep = <T>(step: string, retry: ActivityRetry, run: () => Promise<T>) => Promise<T>;

/** Registers the retry signal of this workflow; the function returned runs a step that waits for it when it stops. */
export function stepRecovery(cycleId: string, department: string | null): RecoverableStep {
  const retried = new Set<number>();
  setHandler(retryStepSignal, ({ problemId }) => void retried.add(problemId));
  let stops = 0;
  return async (step, retry, run) => {
    for (;;) {
      try {
        return await run();
      } catch (e) {
        if (!(e instanceof ActivityFailure) || e.retryState !== 'MAXIMUM_ATTEMPTS_REACHED') throw e;
        const { workflowId, runId } = workflowInfo();
        stops += 1;
        const problemId = await recorder.recordCycleProblem({
          cycleId,
          department,
          workflowId,
          runId,
          seq: stops,
          step,
          error: e.cause?.message ?? e.message,
          attempts: retry.maximumAttempts,
          at: workflowNow(),
        });
        await condition(() => retried.has(problemId));
      }
    }
  };
}
