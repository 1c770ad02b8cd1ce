/** Messages of one department's workflow: updates people send, signals the bureau sends, status queries. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, Command, DepartmentStatus, ItemStatus } from '@libs/cycle/department-state';

export interface ItemCommandRequest {
  /** The caller's idempotency key: the same request applied twice changes nothing. */
  requestId: string;
  actor: Actor;
  command: Command;
}

export interface ItemCommandResult {
  itemKey: string;
  status: ItemStatus;
  version: number;
  /** Data-quality warnings the supervisor will see beside the value. */
  warnings: Array<{ zh: string; en: string }>;
}

export interface BulkApproveRequest {
  requestId: string;
  actor: Actor;
  itemKeys: string[];
}

export const itemCommandUpdate = defineUpdate<ItemCommandResult, [ItemCommandRequest]>('itemCommand');
export const bulkApproveUpdate = defineUpdate<ItemCommandResult[], [BulkApproveRequest]>('bulkApprove');
export const extendDeadlineSignal = defineSignal<[{ deadline: string }]>('extendDeadline');
export const remindNowSignal = defineSignal('remindNow');
export const cancelSignal = defineSignal<[{ reason: string }]>('cancel');
/** From the cycle once every department is done: stop and hand back the outcome. */
export const closeDepartmentSignal = defineSignal('closeDepartment');
export const departmentStatusQuery = defineQuery<DepartmentStatus>('departmentStatus');
