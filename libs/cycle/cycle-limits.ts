/**
 * What a cycle's size meets on the Temporal server.
 *
 * How many lead departments one cycle can run. The cycle runs each lead
 * department as a child workflow for the whole collection, and the Temporal
 * server refuses a workflow's next child while it already has this many
 * running (dynamic config `limit.numPendingChildExecutions.error`, 2,000 as
 * shipped): the cycle's workflow task would then fail and be retried for ever,
 * its departments half started. So a launch with more is refused up front,
 * with the rest of its gaps. (A national plan's 30,000 departments need the
 * departments started under intermediate workflows: README, "Scale".)
 */
import type { Localized } from '../plan/localized';

export const MAX_LEAD_DEPARTMENTS = 2000;

/** The gap a launch of `leadDepartments` departments has, or null when the cycle can run them. */
export function leadDepartmentLimitGap(leadDepartments: number): Localized | null {
  if (leadDepartments <= MAX_LEAD_DEPARTMENTS) return null;
  return {
    zh: `本轮共有${leadDepartments}个牵头部门，超过一轮评估可同时运行的${MAX_LEAD_DEPARTMENTS}个；请缩小事项范围（事项类型或部门组）后发起`,
    en: `the cycle has ${leadDepartments} lead departments, more than the ${MAX_LEAD_DEPARTMENTS} one cycle can run at once; launch it with fewer item kinds or a smaller group resolution`,
  };
}

/**
 * The cycle workflow's task timeout, instead of Temporal's 10 s. A worker that
 * has not cached the cycle (restarted, or the cache full) replays its whole
 * history in one workflow task: at 2,000 departments that is about 14,000
 * events and took 9–10 s on the bench's loaded two cores (bench --only scale),
 * so each attempt timed out and was replayed again from scratch, the cycle
 * held until the machine happened to be quieter. A minute leaves room for
 * that replay; a worker that dies mid-task is still noticed within it.
 */
export const CYCLE_WORKFLOW_TASK_TIMEOUT = '1 minute';
