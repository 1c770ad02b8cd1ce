/**
 * Which department reports each basic public service item (专栏2). The plan
 * names none, so the bureau assigns them in the catalog before a launch
 * (which refuses items left unassigned). Used by the API and the demo alike.
 */
import type { BasicServiceItem, Department, Plan } from '../persistence/entities';
import type { CatalogRepository } from '../persistence/repositories/catalog.repository';
import { PlanNotFoundError, type Localized } from '../plan/localized';

export interface ServiceItemView {
  no: number;
  area: string;
  goal: string;
  name: string;
  department: { code: string; name: string; nameEn: string } | null;
}

/** One assignment: the item by its number, the department by its code or name; null withdraws the assignment. */
export interface ServiceAssignment {
  no: number;
  department: string | null;
}

export type AssignmentOutcome =
  | { ok: true; before: Array<{ no: number; department: string | null }>; items: ServiceItemView[] }
  | { ok: false; problems: Array<Localized & { field: string }> };

async function planOf(catalog: CatalogRepository, planCode: string): Promise<Plan> {
  const plan = await catalog.plan(planCode);
  if (!plan)
    throw new PlanNotFoundError({
      where: 'plan',
      message: { zh: `没有编号为“${planCode}”的规划`, en: `no plan with code "${planCode}"` },
    });
  return plan;
}

const view = (b: BasicServiceItem): ServiceItemView => ({
  no: b.no,
  area: b.area,
  goal: b.goal,
  name: b.name,
  department: b.department ? { code: b.department.code, name: b.department.name, nameEn: b.department.nameEn } : null,
});

/** The plan's service items in its order, each with its department (null: not yet assigned). */
export async function listServiceItems(catalog: CatalogRepository, planCode: string): Promise<ServiceItemView[]> {
  const plan = await planOf(catalog, planCode);
  return (await catalog.serviceItems(plan.id)).map(view);
}

/**
 * Applies every assignment or none: each problem is named by its place in the
 * request (`assignments.2.department`). Run it in a transaction (`catalog` built on it) with its audit entry.
 */
export async function assignServiceItems(
  catalog: CatalogRepository,
  planCode: string,
  assignments: ServiceAssignment[],
): Promise<AssignmentOutcome> {
  const plan = await planOf(catalog, planCode);
  const items = await catalog.serviceItems(plan.id);
  const byNo = new Map(items.map((b) => [b.no, b]));
  const departments = (await catalog.directory()).filter((d) => d.kind !== 'group');
  const find = (given: string) =>
    departments.find((d) => d.code === given.trim() || d.name === given.trim() || d.aliases.includes(given.trim()));

  const problems: Array<Localized & { field: string }> = [];
  const seen = new Set<number>();
  const changes: Array<{ item: BasicServiceItem; department: Department | null }> = [];
  assignments.forEach((a, i) => {
    const at = `assignments.${i}`;
    const item = byNo.get(a.no);
    if (!item)
      problems.push({
        field: `${at}.no`,
        zh: `规划中没有序号为${a.no}的基本公共服务项目（共${items.length}项）`,
        en: `the plan has no basic service item ${a.no} (it has ${items.length})`,
      });
    else if (seen.has(a.no))
      problems.push({
        field: `${at}.no`,
        zh: `基本公共服务项目${a.no}在请求中出现了不止一次`,
        en: `basic service item ${a.no} is assigned more than once in the request`,
      });
    seen.add(a.no);
    const department = a.department === null ? null : find(a.department);
    if (department === undefined)
      problems.push({
        field: `${at}.department`,
        zh: `没有代码或名称为“${a.department}”的部门（部门组不能作为责任单位）`,
        en: `no department with code or name "${a.department}" (a group cannot be responsible for an item)`,
      });
    if (item && department !== undefined) changes.push({ item, department });
  });
  if (problems.length) return { ok: false, problems };

  const before = changes.map(({ item }) => ({ no: item.no, department: item.department?.code ?? null }));
  for (const { item, department } of changes) {
    await catalog.assignServiceItem(item.id, department?.id ?? null);
  }
  return { ok: true, before, items: await listServiceItems(catalog, planCode) };
}
