/** The bureau's retry of a step stopped after its activity's retries ran out (a `cycle_problem` row). */
import { defineSignal } from '@temporalio/workflow';

export const retryStepSignal = defineSignal<[{ problemId: number }]>('retryStep');
