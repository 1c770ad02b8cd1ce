/**
 * Writes a validated plan into PostgreSQL in one transaction: either all of it
 * lands or none. Re-import is idempotent: rows are matched by plan and item
 * number, and the report says what was added, changed and left alone.
 * Department contacts are only created, never overwritten: the bureau edits
 * them after import and a re-import must not undo that.
 */
import type { DataSource, EntityManager, ObjectLiteral, Repository } from 'typeorm';
import { canonicalJson } from '../../common/canonical-json';
import type { ResponsibleUnit } from '../../plan/departments';
import type { ValidatedPlan } from '../../plan/plan-validation';
import {
  BasicServiceItem,
  Category,
  Department,
  DepartmentContact,
  DepartmentGroupMember,
  Indicator,
  MainTarget,
  MainTask,
  MajorProject,
  Plan,
  Responsibility,
  type ItemKind,
} from '../entities';

export interface SyncStats {
  added: number;
  changed: number;
  unchanged: number;
}
export type ImportReport = Record<string, SyncStats>;

export class CatalogImportRepository {
  /** A whole import is one transaction of its own, so it is built on the data source. */
  constructor(private readonly dataSource: DataSource) {}

  importPlan(plan: ValidatedPlan): Promise<ImportReport> {
    return this.dataSource.transaction(async (em) => {
      const report: ImportReport = {};
      const departments = await importDirectory(em, plan, report);
      const { file } = plan;

      const planRow = await upsertOne(
        em.getRepository(Plan),
        { code: file.plan.code },
        {
          code: file.plan.code,
          name: file.plan.name,
          nameEn: file.plan.nameEn,
          periodName: file.plan.periodName,
          periodNameEn: file.plan.periodNameEn,
          baselineYear: file.plan.baselineYear,
          startYear: file.plan.startYear,
          endYear: file.plan.endYear,
          source: file.plan.source ?? null,
          printedTotals: file.printedTotals,
        },
      );
      report.plan = planRow.stats;
      const planRef = { id: planRow.row.id } as Plan;
      const byPlan = { plan: { id: planRef.id } };

      report.category = await sync(
        em.getRepository(Category),
        byPlan,
        (c) => String(c.no),
        file.categories.map((c) => ({ plan: planRef, no: c.no, name: c.name, nameEn: c.nameEn })),
      );
      const categories = new Map((await em.getRepository(Category).findBy(byPlan)).map((c) => [c.name, c]));

      report.indicator = await sync(
        em.getRepository(Indicator),
        byPlan,
        (i) => String(i.no),
        plan.indicators.map((i) => ({
          plan: planRef,
          no: i.no,
          category: { id: categories.get(i.category)!.id } as Category,
          name: i.name,
          unit: i.unit,
          baselinePrinted: i.baseline,
          targetPrinted: i.target,
          nameEn: english(i.nameEn),
          unitEn: english(i.unitEn),
          baselineEn: english(i.baselineEn),
          targetEn: english(i.targetEn),
          baseline: i.parsedBaseline,
          target: i.parsedTarget,
          attribute: i.attribute,
          polarity: i.polarity,
          cumulative: i.cumulative,
          departmentsPrinted: i.departments,
        })),
        ['category'],
      );
      report.main_target = await sync(
        em.getRepository(MainTarget),
        byPlan,
        (t) => String(t.no),
        plan.targets.map((t) => ({
          plan: planRef,
          no: t.no,
          text: t.text,
          textEn: english(t.textEn),
          departmentsPrinted: t.departments,
          indicatorNos: t.indicators,
        })),
      );
      report.main_task = await sync(
        em.getRepository(MainTask),
        byPlan,
        (t) => String(t.no),
        plan.tasks.map((t) => ({
          plan: planRef,
          no: t.no,
          title: t.title,
          details: t.details,
          titleEn: english(t.titleEn),
          detailsEn: english(t.detailsEn),
          departmentsPrinted: t.departments,
        })),
      );
      report.major_project = await sync(
        em.getRepository(MajorProject),
        byPlan,
        (p) => `${p.status}-${p.no}`,
        plan.projects.map((p) => ({
          plan: planRef,
          status: p.status,
          no: p.no,
          groupName: p.group,
          name: p.name,
          nameEn: english(p.nameEn),
          content: p.content,
          totalInvestment: p.totalInvestment,
          planPeriodInvestment: p.planPeriodInvestment,
          landMu: p.landMu,
          owner: p.owner,
          responsibleUnitPrinted: p.responsibleUnit,
        })),
      );
      // A department the file gives is a default: set where none is assigned, never over the bureau's choice.
      const assigned = new Set(
        (await em.getRepository(BasicServiceItem).find({ where: byPlan, relations: { department: true } }))
          .filter((b) => b.department)
          .map((b) => b.no),
      );
      report.basic_service_item = await sync(
        em.getRepository(BasicServiceItem),
        byPlan,
        (b) => String(b.no),
        plan.serviceItems.map(({ responsibility, department: _default, ...b }) => ({
          plan: planRef,
          ...b,
          areaEn: english(b.areaEn),
          goalEn: english(b.goalEn),
          nameEn: english(b.nameEn),
          ...(responsibility && !assigned.has(b.no)
            ? { department: { id: departments.get(responsibility.lead.name)!.id } as Department }
            : {}),
        })),
        ['department'],
      );

      const responsibilities: Array<Partial<Responsibility>> = [];
      const add = (itemKind: ItemKind, itemKey: string, r: { lead: ResponsibleUnit; co: ResponsibleUnit[] }) =>
        [r.lead, ...r.co].forEach((unit, position) =>
          responsibilities.push({
            plan: planRef,
            itemKind,
            itemKey,
            position,
            role: position === 0 ? 'lead' : 'co',
            department: { id: departments.get(unit.name)!.id } as Department,
          }),
        );
      plan.indicators.forEach((i) => add('indicator', String(i.no), i.responsibility));
      plan.targets.forEach((t) => add('target', String(t.no), t.responsibility));
      plan.tasks.forEach((t) => add('task', String(t.no), t.responsibility));
      plan.projects.forEach((p) => add('project', `${p.status}-${p.no}`, p.responsibility));
      report.responsibility = await sync(
        em.getRepository(Responsibility),
        byPlan,
        (r) => `${r.itemKind}/${r.itemKey}/${r.position}`,
        responsibilities,
        ['department'],
        true,
      );
      return report;
    });
  }
}

/** An English twin as stored: absent or blank is null, so a re-import compares equal. */
const english = (text: string | undefined) => text?.trim() || null;

async function importDirectory(
  em: EntityManager,
  plan: ValidatedPlan,
  report: ImportReport,
): Promise<Map<string, Department>> {
  const { departments, departmentGroups } = plan.file;
  const repo = em.getRepository(Department);
  report.department = await sync(repo, {}, (d) => d.code!, [
    ...departments.map((d) => ({ code: d.code, name: d.name, nameEn: d.nameEn, kind: d.kind, aliases: d.aliases })),
    ...departmentGroups.map((g) => ({
      code: g.code,
      name: g.name,
      nameEn: g.nameEn,
      kind: 'group' as const,
      aliases: [],
    })),
  ]);
  const byName = new Map((await repo.find()).map((d) => [d.name, d]));

  const contacts = em.getRepository(DepartmentContact);
  const existing = new Set(
    (await contacts.find({ relations: { department: true } })).map((c) => `${c.department.code}/${c.role}`),
  );
  const stats: SyncStats = { added: 0, changed: 0, unchanged: 0 };
  for (const d of departments) {
    for (const role of ['submitter', 'supervisor'] as const) {
      if (existing.has(`${d.code}/${role}`)) {
        stats.unchanged++;
        continue;
      }
      await contacts.insert({ department: byName.get(d.name)!, role, ...d[role] });
      stats.added++;
    }
  }
  report.department_contact = stats;

  report.department_group_member = await sync(
    em.getRepository(DepartmentGroupMember),
    {},
    (m) => `${m.group!.id}/${m.member!.id}`,
    departmentGroups.flatMap((g) =>
      (g.members ?? []).map((m) => ({ group: byName.get(g.name)!, member: byName.get(m)! })),
    ),
    ['group', 'member'],
  );
  return byName;
}

async function upsertOne<E extends ObjectLiteral & { id: string }>(
  repo: Repository<E>,
  where: Partial<E>,
  values: Partial<E>,
) {
  const before = await repo.findOneBy(where as never);
  const stats = await sync(repo, where, () => 'one', [values]);
  return { row: before ?? (await repo.findOneByOrFail(where as never)), stats };
}

/**
 * Makes the rows under `scope` match `desired`, matched by `key`: inserts what
 * is new, updates what differs. With `prune`, rows no longer desired are removed
 * (used for responsibilities, which have no identity beyond their position).
 */
async function sync<E extends ObjectLiteral & { id: string }>(
  repo: Repository<E>,
  scope: object,
  key: (row: Partial<E>) => string,
  desired: Array<Partial<E>>,
  relations: string[] = [],
  prune = false,
): Promise<SyncStats> {
  const existing = await repo.find({ where: scope as never, relations });
  const byKey = new Map(existing.map((row) => [key(row), row]));
  const stats: SyncStats = { added: 0, changed: 0, unchanged: 0 };
  const seen = new Set<string>();
  for (const row of desired) {
    const k = key(row);
    seen.add(k);
    const current = byKey.get(k);
    if (!current) {
      await repo.insert(row as never);
      stats.added++;
    } else if (differs(current, row)) {
      await repo.update(current.id, row as never);
      stats.changed++;
    } else {
      stats.unchanged++;
    }
  }
  if (prune) {
    const stale = existing.filter((row) => !seen.has(key(row)));
    if (stale.length) await repo.delete(stale.map((r) => r.id));
    stats.changed += stale.length;
  }
  return stats;
}

/** Compares the desired fields only; relations compare by id. */
function differs(current: ObjectLiteral, desired: ObjectLiteral): boolean {
  return Object.entries(desired).some(([field, value]) => {
    if (field === 'plan') return false; // the scope of the sync, never changed by it
    const have = current[field];
    if (value && typeof value === 'object' && 'id' in value) return have?.id !== value.id;
    return canonicalJson(have) !== canonicalJson(value);
  });
}
