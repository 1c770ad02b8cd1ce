/**
 * Bounded retries for the cycle's activities, and what a workflow records when
 * they run out: the step stops, the bureau is told and sees it on the
 * dashboard, and the workflow waits for the bureau's retry instead of failing
 * the cycle or retrying a permanent fault for ever. Pure: used by workflows.
 */
import { durationMs } from './duration';

/** Written as Temporal's durations are (its `ms` strings), so a policy goes to `proxyActivities` as it is. */
type Interval = `${number}s` | `${number} minutes`;

export interface ActivityRetry {
  initialInterval: Interval;
  backoffCoefficient: number;
  maximumInterval: Interval;
  maximumAttempts: number;
}

const BACKOFF = { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '10 minutes' } as const;

/**
 * Each activity class's bound, from 5 s doubling to every 10 minutes:
 * - `records` (PostgreSQL writes and reads: preparing, records, restoring) and
 *   `notices` (the outbox and its relay): about a day, 150 attempts — a
 *   database or mail-server outage outlasts minutes and is waited out overnight;
 * - `report` (compiling and writing the report): about three hours, 24
 *   attempts — a writer that fails that long on the same figures fails on a value, not an outage.
 */
export const ACTIVITY_RETRIES = {
  records: { ...BACKOFF, maximumAttempts: 150 },
  notices: { ...BACKOFF, maximumAttempts: 150 },
  report: { ...BACKOFF, maximumAttempts: 24 },
} as const satisfies Record<string, ActivityRetry>;

/** How long a policy keeps retrying before it gives up: the sum of its waits between attempts. */
export function retrySpanMs(policy: ActivityRetry): number {
  let total = 0;
  let wait = durationMs(policy.initialInterval);
  for (let attempt = 1; attempt < policy.maximumAttempts; attempt++) {
    total += Math.min(wait, durationMs(policy.maximumInterval));
    wait *= policy.backoffCoefficient;
  }
  return total;
}

/** A policy with its attempts lowered (tests: a permanent fault found in seconds). */
export function boundedTo(policy: ActivityRetry, maximumAttempts: number | undefined): ActivityRetry {
  return maximumAttempts === undefined ? policy : { ...policy, maximumAttempts };
}

/** A step stopped: where, why, after how many attempts (`seq` counts the run's stops: the row's key). */
export interface CycleProblemInput {
  cycleId: string;
  /** Null for a step of the cycle workflow itself. */
  department: string | null;
  workflowId: string;
  runId: string;
  seq: number;
  step: string;
  error: string;
  attempts: number;
  /** Workflow time of the stop. */
  at: number;
}
