/**
 * Reopening a closed cycle: the bureau names approved items and gives a reason;
 * a new run of the cycle's workflow (same workflow ID) takes only those items'
 * departments back, returns the items to their submitters, waits for the
 * corrected submissions to be approved, and compiles the next report version.
 * Pure: the checks the client makes before starting the run, and how the
 * reopened departments' outcomes join the outcomes of the first close.
 */
import type { Localized } from '../plan/localized';
import type { DepartmentOutcome } from './activities-contract';
import type { Actor, ItemStatus } from './department-state';

export interface ReopenRequest {
  /** Work-item keys (`indicator-1`, `task-7`), approved or accepted when the cycle closed. */
  items: string[];
  reason: string;
  actor: Actor;
  /** Names the reopen in the audit trail: each item's reopen is recorded as `<requestId>/<itemKey>`. */
  requestId: string;
  /** ISO instants; by default the submitters have REOPEN_RESPONSE_TIME and the run closes after REOPEN_HARD_CLOSE_AFTER. */
  deadline?: string;
  hardClose?: string;
}

/** How long submitters have to correct a reopened item, and when the reopened run closes regardless. */
export const REOPEN_RESPONSE_TIME = '14 days';
export const REOPEN_HARD_CLOSE_AFTER = '28 days';

/** What the database says of the cycle and of each named item when the bureau asks. */
export interface ReopenContext {
  cycle: { status: 'running' | 'closed' | 'cancelled' } | null;
  items: Array<{ itemKey: string; department: string; status: ItemStatus | string }>;
}

/** Null problems: the reopen may start. Every problem is named, at once. */
export function checkReopen(request: Omit<ReopenRequest, 'requestId'>, ctx: ReopenContext): Localized[] {
  const problems: Localized[] = [];
  const add = (zh: string, en: string) => problems.push({ zh, en });
  if (request.actor.role !== 'bureau')
    add('只有统计局可以重新打开已结束的评估', 'only the bureau reopens a closed cycle');
  if (!request.reason?.trim()) add('请写明重新打开的原因', 'give a reason for reopening');
  if (request.items.length === 0) add('请选择要重新打开的事项', 'choose the items to reopen');
  const deadline = request.deadline === undefined ? null : Date.parse(request.deadline);
  const hardClose = request.hardClose === undefined ? null : Date.parse(request.hardClose);
  if (Number.isNaN(deadline))
    add(`截止时间“${request.deadline}”格式不对`, `deadline "${request.deadline}" is not a date`);
  if (Number.isNaN(hardClose))
    add(`关闭时间“${request.hardClose}”格式不对`, `hard close "${request.hardClose}" is not a date`);
  if (deadline !== null && hardClose !== null && deadline >= hardClose)
    add('关闭时间应晚于截止时间', 'the hard close must come after the deadline');
  if (!ctx.cycle) {
    add('没有这一轮评估', 'there is no such cycle');
    return problems;
  }
  if (ctx.cycle.status === 'running')
    add('本轮评估尚未结束，请直接在评估中重新打开事项', 'this cycle is still running: reopen the items in it');
  if (ctx.cycle.status === 'cancelled') add('已取消的评估不能重新打开', 'a cancelled cycle cannot be reopened');
  const byKey = new Map(ctx.items.map((i) => [i.itemKey, i]));
  for (const key of new Set(request.items)) {
    const item = byKey.get(key);
    if (!item) add(`本轮评估没有事项“${key}”`, `this cycle has no item "${key}"`);
    else if (item.status !== 'approved' && item.status !== 'accepted')
      add(`事项“${key}”未经审核，不能重新打开`, `item "${key}" was not approved, so it cannot be reopened`);
  }
  return problems;
}

/** One department taken back by a reopen: its reopened items, and how many of them counted as done before. */
export interface ReopenedDepartment {
  department: string;
  itemKeys: string[];
  doneBefore: number;
}

/**
 * The outcomes of the whole cycle after a reopen: departments not reopened keep
 * theirs; a reopened one keeps its timeliness (of the first collection, against
 * the first deadline) and its item count, and its done count follows the
 * reopened items' new state.
 */
export function mergeReopenedOutcomes(
  previous: DepartmentOutcome[],
  reopened: Array<ReopenedDepartment & { outcome: DepartmentOutcome }>,
): DepartmentOutcome[] {
  const byDepartment = new Map(reopened.map((r) => [r.department, r]));
  const merged = previous.map((p) => {
    const r = byDepartment.get(p.department);
    return r ? { ...p, done: p.done - r.doneBefore + r.outcome.done, cancelled: r.outcome.cancelled } : p;
  });
  const known = new Set(previous.map((p) => p.department));
  return [...merged, ...reopened.filter((r) => !known.has(r.department)).map((r) => r.outcome)];
}
