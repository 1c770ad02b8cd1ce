/**
 * Reads a plan back out of PostgreSQL in the plan file's own shape, so that
 * export, validation and every other reader share one path.
 */
import type { DataSource } from 'typeorm';
import type { Department, Plan } from '../persistence/entities';
import { CatalogRepository } from '../persistence/repositories/catalog.repository';
import { PlanNotFoundError, PlanValidationError } from '../plan/localized';
import type { DepartmentContacts } from '../cycle/cycle-planning';
import type { PlanFile } from '../plan/plan-file';
import { validatePlan, type ValidatedPlan } from '../plan/plan-validation';

/** The plan with this code, or the only plan when no code is given. */
export async function readPlan(catalog: CatalogRepository, code?: string): Promise<ValidatedPlan> {
  const plans = await catalog.plans(code);
  if (plans.length === 0 && code) {
    throw new PlanNotFoundError({
      where: 'plan',
      message: { zh: `数据库中没有编号为“${code}”的规划`, en: `no plan with code "${code}" in the database` },
    });
  }
  if (plans.length !== 1) {
    const known = plans.map((p) => p.code).join(', ') || '无 (none)';
    throw new PlanValidationError([
      {
        where: 'plan',
        message: {
          zh: `请用 --plan 指定规划，已有：${known}`,
          en: `choose a plan with --plan; the database holds: ${known}`,
        },
      },
    ]);
  }
  // A plan imported before the translations existed still reads; its report prints the Chinese where English is missing.
  return validatePlan(await planFileOf(catalog, plans[0]), { requireEnglish: false });
}

/** `readPlan` for a caller holding the data source (the worker, the command line). */
export function readPlanFromDatabase(dataSource: DataSource, code?: string): Promise<ValidatedPlan> {
  return readPlan(new CatalogRepository(dataSource), code);
}

async function planFileOf(catalog: CatalogRepository, plan: Plan): Promise<PlanFile> {
  const { categories, indicators, targets, tasks, projects, basicServiceItems, departments, members } =
    await catalog.planContents(plan);
  const contact = (d: Department, role: 'submitter' | 'supervisor') => {
    const c = d.contacts.find((x) => x.role === role);
    return c
      ? { name: c.name, email: c.email, locale: c.locale as 'zh-CN' | 'en' }
      : { name: '', email: '', locale: 'zh-CN' as const };
  };
  return {
    plan: {
      code: plan.code,
      name: plan.name,
      nameEn: plan.nameEn,
      // Null only for a plan imported before the period's name was kept: validation then names the field.
      periodName: plan.periodName ?? '',
      periodNameEn: plan.periodNameEn ?? '',
      baselineYear: plan.baselineYear,
      startYear: plan.startYear,
      endYear: plan.endYear,
      ...(plan.source ? { source: plan.source } : {}),
    },
    printedTotals: plan.printedTotals as PlanFile['printedTotals'],
    categories: categories.map((c) => ({ no: c.no, name: c.name, nameEn: c.nameEn })),
    departments: departments
      .filter((d) => d.kind !== 'group')
      .map((d) => ({
        code: d.code,
        name: d.name,
        nameEn: d.nameEn,
        kind: d.kind as PlanFile['departments'][number]['kind'],
        aliases: d.aliases,
        submitter: contact(d, 'submitter'),
        supervisor: contact(d, 'supervisor'),
      })),
    departmentGroups: departments
      .filter((d) => d.kind === 'group')
      .map((g) => {
        const m = members.filter((x) => x.group.id === g.id).map((x) => x.member.name);
        return { code: g.code, name: g.name, nameEn: g.nameEn, members: m.length ? m : null };
      }),
    indicators: indicators.map((i) => ({
      no: i.no,
      category: i.category.name,
      name: i.name,
      ...english({ nameEn: i.nameEn }),
      unit: i.unit,
      ...english({ unitEn: i.unitEn }),
      baseline: i.baselinePrinted,
      ...english({ baselineEn: i.baselineEn }),
      target: i.targetPrinted,
      ...english({ targetEn: i.targetEn }),
      attribute: i.attribute,
      polarity: i.polarity,
      departments: i.departmentsPrinted,
    })),
    targets: targets.map((t) => ({
      no: t.no,
      text: t.text,
      ...english({ textEn: t.textEn }),
      departments: t.departmentsPrinted,
      indicators: t.indicatorNos,
    })),
    tasks: tasks.map((t) => ({
      no: t.no,
      title: t.title,
      ...english({ titleEn: t.titleEn }),
      details: t.details,
      ...english({ detailsEn: t.detailsEn }),
      departments: t.departmentsPrinted,
    })),
    projects: projects
      .sort((a, b) => (a.status === b.status ? a.no - b.no : a.status === 'planned' ? -1 : 1))
      .map((p) => ({
        no: p.no,
        status: p.status,
        group: p.groupName,
        name: p.name,
        ...english({ nameEn: p.nameEn }),
        content: p.content,
        totalInvestment: p.totalInvestment,
        planPeriodInvestment: p.planPeriodInvestment,
        landMu: p.landMu,
        owner: p.owner,
        responsibleUnit: p.responsibleUnitPrinted,
      })),
    basicServiceItems: basicServiceItems.map((b) => ({
      no: b.no,
      area: b.area,
      ...english({ areaEn: b.areaEn }),
      goal: b.goal,
      ...english({ goalEn: b.goalEn }),
      name: b.name,
      ...english({ nameEn: b.nameEn }),
      ...(b.department ? { department: b.department.name } : {}),
    })),
  };
}

/** A stored English twin as the plan file holds it: the field left out where there is none. */
function english<K extends string>(field: Record<K, string | null>): Partial<Record<K, string>> {
  const [key, value] = Object.entries(field)[0] as [K, string | null];
  return value ? ({ [key]: value } as Partial<Record<K, string>>) : {};
}

/** Every department's contacts, as the launch check needs them. */
export async function directoryContacts(ds: DataSource): Promise<DepartmentContacts[]> {
  const departments = await new CatalogRepository(ds).directory();
  return departments
    .filter((d) => d.kind !== 'group')
    .map((d) => ({
      code: d.code,
      name: d.name,
      submitterEmail: d.contacts.find((c) => c.role === 'submitter')?.email ?? null,
      supervisorEmail: d.contacts.find((c) => c.role === 'supervisor')?.email ?? null,
    }));
}
