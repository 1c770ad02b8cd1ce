/**
 * Checks a plan file beyond its shape: every section against the plan's own
 * printed totals, every target and baseline parsed, every department name
 * resolved. A file with any error is refused whole; oddities that are printed
 * that way in the plan (a percentage of 394) are kept and reported as warnings.
 */
import { parseBaseline, parseTarget, isCumulative, type Baseline, type Target } from '../rules/target';
import { validateContactEmail } from './contact-email';
import { DepartmentDirectory, type Responsibility } from './departments';
import { PlanValidationError, type PlanIssue, type Localized } from './localized';
import { schemaIssue } from './schema-issues';
import { translationIssues } from './translations';
import { planFileSchema, type PlanFile, type PlanIndicator, type PlanProject, type PlanServiceItem } from './plan-file';

export interface Responsible {
  responsibility: Responsibility;
}
export type ValidatedIndicator = PlanIndicator &
  Responsible & { parsedBaseline: Baseline; parsedTarget: Target; cumulative: boolean };
export type ValidatedProject = PlanProject & Responsible;
/** A basic public service item (专栏2) with its department, or null until the bureau assigns one. */
export type ValidatedServiceItem = PlanServiceItem & { responsibility: Responsibility | null };

export interface ValidatedPlan {
  file: PlanFile;
  directory: DepartmentDirectory;
  indicators: ValidatedIndicator[];
  targets: Array<PlanFile['targets'][number] & Responsible>;
  tasks: Array<PlanFile['tasks'][number] & Responsible>;
  projects: ValidatedProject[];
  serviceItems: ValidatedServiceItem[];
  warnings: PlanIssue[];
}

export interface ValidationOptions {
  /**
   * Whether every Chinese text needs its English twin (libs/plan/translations): a file imported must
   * carry them; a plan read back from the catalog may predate them, and its report then prints the Chinese.
   */
  requireEnglish?: boolean;
}

/** Validates and enriches a parsed plan file; throws PlanValidationError naming every problem. */
export function validatePlan(input: unknown, { requireEnglish = true }: ValidationOptions = {}): ValidatedPlan {
  const parsed = planFileSchema.safeParse(input);
  if (!parsed.success) throw new PlanValidationError(parsed.error.issues.map(schemaIssue));
  const file = parsed.data;
  const errors: PlanIssue[] = [];
  const warnings: PlanIssue[] = [];
  const fail = (where: string, zh: string, en: string) => errors.push({ where, message: { zh, en } });

  checkCountsAndNumbering(file, fail);
  checkProjectTotals(file, fail);
  checkDirectory(file, fail);

  const directory = new DepartmentDirectory(file);
  /** `item`: the row, named as the plan prints it (指标3), since the message is all a person reads. */
  const resolve = (where: string, item: Localized, printed: string): Responsibility => {
    const r = directory.resolve(printed);
    if (r.ok) return r.value;
    fail(
      where,
      `${item.zh}的责任单位“${r.unknown.join('、')}”不在部门名录中`,
      `${item.en}: unknown responsible unit(s): ${r.unknown.join(', ')}`,
    );
    return { lead: { kind: 'department', name: printed }, co: [] };
  };

  const categories = new Set(file.categories.map((c) => c.name));
  const indicators = file.indicators.map((ind): ValidatedIndicator => {
    const where = `indicators[no=${ind.no}]`;
    if (!categories.has(ind.category))
      fail(
        `${where}.category`,
        `指标${ind.no}“${ind.name}”的类别“${ind.category}”不在指标类别中`,
        `indicator ${ind.no}: unknown category "${ind.category}"`,
      );
    const target = parseTarget(ind.target);
    const baseline = parseBaseline(ind.baseline);
    if (!target.ok)
      fail(
        `${where}.target`,
        `指标${ind.no}“${ind.name}”的目标值“${ind.target}”格式无法识别`,
        `indicator ${ind.no}: ${target.reason}`,
      );
    if (!baseline.ok)
      fail(
        `${where}.baseline`,
        `指标${ind.no}“${ind.name}”的基期值“${ind.baseline}”格式无法识别`,
        `indicator ${ind.no}: ${baseline.reason}`,
      );
    const parsedTarget = target.ok ? target.value : ({ kind: 'qualitative', goal: 'keep_at_zero' } as Target);
    const parsedBaseline = baseline.ok ? baseline.value : ({ kind: 'none' } as Baseline);
    if (ind.unit === '%' && parsedBaseline.kind === 'value' && parsedBaseline.value > 100) {
      warnings.push({
        where: `${where}.baseline`,
        message: {
          zh: `指标${ind.no}的单位为%，但基期值为${parsedBaseline.value}（按原文保留，请核实）`,
          en: `indicator ${ind.no} is a percentage but its baseline is ${parsedBaseline.value} (kept as printed; please verify)`,
        },
      });
    }
    return {
      ...ind,
      parsedTarget,
      parsedBaseline,
      cumulative: isCumulative(parsedTarget, parsedBaseline),
      responsibility: resolve(
        `${where}.departments`,
        { zh: `指标${ind.no}“${ind.name}”`, en: `indicator ${ind.no}` },
        ind.departments,
      ),
    };
  });
  const indicatorNos = new Set(file.indicators.map((i) => i.no));
  const targets = file.targets.map((t) => {
    for (const no of t.indicators.filter((n) => !indicatorNos.has(n)))
      fail(
        `targets[no=${t.no}].indicators`,
        `主要目标${t.no}“${t.text}”所对应的指标${no}不在专栏1中`,
        `target ${t.no} is measured by indicator ${no}, which is not in the indicator table`,
      );
    return {
      ...t,
      responsibility: resolve(
        `targets[no=${t.no}].departments`,
        { zh: `主要目标${t.no}`, en: `target ${t.no}` },
        t.departments,
      ),
    };
  });
  const tasks = file.tasks.map((t) => ({
    ...t,
    responsibility: resolve(
      `tasks[no=${t.no}].departments`,
      { zh: `主要任务${t.no}“${t.title}”`, en: `task ${t.no}` },
      t.departments,
    ),
  }));
  const projects = file.projects.map((p) => ({
    ...p,
    responsibility: resolve(
      `projects[${p.status} no=${p.no}].responsibleUnit`,
      { zh: `${p.status === 'reserve' ? '储备' : ''}项目${p.no}`, en: `${p.status} project ${p.no}` },
      p.responsibleUnit,
    ),
  }));
  for (const p of file.projects) {
    if (p.name === '') {
      warnings.push({
        where: `projects[${p.status} no=${p.no}].name`,
        message: { zh: `项目${p.no}没有名称（原文如此）`, en: `project ${p.no} has no name (as printed)` },
      });
    }
  }

  const serviceItems = file.basicServiceItems.map((b): ValidatedServiceItem => {
    if (b.department === undefined) return { ...b, responsibility: null };
    // One department answers for an item: not a group, not a list.
    const r = directory.resolve(b.department);
    if (r.ok && r.value.lead.kind === 'department' && r.value.co.length === 0) return { ...b, responsibility: r.value };
    fail(
      `basicServiceItems[no=${b.no}].department`,
      `基本公共服务项目${b.no}“${b.name}”的责任单位“${b.department}”应为部门名录中的一个部门`,
      `basic service item ${b.no} "${b.name}": its department "${b.department}" must be one department of the directory`,
    );
    return { ...b, responsibility: null };
  });

  if (requireEnglish) errors.push(...translationIssues(file));
  if (errors.length > 0) throw new PlanValidationError(errors);
  return { file, directory, indicators, targets, tasks, projects, serviceItems, warnings };
}

type Fail = (where: string, zh: string, en: string) => void;

function checkCountsAndNumbering(file: PlanFile, fail: Fail): void {
  const printed = file.printedTotals;
  const sections: Array<[string, string, Array<{ no: number }>, number]> = [
    ['indicators', '主要指标', file.indicators, printed.indicators],
    ['targets', '主要目标', file.targets, printed.targets],
    ['tasks', '主要任务', file.tasks, printed.tasks],
    ['basicServiceItems', '基本公共服务项目', file.basicServiceItems, printed.basicServiceItems],
    [
      'projects(planned)',
      '重大项目计划',
      file.projects.filter((p) => p.status === 'planned'),
      printed.plannedProjects.count,
    ],
    [
      'projects(reserve)',
      '重大项目储备',
      file.projects.filter((p) => p.status === 'reserve'),
      printed.reserveProjects.count,
    ],
  ];
  for (const [key, label, rows, expected] of sections) {
    if (rows.length !== expected) {
      fail(
        key,
        `${label}共${rows.length}项，与原文合计${expected}项不符`,
        `${rows.length} rows, but the plan prints a total of ${expected}`,
      );
    }
    const numbers = rows.map((r) => r.no);
    const gap = numbers.findIndex((n, i) => n !== i + 1);
    if (gap >= 0) {
      fail(
        key,
        `${label}序号应从1连续编号，第${gap + 1}行为${numbers[gap]}`,
        `numbers must run 1..N; row ${gap + 1} is numbered ${numbers[gap]}`,
      );
    }
  }
}

/** Money and land figures carry up to four decimals; comparing scaled integers avoids float drift. */
function scaled(n: number): number {
  return Math.round(n * 10000);
}
function sum(values: Array<number | null>): number {
  return values.reduce<number>((s, v) => s + scaled(v ?? 0), 0);
}

function checkProjectTotals(file: PlanFile, fail: Fail): void {
  const fields = [
    ['totalInvestment', '计划总投资（万元）', 'total investment (10k yuan)'],
    [
      'planPeriodInvestment',
      `“${file.plan.periodName}”计划投资（万元）`,
      `${file.plan.periodNameEn} investment (10k yuan)`,
    ],
    ['landMu', '建设用地（亩）', 'land (mu)'],
  ] as const;
  const compare = (
    where: string,
    label: string,
    rows: PlanProject[],
    printed: Record<(typeof fields)[number][0], number | null>,
  ) => {
    for (const [field, zh, en] of fields) {
      if (printed[field] === null) continue;
      const actual = sum(rows.map((r) => r[field]));
      if (actual !== scaled(printed[field]!)) {
        fail(
          where,
          `${label}${zh}合计为${actual / 10000}，与原文${printed[field]}不符`,
          `${en} adds up to ${actual / 10000}, but the plan prints ${printed[field]}`,
        );
      }
    }
  };
  const byStatus = (status: string) => file.projects.filter((p) => p.status === status);
  compare('printedTotals.plannedProjects', '重大项目计划表', byStatus('planned'), file.printedTotals.plannedProjects);
  compare('printedTotals.reserveProjects', '重大项目储备表', byStatus('reserve'), file.printedTotals.reserveProjects);
  for (const g of file.printedTotals.projectGroups) {
    const rows = file.projects.filter((p) => p.status === g.status && p.group === g.name);
    const where = `printedTotals.projectGroups[${g.status} ${g.no}]`;
    if (rows.length !== g.count)
      fail(
        where,
        `“${g.name}”共${rows.length}项，与原文${g.count}项不符`,
        `group "${g.name}" has ${rows.length} rows, printed ${g.count}`,
      );
    compare(where, `“${g.name}”`, rows, g);
  }
}

function checkDirectory(file: PlanFile, fail: Fail): void {
  const seen = new Map<string, string>();
  for (const d of file.departments) {
    for (const role of ['submitter', 'supervisor'] as const) {
      const wrong = validateContactEmail(d.name, role, d[role].email);
      if (wrong) fail(`departments[${d.code}].${role}.email`, wrong.zh, wrong.en);
    }
    for (const name of [d.name, ...d.aliases]) {
      const owner = seen.get(name);
      if (owner && owner !== d.code)
        fail(`departments[${d.code}]`, `名称“${name}”同时属于${owner}`, `name "${name}" also belongs to ${owner}`);
      seen.set(name, d.code);
    }
  }
  const names = new Set(file.departments.map((d) => d.name));
  for (const g of file.departmentGroups) {
    for (const m of g.members ?? []) {
      if (!names.has(m))
        fail(
          `departmentGroups[${g.code}]`,
          `分组成员“${m}”不在部门名录中`,
          `group member "${m}" is not in the department directory`,
        );
    }
  }
}
