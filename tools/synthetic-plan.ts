/**
 * A synthetic plan of any size for the benchmarks and the fault tests: N work items (indicators,
 * tasks, planned projects and one reserve project) spread round-robin over D departments, built from
 * the Heyuan plan's own rows so every target, baseline and unit is one the
 * real parser meets. The result is a valid plan file (`plan-eval validate`
 * accepts it) whose printed totals add up.
 * `bench/make-plan.ts` writes one to a file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanFile } from '@libs/plan/plan-file';

export const HEYUAN_PLAN_FILE = join(__dirname, '../data/plans/heyuan-public-services-2021-2025.json');

export interface SyntheticPlanOptions {
  code: string;
  indicators: number;
  tasks: number;
  /** Planned projects (work items); one reserve project is always added, as the file format wants one. */
  projects: number;
  departments: number;
}

/**
 * How N work items divide into kinds: about 60 % indicators, 25 % tasks, the
 * rest projects. The plan's one reserve project is a work item too (launched
 * with the projects), so the planned projects are one fewer: a cycle of the
 * plan has exactly N items.
 */
export function splitItems(items: number): Pick<SyntheticPlanOptions, 'indicators' | 'tasks' | 'projects'> {
  if (items < 4) throw new Error('a synthetic plan needs at least 4 items (one of each kind and the reserve project)');
  const indicators = Math.max(1, Math.round(items * 0.6));
  const tasks = Math.max(1, Math.round(items * 0.25));
  return { indicators, tasks, projects: items - indicators - tasks - 1 };
}

export const syntheticDepartmentCode = (i: number) => `bench-dept-${String(i + 1).padStart(3, '0')}`;

export function syntheticPlan(options: SyntheticPlanOptions, template: PlanFile = readTemplate()): PlanFile {
  const { indicators, tasks, projects, departments } = options;
  const pad = (i: number) => String(i + 1).padStart(3, '0');
  const directory = Array.from({ length: departments }, (_, i) => ({
    code: syntheticDepartmentCode(i),
    name: `合成测试部门${pad(i)}`,
    nameEn: `Synthetic department ${pad(i)}`,
    kind: 'city_bureau' as const,
    aliases: [],
    submitter: { name: `填报人${pad(i)}`, email: `submitter-${pad(i)}@bench.heyuan.example`, locale: 'zh-CN' as const },
    supervisor: {
      name: `审核人${pad(i)}`,
      email: `supervisor-${pad(i)}@bench.heyuan.example`,
      locale: 'zh-CN' as const,
    },
  }));
  // One counter across kinds, so a department gets a mix and every department gets work.
  let next = 0;
  const lead = () => directory[next++ % departments].name;
  const cycle = <T>(rows: T[], i: number) => rows[i % rows.length];
  const planned = template.projects.filter((p) => p.status === 'planned');
  const money = { totalInvestment: 1000, planPeriodInvestment: 800, landMu: 10 };

  return {
    plan: {
      code: options.code,
      name: `合成规划（${indicators + tasks + projects}项，基准测试用）`,
      nameEn: `Synthetic plan (${indicators + tasks + projects} items, for benchmarks)`,
      periodName: template.plan.periodName,
      periodNameEn: template.plan.periodNameEn,
      baselineYear: template.plan.baselineYear,
      startYear: template.plan.startYear,
      endYear: template.plan.endYear,
    },
    printedTotals: {
      indicators,
      targets: 1,
      tasks,
      basicServiceItems: template.basicServiceItems.length,
      plannedProjects: { count: projects, ...scaledMoney(money, projects) },
      reserveProjects: {
        count: 1,
        totalInvestment: money.totalInvestment,
        planPeriodInvestment: null,
        landMu: money.landMu,
      },
      projectGroups: [
        {
          status: 'planned',
          no: '一',
          name: '合成项目',
          nameEn: 'Synthetic projects',
          count: projects,
          ...scaledMoney(money, projects),
        },
        {
          status: 'reserve',
          no: '一',
          name: '合成储备项目',
          nameEn: 'Synthetic reserve projects',
          count: 1,
          totalInvestment: money.totalInvestment,
          planPeriodInvestment: null,
          landMu: money.landMu,
        },
      ],
    },
    categories: template.categories,
    departments: directory,
    departmentGroups: [],
    indicators: Array.from({ length: indicators }, (_, i) => {
      const t = cycle(template.indicators, i);
      return {
        ...t,
        no: i + 1,
        name: `${t.name}（合成${i + 1}）`,
        nameEn: `${t.nameEn} (synthetic ${i + 1})`,
        departments: lead(),
      };
    }),
    targets: [
      {
        no: 1,
        text: template.targets[0].text,
        textEn: template.targets[0].textEn,
        departments: directory[0].name,
        indicators: [1],
      },
    ],
    tasks: Array.from({ length: tasks }, (_, i) => {
      const t = cycle(template.tasks, i);
      return {
        no: i + 1,
        title: `${t.title}（合成${i + 1}）`,
        titleEn: `${t.titleEn} (synthetic ${i + 1})`,
        details: t.details,
        detailsEn: t.detailsEn,
        departments: lead(),
      };
    }),
    projects: [
      ...Array.from({ length: projects }, (_, i) => {
        const p = cycle(planned, i);
        return {
          ...p,
          ...money,
          no: i + 1,
          status: 'planned' as const,
          group: '合成项目',
          name: `${p.name || '项目'}（合成${i + 1}）`,
          nameEn: `${p.nameEn || 'Project'} (synthetic ${i + 1})`,
          responsibleUnit: lead(),
        };
      }),
      {
        ...planned[0],
        ...money,
        planPeriodInvestment: null,
        no: 1,
        status: 'reserve' as const,
        group: '合成储备项目',
        responsibleUnit: directory[0].name,
      },
    ],
    basicServiceItems: template.basicServiceItems,
  };
}

function scaledMoney(money: { totalInvestment: number; planPeriodInvestment: number; landMu: number }, count: number) {
  return {
    totalInvestment: money.totalInvestment * count,
    planPeriodInvestment: money.planPeriodInvestment * count,
    landMu: money.landMu * count,
  };
}

function readTemplate(): PlanFile {
  return JSON.parse(readFileSync(HEYUAN_PLAN_FILE, 'utf8')) as PlanFile;
}
