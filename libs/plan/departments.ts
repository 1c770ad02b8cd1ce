/**
 * Responsibility strings as printed (`市发展改革局、审计局、统计局，县（区）人民政府（管委会）`)
 * resolved against the department directory: the first unit listed is the lead
 * (牵头单位), the others co-operate (配合单位). Variants resolve to their canonical
 * name; groups stay groups until a cycle resolves them.
 */
import type { PlanFile } from './plan-file';

export type ResponsibleUnit = { kind: 'department'; name: string } | { kind: 'group'; name: string };

export interface Responsibility {
  lead: ResponsibleUnit;
  co: ResponsibleUnit[];
}

export type ResolveResult = { ok: true; value: Responsibility } | { ok: false; unknown: string[] };

/** `、` separates co-equal units and `，` separates groups of units; both only delimit. */
const SEPARATORS = /[、，,;；]/;

export class DepartmentDirectory {
  private readonly byName = new Map<string, ResponsibleUnit>();

  constructor(plan: Pick<PlanFile, 'departments' | 'departmentGroups'>) {
    for (const d of plan.departments) {
      for (const name of [d.name, ...d.aliases]) this.byName.set(name, { kind: 'department', name: d.name });
    }
    for (const g of plan.departmentGroups) this.byName.set(g.name, { kind: 'group', name: g.name });
  }

  /** The canonical unit a printed name stands for, or undefined when the directory does not know it. */
  unit(printedName: string): ResponsibleUnit | undefined {
    return this.byName.get(printedName.trim());
  }

  resolve(printed: string): ResolveResult {
    const names = printed
      .split(SEPARATORS)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const unknown = names.filter((n) => !this.byName.has(n));
    if (unknown.length > 0 || names.length === 0) return { ok: false, unknown: names.length ? unknown : [printed] };
    const units = dedupe(names.map((n) => this.byName.get(n)!));
    return { ok: true, value: { lead: units[0], co: units.slice(1) } };
  }
}

function dedupe(units: ResponsibleUnit[]): ResponsibleUnit[] {
  const seen = new Set<string>();
  return units.filter((u) => (seen.has(u.name) ? false : (seen.add(u.name), true)));
}
