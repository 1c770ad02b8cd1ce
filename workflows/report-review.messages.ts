/** Messages of the report's review workflow: people's commands as one Update, and its state. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ReviewOutcome, ReviewRequest, ReviewSnapshot } from '@libs/cycle/report-review';

export type { ReviewOutcome, ReviewRequest } from '@libs/cycle/report-review';

export const reviewCommandUpdate = defineUpdate<ReviewOutcome, [ReviewRequest]>('reviewCommand');
export const reviewStateQuery = defineQuery<ReviewSnapshot>('reviewState');
