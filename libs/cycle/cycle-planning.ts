/**
 * Turns a plan and a launch request into the cycle's work items, one per
 * (cycle, item), each owned by a concrete lead department. Everything that
 * would make a cycle fail later (a group not resolved, a department without a
 * submitter or supervisor) is found here, all at once, before anything starts.
 */
import type { ResponsibleUnit } from '../plan/departments';
import type { Localized } from '../plan/localized';
import type { ValidatedPlan } from '../plan/plan-validation';
import { indicatorDecimals } from '../rules/plan-evaluation';
import type { CycleDefinition } from './cycle-definition';
import { itemKey } from './cycle-definition';
import { leadDepartmentLimitGap } from './cycle-limits';
import type { WorkItemSpec } from './submission';

export interface DepartmentContacts {
  code: string;
  name: string;
  submitterEmail: string | null;
  supervisorEmail: string | null;
}

export type CyclePlan = { ok: true; items: WorkItemSpec[]; departments: string[] } | { ok: false; gaps: Localized[] };

export function planCycle(plan: ValidatedPlan, def: CycleDefinition, contacts: DepartmentContacts[]): CyclePlan {
  const gaps: Localized[] = [];
  const byName = new Map(contacts.map((c) => [c.name, c]));
  const resolution = resolveGroups(plan, def.groupResolution, gaps);
  const groupMembers = new Map(
    plan.file.departmentGroups.map((g) => [g.name, resolution.get(g.name) ?? g.members ?? null]),
  );
  const unresolved = new Set<string>();

  /** A group stands for its resolved members: the first leads, the others co-operate. */
  const expand = (unit: ResponsibleUnit): string[] => {
    if (unit.kind === 'department') return [unit.name];
    const members = groupMembers.get(unit.name);
    if (!members || members.length === 0) {
      unresolved.add(unit.name);
      return [];
    }
    return members.map((m) => plan.directory.unit(m)?.name ?? m);
  };

  const items: WorkItemSpec[] = [];
  const add = (
    spec: Omit<WorkItemSpec, 'leadDepartment' | 'coDepartments'>,
    r: { lead: ResponsibleUnit; co: ResponsibleUnit[] },
  ) => {
    const units = [...new Set([...expand(r.lead), ...r.co.flatMap(expand)])];
    if (units.length === 0) return;
    items.push({ ...spec, leadDepartment: units[0], coDepartments: units.slice(1) });
  };

  if (def.itemKinds.includes('indicator')) {
    for (const i of plan.indicators) {
      add(
        {
          key: itemKey('indicator', i.no),
          kind: 'indicator',
          no: i.no,
          title: i.name,
          indicator: {
            unit: i.unit,
            target: i.parsedTarget,
            baseline: i.parsedBaseline,
            polarity: i.polarity,
            previousValue: null,
            cumulative: i.cumulative,
            decimals: indicatorDecimals(i),
          },
        },
        i.responsibility,
      );
    }
  }
  if (def.itemKinds.includes('task'))
    for (const t of plan.tasks)
      add({ key: itemKey('task', t.no), kind: 'task', no: t.no, title: t.title }, t.responsibility);
  if (def.itemKinds.includes('project')) {
    // Planned projects (附件3) report their investment; reserve projects (附件4), numbered apart, their stage.
    for (const p of plan.projects) {
      const kind = p.status === 'planned' ? 'project' : 'reserve';
      add({ key: itemKey(kind, p.no), kind, no: p.no, title: p.name }, p.responsibility);
    }
  }

  if (def.itemKinds.includes('service')) {
    // The plan names no department for its basic public service items: each must be assigned before launch.
    for (const b of plan.serviceItems) {
      if (b.responsibility)
        add({ key: itemKey('service', b.no), kind: 'service', no: b.no, title: b.name }, b.responsibility);
      else
        gaps.push({
          zh: `基本公共服务项目${b.no}“${b.name}”（${b.area}）尚未指定责任单位，请在规划目录中指定，或发起时不选基本公共服务`,
          en: `basic service item ${b.no} "${b.name}" (${b.area}) has no department: assign one in the catalog, or launch without basic services`,
        });
    }
  }

  for (const g of unresolved) {
    gaps.push({
      zh: `“${g}”尚未指定具体部门，请在发起前指定`,
      en: `"${g}" is not resolved to concrete departments; resolve it before launch`,
    });
  }
  const involved = [...new Set(items.flatMap((i) => [i.leadDepartment, ...i.coDepartments]))];
  for (const name of involved) {
    const c = byName.get(name);
    if (!c) gaps.push({ zh: `部门“${name}”不在部门名录中`, en: `department "${name}" is not in the directory` });
    else {
      if (!c.submitterEmail) gaps.push({ zh: `${name}没有填报人联系方式`, en: `${name} has no submitter contact` });
      if (!c.supervisorEmail) gaps.push({ zh: `${name}没有审核人联系方式`, en: `${name} has no supervisor contact` });
    }
  }
  const overLimit = leadDepartmentLimitGap(new Set(items.map((i) => i.leadDepartment)).size);
  if (overLimit) gaps.push(overLimit);
  if (gaps.length) return { ok: false, gaps };
  // From here on departments are known by their codes, as actors and workflow IDs name them.
  const code = (name: string) => byName.get(name)!.code;
  const coded = items.map((i) => ({
    ...i,
    leadDepartment: code(i.leadDepartment),
    coDepartments: i.coDepartments.map(code),
  }));
  return { ok: true, items: coded, departments: [...new Set(coded.map((i) => i.leadDepartment))].sort() };
}

/**
 * A launch's group resolution, named as the directory's API names things: a
 * group by its code or name, each member by its code, name or alias (codes
 * become names here; aliases where every member is expanded). What cannot be
 * read (not a group of this plan, not a list of departments) is a gap.
 */
function resolveGroups(plan: ValidatedPlan, given: Record<string, unknown>, gaps: Localized[]): Map<string, string[]> {
  const groups = new Map(
    plan.file.departmentGroups.flatMap((g) => [[g.code, g.name] as const, [g.name, g.name] as const]),
  );
  const codes = new Map(plan.file.departments.map((d) => [d.code, d.name]));
  const resolved = new Map<string, string[]>();
  for (const [key, members] of Object.entries(given ?? {})) {
    const group = groups.get(key.trim());
    if (!group) {
      const known = plan.file.departmentGroups.map((g) => `${g.code}（${g.name}）`).join('、');
      gaps.push({
        zh: `“${key}”不是本规划的部门组；可用：${known}`,
        en: `"${key}" is not a group of this plan; use one of ${known}`,
      });
    } else if (!Array.isArray(members) || !members.every((m) => typeof m === 'string')) {
      gaps.push({
        zh: `部门组“${group}”应对应部门代码或名称的列表，例如 ["city-education"]`,
        en: `group "${group}" takes a list of department codes or names, e.g. ["city-education"]`,
      });
    } else {
      resolved.set(
        group,
        members.map((m) => codes.get(m.trim()) ?? m),
      );
    }
  }
  return resolved;
}
