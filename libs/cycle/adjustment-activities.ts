/**
 * The activities a target adjustment's approval workflow calls, as types only:
 * workflows/target-adjustment.workflow.ts imports this contract,
 * activities/adjustment implements it.
 */
import type { NoticeResult } from './activities-contract';
import type { AdjustmentStep } from './adjustment-approval';

/** Who each notice of an approval goes to: the supervisor and the approver decide, the bureau hears the outcome. */
export type AdjustmentNoticeEvent =
  'adjustment_proposed' | 'adjustment_for_approval' | 'adjustment_returned' | 'adjustment_approved';

export interface AdjustmentNoticeInput {
  adjustmentId: number;
  event: AdjustmentNoticeEvent;
  /** The round the notice belongs to: a resubmission's notices are new ones. */
  round: number;
  /** The returning decision's comment, for adjustment_returned. */
  comment?: string;
  /** Workflow time of the notice. */
  at: number;
}

export interface AdjustmentActivities {
  /** Writes a step and the state it leaves the adjustment in; the same request ID twice writes it once. */
  recordAdjustmentStep(input: { adjustmentId: number; step: AdjustmentStep }): Promise<void>;
  /** One notice of the approval into the outbox, waited for as any notice (libs/mail/notice-outbox). */
  sendAdjustmentNotice(input: AdjustmentNoticeInput): Promise<NoticeResult>;
}
