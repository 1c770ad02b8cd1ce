/**
 * What a launch will do, for the bureau to confirm before it mails every
 * department: the items by kind, each department with what it leads and what
 * it co-operates on, and the mails the launch sends (an assignment to each lead
 * department's submitter, a request for input to each co-operating one's).
 */
import type { WorkItemKind } from './cycle-definition';
import type { DepartmentContacts } from './cycle-planning';
import type { ItemOutline } from './prepared-cycle';

export interface LaunchDepartment {
  code: string;
  name: string;
  /** The items it leads, by kind (kinds it leads none of left out). */
  leads: Partial<Record<WorkItemKind, number>>;
  /** The items it is a co-operating department (配合单位) on. */
  cooperates: number;
  /** Where its mail goes: the directory's submitter. */
  submitterEmail: string | null;
}

export interface LaunchPreview {
  itemCount: number;
  items: Partial<Record<WorkItemKind, number>>;
  /** Every department the launch involves, leads first, then by code. */
  departments: LaunchDepartment[];
  mails: { assignments: number; contributionRequests: number; total: number };
}

export function launchPreview(
  items: Array<Pick<ItemOutline, 'kind' | 'leadDepartment' | 'coDepartments'>>,
  contacts: Array<Pick<DepartmentContacts, 'code' | 'name' | 'submitterEmail'>>,
): LaunchPreview {
  const byCode = new Map(contacts.map((c) => [c.code, c]));
  const departments = new Map<string, LaunchDepartment>();
  const department = (code: string) => {
    const known = departments.get(code);
    if (known) return known;
    const c = byCode.get(code);
    const added: LaunchDepartment = {
      code,
      name: c?.name ?? code,
      leads: {},
      cooperates: 0,
      submitterEmail: c?.submitterEmail ?? null,
    };
    departments.set(code, added);
    return added;
  };
  const byKind: Partial<Record<WorkItemKind, number>> = {};
  for (const item of items) {
    byKind[item.kind] = (byKind[item.kind] ?? 0) + 1;
    const lead = department(item.leadDepartment).leads;
    lead[item.kind] = (lead[item.kind] ?? 0) + 1;
    for (const co of item.coDepartments) department(co).cooperates += 1;
  }
  const leading = (d: LaunchDepartment) => Object.keys(d.leads).length > 0;
  const listed = [...departments.values()].sort(
    (a, b) => Number(leading(b)) - Number(leading(a)) || a.code.localeCompare(b.code),
  );
  const assignments = listed.filter(leading).length;
  const contributionRequests = listed.filter((d) => d.cooperates > 0).length;
  return {
    itemCount: items.length,
    items: byKind,
    departments: listed,
    mails: { assignments, contributionRequests, total: assignments + contributionRequests },
  };
}
