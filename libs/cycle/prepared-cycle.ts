/**
 * What a cycle's workflow needs to know of its items before it starts its
 * departments: the same answer whether the items were planned just now or
 * read back from the rows an earlier step wrote, because both go through here.
 */
import type { PreparedCycle } from './activities-contract';
import type { Thresholds } from '../rules/thresholds';
import type { PlanYears, WorkItemSpec } from './submission';

/** What of an item the cycle's preparation looks at: its work-item row's columns, without the specification. */
export type ItemOutline = Pick<WorkItemSpec, 'key' | 'kind' | 'no' | 'title' | 'leadDepartment' | 'coDepartments'>;

/** Catalog order: by kind, then number (as `loadDepartmentItems` reads a department's items). */
function byKindAndNo(a: Pick<ItemOutline, 'kind' | 'no'>, b: Pick<ItemOutline, 'kind' | 'no'>): number {
  return a.kind === b.kind ? a.no - b.no : a.kind < b.kind ? -1 : 1;
}

export function preparedCycle(items: ItemOutline[], years: PlanYears, thresholds: Thresholds): PreparedCycle {
  const ordered = [...items].sort(byKindAndNo);
  const departments = [...new Set(ordered.map((i) => i.leadDepartment))].sort();
  const contributors = new Map<string, Array<{ key: string; title: string }>>();
  for (const item of ordered) {
    for (const co of item.coDepartments)
      contributors.set(co, [...(contributors.get(co) ?? []), { key: item.key, title: item.title }]);
  }
  return {
    departments,
    itemCount: items.length,
    years,
    thresholds,
    contributors: [...contributors]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([department, items]) => ({ department, items })),
  };
}

/** Each department's item keys, in catalog order (every department named, with none if it leads none). */
export function leadItemKeys(
  departments: string[],
  items: Array<Pick<ItemOutline, 'key' | 'kind' | 'no' | 'leadDepartment'>>,
): Record<string, string[]> {
  const keys: Record<string, string[]> = Object.fromEntries(departments.map((d) => [d, []]));
  for (const item of [...items].sort(byKindAndNo)) keys[item.leadDepartment]?.push(item.key);
  return keys;
}
