/** Messages of one department's workflow: updates people send, signals the bureau sends, status queries. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Audience, NoticeEvent, RecordCommandInput } from '@libs/cycle/activities-contract';
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

/**
 * What the Update answers: the result, and the first time a command is applied
 * the record for the sender to write at once (the workflow writes it too,
 * after answering). A repeated request answers the result alone.
 */
export type ItemCommandOutcome = ItemCommandResult & { record?: RecordCommandInput };

export interface BulkApproveRequest {
  requestId: string;
  actor: Actor;
  itemKeys: string[];
}

/**
 * The bureau sends a notice again (the first went to a wrong or departed
 * contact, or was lost): the same event, for those of its items that still
 * wait on that audience, to whoever holds the role now, with fresh links.
 */
export interface ResendNoticeRequest {
  requestId: string;
  audience: Audience;
  event: NoticeEvent;
  itemKeys: string[];
}

export const itemCommandUpdate = defineUpdate<ItemCommandOutcome, [ItemCommandRequest]>('itemCommand');
export const bulkApproveUpdate = defineUpdate<ItemCommandOutcome[], [BulkApproveRequest]>('bulkApprove');
/** Answers the keys of the items the notice is sent again for. */
export const resendNoticeUpdate = defineUpdate<string[], [ResendNoticeRequest]>('resendNotice');
export const extendDeadlineSignal = defineSignal<[{ deadline: string }]>('extendDeadline');
export const remindNowSignal = defineSignal('remindNow');
export const cancelSignal = defineSignal<[{ reason: string }]>('cancel');
/** From the cycle once every department is done: stop and hand back the outcome. */
export const closeDepartmentSignal = defineSignal('closeDepartment');
export const departmentStatusQuery = defineQuery<DepartmentStatus>('departmentStatus');
