/** Messages of the cycle workflow: the bureau's actions on the whole cycle and its live status. */
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { DepartmentOutcome } from '@libs/cycle/activities-contract';

export interface CycleStatus {
  phase: 'preparing' | 'collecting' | 'closing' | 'closed';
  departments: string[];
  finished: DepartmentOutcome[];
  deadline: string;
  cancelled: boolean;
  /** The bureau's reason, when it cancelled. */
  cancelReason?: string;
  reportPath: string | null;
}

/** For every department, or one when `department` is given. */
export const extendCycleDeadlineSignal =
  defineSignal<[{ deadline: string; department?: string }]>('extendCycleDeadline');
export const remindAllSignal = defineSignal<[{ department?: string }]>('remindAll');
export const cancelCycleSignal = defineSignal<[{ reason: string }]>('cancelCycle');
/** From a department: all its items are done (or, after a reopen, no longer all done). */
export const departmentDoneSignal = defineSignal<[{ department: string; done: boolean }]>('departmentDone');
export const cycleStatusQuery = defineQuery<CycleStatus>('cycleStatus');
