/** Messages of one department's workflow: updates people send, signals the bureau sends, status queries. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DepartmentStatus } from '@libs/cycle/department-state';
import type { BulkApproveRequest, ItemCommandOutcome, ItemCommandRequest } from '@libs/cycle/department-run';

/** The commands' shapes live with the department's run, which applies them. */
export type {
  BulkApproveRequest,
  ItemCommandOutcome,
  ItemCommandRequest,
  ItemCommandResult,
} from '@libs/cycle/department-run';

export const itemCommandUpdate = defineUpdate<ItemCommandOutcome, [ItemCommandRequest]>('itemCommand');
export const bulkApproveUpdate = defineUpdate<ItemCommandOutcome[], [BulkApproveRequest]>('bulkApprove');
export const extendDeadlineSignal = defineSignal<[{ deadline: string }]>('extendDeadline');
export const remindNowSignal = defineSignal('remindNow');
export const cancelSignal = defineSignal<[{ reason: string }]>('cancel');
/** From the cycle once every department is done: stop and hand back the outcome. */
export const closeDepartmentSignal = defineSignal('closeDepartment');
export const departmentStatusQuery = defineQuery<DepartmentStatus>('departmentStatus');
