/**
 * A command a workflow refuses, in words the person can act on: a
 * non-retryable `CommandRefused` failure carrying the refusal in both
 * languages, which the clients (libs/temporal) answer as a 4xx.
 */
import { ApplicationFailure } from '@temporalio/workflow';
import type { Localized } from '@libs/plan/localized';

export function commandRefusal(problem: Localized, itemKey?: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    `${itemKey ? `${itemKey}: ` : ''}${problem.zh} (${problem.en})`,
    'CommandRefused',
    problem,
  );
}
