/**
 * A person's 待办 and 已办 in a cycle, from its items counted by department
 * and state: what waits on their move, and what they have moved on. Pure; the
 * portal's home page counts with it.
 */
import type { ItemStatus } from './department-state';

/** The access roles (libs/access/roles.ts; the portal passes a signed-in role here, so a new role fails to compile until counted). */
export type WorkRole = 'admin' | 'viewer' | 'approver' | 'submitter' | 'supervisor';

/** Whose move an item in this state waits on; null once it is approved. */
export const WAITING_ON: Record<ItemStatus, 'submitter' | 'supervisor' | null> = {
  assigned: 'submitter',
  draft: 'submitter',
  returned: 'submitter',
  submitted: 'supervisor',
  approved: null,
  accepted: null,
};

export interface StateCount {
  department: string;
  status: ItemStatus;
  items: number;
}

/**
 * A submitter's 待办 are its department's items to fill in or correct, its 已办
 * the rest; a supervisor's 待办 are those submitted for review, its 已办 those
 * it approved or returned; the bureau (and a viewer or approver) sees every department:
 * 待办 what is not yet approved, 已办 what is.
 */
export function workCounts(
  role: WorkRole,
  department: string | null,
  counts: StateCount[],
): { toDo: number; done: number } {
  const mine =
    role === 'submitter' || role === 'supervisor' ? counts.filter((c) => c.department === department) : counts;
  const sum = (keep: (status: ItemStatus) => boolean) =>
    mine.filter((c) => keep(c.status)).reduce((n, c) => n + c.items, 0);
  if (role === 'submitter')
    return { toDo: sum((s) => WAITING_ON[s] === 'submitter'), done: sum((s) => WAITING_ON[s] !== 'submitter') };
  if (role === 'supervisor')
    return { toDo: sum((s) => s === 'submitted'), done: sum((s) => s === 'returned' || WAITING_ON[s] === null) };
  return { toDo: sum((s) => WAITING_ON[s] !== null), done: sum((s) => WAITING_ON[s] === null) };
}
