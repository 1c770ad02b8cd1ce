/** Messages of a target adjustment's approval: the decisions and the bureau's revision as Updates, its state as a query. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AdjustmentApprovalSnapshot,
  AdjustmentDecisionRequest,
  AdjustmentRevisionRequest,
  AdjustmentStep,
} from '@libs/cycle/adjustment-approval';

export const decideAdjustmentUpdate = defineUpdate<AdjustmentStep, [AdjustmentDecisionRequest]>('decideAdjustment');
export const reviseAdjustmentUpdate = defineUpdate<AdjustmentStep, [AdjustmentRevisionRequest]>('reviseAdjustment');
export const adjustmentStateQuery = defineQuery<AdjustmentApprovalSnapshot>('adjustmentState');
