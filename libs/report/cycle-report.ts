/**
 * The figures of a cycle's report, computed from its frozen snapshot of
 * approved submissions. Pure and deterministic: the same snapshot gives the
 * same figures and the same content hash. Every figure names the submission
 * it comes from (item, version, submitter, approver).
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json';
import type { DepartmentOutcome } from '../cycle/activities-contract';
import { itemKey, type CycleKind } from '../cycle/cycle-definition';
import type {
  IndicatorSubmission,
  ProjectSubmission,
  ReserveStage,
  ReserveSubmission,
  ServiceImplementation,
  ServiceSubmission,
  TaskSubmission,
  Submission,
} from '../cycle/submission';
import type { ValidatedPlan } from '../plan/plan-validation';
import { findBoilerplate, type Boilerplate } from '../rules/boilerplate';
import {
  describeIndicator,
  indicatorNotes,
  indicatorRule,
  summarizeEvaluation,
  type EvaluationSummary,
  type IndicatorEvaluation,
} from '../rules/plan-evaluation';
import { judgeCycleValue } from '../rules/cycle-judgement';
import { countByStatus, elapsedShare, type ProgressStatus } from '../rules/progress';
import { judgeProject, type ProjectFlag, type ProjectReport } from '../rules/project-status';
import { countReserveProjects, type ReserveCounts } from '../rules/reserve-projects';
import { summarizeServiceItems, type ServiceItemSummary } from '../rules/service-items';
import { buildFinalEvaluation, type FinalEvaluation } from './final-evaluation';
import {
  adjustedOf,
  adjustmentRows,
  planInForce,
  type AdjustedFrom,
  type AdjustmentOfRecord,
  type TargetAdjustmentRow,
} from './targets-in-force';
import { assessmentFigures, type AssessmentInput, type AssessmentRow } from './assessment-figures';
import { proposeAdjustments, type AdjustmentProposal } from '../rules/plan-adjustment';
import { judgeTarget } from '../rules/target-status';
import { judgeTask } from '../rules/task-status';
import type { Thresholds } from '../rules/thresholds';

export interface ApprovedSubmission {
  itemKey: string;
  version: number;
  payload: Submission;
  submittedBy: string;
  approvedBy: string | null;
  /** Who submitted and who approved the version, as they acted (name, department code, ISO time); absent: not known. */
  submitter?: Signatory | null;
  approver?: Signatory | null;
}

export interface Signatory {
  name: string;
  department: string;
  at: string;
}

export interface SnapshotInput {
  cycle: { id: string; kind: CycleKind; fromYear: number; toYear: number };
  plan: ValidatedPlan;
  approved: ApprovedSubmission[];
  /** Approved values of earlier annual cycles, for series and cumulative sums. */
  priorAnnual: Array<{ indicator: number; year: number; value: number | boolean }>;
  /** Approved project reports of earlier annual cycles: a status going backwards, money going down, is found against them. */
  priorProjects?: Array<{ project: number; year: number; report: ProjectReport }>;
  outcomes: DepartmentOutcome[];
  thresholds: Thresholds;
  /** Who each item was assigned to (department codes, groups resolved at launch); absent: the plan's names. */
  assignments?: Array<{ itemKey: string; department: string; coDepartments: string[] }>;
  /** Each co-operating department's latest contribution to an item (配合单位提供的情况). */
  contributions?: Array<{ itemKey: string; department: string; text: string }>;
  /** The plan's approved target adjustments (动态调整修订): each item is judged against the one in force for the cycle's year. */
  adjustments?: AdjustmentOfRecord[];
  /** The departments' assessment (监督考核) at a close: its weights and the items' records; absent: no assessment. */
  assessment?: AssessmentInput;
}

/** A person who answers for a figure, with their unit (department name; null: not a department of the plan) and time. */
export type Signature = { name: string; unit: string | null; at: string } | null;
type Source = {
  version: number;
  submittedBy: string;
  approvedBy: string | null;
  submitter: Signature;
  approver: Signature;
} | null;

export interface ProjectTotals {
  /** Planned projects, and those with an approved submission. */
  count: number;
  reported: number;
  /** 万元: the plan period's planned investment of every planned project, and what the reported ones completed. */
  planPeriodInvestment: number;
  investmentCumulative: number;
  completionShare: number | null;
  /** The national mid-term report's form: of `count`, how many by status ("96 progressing as expected"). */
  byStatus: Record<ProgressStatus, number>;
  /** Projects with a contradiction to query (libs/rules/project-status). */
  flagged: number;
  /** Share of the plan period elapsed, which investment is set against. */
  elapsed: number;
}

export interface CycleReportFigures {
  cycle: SnapshotInput['cycle'];
  plan: Pick<
    ValidatedPlan['file']['plan'],
    'code' | 'name' | 'nameEn' | 'periodName' | 'periodNameEn' | 'baselineYear' | 'startYear' | 'endYear'
  >;
  thresholds: Thresholds;
  summary: EvaluationSummary & {
    tasksByStatus: Record<ProgressStatus, number>;
    projects: ProjectTotals;
    reserveProjects: ReserveCounts;
    /** 落实率 per 服务领域 and overall (libs/rules/service-items.ts: partly counts as not delivered). */
    serviceItems: ServiceItemSummary;
  };
  indicators: Array<
    IndicatorEvaluation &
      English<'nameEn' | 'unitEn' | 'baselineEn' | 'targetEn'> & {
        source: Source;
        dataSource: string | null;
        reasons: string | null;
        measures: string | null;
        /** Present where an approved adjustment is in force: `target` is the adjusted one, this the plan's own. */
        adjusted?: AdjustedFrom;
      }
  >;
  tasks: Array<{
    no: number;
    title: string;
    titleEn: string | null;
    leadDepartment: string;
    progress: TaskSubmission['progress'] | null;
    /** Judged from the progress and the share of the period elapsed (libs/rules/task-status.ts). */
    status: ProgressStatus;
    narrative: string | null;
    /** The departments asked to co-operate (a group-led task: every member after the first), each with what it contributed; null: nothing. */
    contributions: Array<{ department: string; text: string | null }>;
    source: Source;
  }>;
  /** The main targets (附件2), each judged from the indicators that measure it (libs/rules/target-status.ts). */
  targets: Array<{
    no: number;
    text: string;
    textEn: string | null;
    departments: string;
    indicators: number[];
    /** null: no indicator measures it. */
    status: ProgressStatus | null;
  }>;
  /** 规划调整建议: targets ahead of their pace or out of reach at it (libs/rules/plan-adjustment.ts). */
  adjustments: AdjustmentProposal[];
  projects: Array<{
    no: number;
    name: string;
    nameEn: string | null;
    leadDepartment: string;
    planPeriodInvestment: number | null;
    investmentCumulative: number | null;
    completionShare: number | null;
    constructionStatus: ProjectSubmission['constructionStatus'] | null;
    /** Against time elapsed (libs/rules/project-status.ts): completion share ÷ elapsed, judged by the cycle's thresholds. */
    status: ProgressStatus;
    ratio: number | null;
    flags: ProjectFlag[];
    /** What the unit said of the project's progress: for a lagging one, its reasons. */
    narrative: string | null;
    source: Source;
    /** Present where an approved adjustment of its plan-period investment is in force: the plan's own figure. */
    adjusted?: AdjustedFrom;
  }>;
  /** The reserve projects (附件4): where each stands as its unit reports it (null: not reported). */
  reserveProjects: Array<{
    no: number;
    name: string;
    nameEn: string | null;
    group: string;
    groupEn: string | null;
    leadDepartment: string;
    stage: ReserveStage | null;
    narrative: string | null;
    source: Source;
  }>;
  /** The basic public service items (专栏2): each item's 落实情况 as its department reports it (null: not reported). */
  serviceItems: Array<{
    no: number;
    area: string;
    areaEn: string | null;
    name: string;
    nameEn: string | null;
    /** The department that reported it (assigned at launch); null: none assigned. */
    leadDepartment: string | null;
    implementation: ServiceImplementation | null;
    narrative: string | null;
    source: Source;
  }>;
  timeliness: Array<DepartmentOutcome & { name: string }>;
  /** Reasons and measures given in the same words for many indicators, or by several departments: for the bureau to chase. */
  boilerplate: Boilerplate[];
  /** English names of the plan's categories, departments and groups (the Chinese name is the key), for the English rendition. */
  glossary: Record<string, string>;
  /** Final evaluations only: each indicator's series to the plan's end, its verdict, the achievement rates. */
  final?: FinalEvaluation;
  /** Every approved target adjustment of the plan (present only when there is one). */
  targetAdjustments?: TargetAdjustmentRow[];
  /** 监督考核: each lead department scored and ranked, best first (libs/report/assessment-figures.ts). */
  assessment?: AssessmentRow[];
}

/** The plan's English twins of a row's texts (libs/plan/translations); null where the plan gives none. */
type English<K extends string> = Record<K, string | null>;
function english<K extends string>(row: Partial<Record<K, string>>, keys: K[]): English<K> {
  return Object.fromEntries(keys.map((k) => [k, row[k] ?? null])) as English<K>;
}

const share = (part: number, whole: number | null) => (whole ? Math.round((part / whole) * 10000) / 10000 : null);

export function buildCycleReport(input: SnapshotInput): { figures: CycleReportFigures; contentHash: string } {
  const { cycle, thresholds } = input;
  // Judged against the targets in force for the cycle's year; the plan's own stay on each adjusted row.
  const plan = planInForce(input.plan, input.adjustments ?? [], cycle.toYear);
  const { file } = plan;
  const byKey = new Map(input.approved.map((a) => [a.itemKey, a]));
  // Looked up for every row's submitter and approver: one map, not a search of the directory per row.
  const departmentNames = new Map(file.departments.map((d) => [d.code, d.name]));
  const signature = (s: Signatory | null | undefined): Signature =>
    s ? { name: s.name, unit: departmentNames.get(s.department) ?? null, at: s.at } : null;
  const source = (a: ApprovedSubmission | undefined): Source =>
    a
      ? {
          version: a.version,
          submittedBy: a.submittedBy,
          approvedBy: a.approvedBy,
          submitter: signature(a.submitter),
          approver: signature(a.approver),
        }
      : null;
  const period = { baselineYear: plan.file.plan.baselineYear, endYear: plan.file.plan.endYear };
  // Earlier years' values grouped once by indicator: looking them up per indicator stays linear in the plan's size.
  const priorByIndicator = new Map<number, Array<[number, number | boolean]>>();
  for (const v of input.priorAnnual) {
    // A final evaluation also reads the end year's annual cycle, for what its own submissions leave out.
    if (v.year > cycle.toYear || (v.year === cycle.toYear && cycle.kind !== 'final')) continue;
    const values = priorByIndicator.get(v.indicator) ?? [];
    values.push([v.year, v.value]);
    priorByIndicator.set(v.indicator, values);
  }

  const indicators = plan.indicators.map((i) => {
    const approved = byKey.get(itemKey('indicator', i.no));
    const payload = approved?.payload as IndicatorSubmission | undefined;
    const progress = judgeCycleValue({
      rule: indicatorRule(i),
      cycle,
      period,
      thresholds,
      value: payload?.value,
      prior: priorByIndicator.get(i.no) ?? [],
    });
    return {
      ...describeIndicator(i),
      ...english(i, ['nameEn', 'unitEn', 'baselineEn', 'targetEn']),
      ...progress,
      notes: indicatorNotes(i, progress),
      source: source(approved),
      dataSource: payload?.dataSource ?? null,
      reasons: payload?.reasons ?? null,
      measures: payload?.measures ?? null,
      ...adjustedOf(i),
    };
  });
  // Binding indicators first: the most serious finding of any evaluation.
  indicators.sort((a, b) => (a.attribute === b.attribute ? a.no - b.no : a.attribute === 'binding' ? -1 : 1));

  const departmentName = (code: string) => departmentNames.get(code) ?? code;
  const named = new Set([
    ...[...plan.indicators, ...plan.targets, ...plan.tasks, ...plan.projects].flatMap((i) =>
      [i.responsibility.lead, ...i.responsibility.co].map((u) => u.name),
    ),
    ...input.outcomes.map((o) => departmentName(o.department)),
    ...(input.assignments ?? []).flatMap((a) => [a.department, ...a.coDepartments].map(departmentName)),
  ]);
  const contributed = new Map((input.contributions ?? []).map((c) => [`${c.itemKey}/${c.department}`, c.text]));
  const assignedTo = new Map((input.assignments ?? []).map((a) => [a.itemKey, a]));
  const tasks = plan.tasks.map((t) => {
    const approved = byKey.get(itemKey('task', t.no));
    const assignment = assignedTo.get(itemKey('task', t.no));
    const payload = approved?.payload as TaskSubmission | undefined;
    const progress = payload?.progress ?? null;
    return {
      no: t.no,
      title: t.title,
      titleEn: t.titleEn ?? null,
      leadDepartment: assignment ? departmentName(assignment.department) : t.responsibility.lead.name,
      progress,
      status: judgeTask(progress, elapsedShare(cycle.toYear, period)),
      narrative: payload?.narrative ?? null,
      contributions: (assignment?.coDepartments ?? []).map((d) => ({
        department: departmentName(d),
        text: contributed.get(`${itemKey('task', t.no)}/${d}`) ?? null,
      })),
      source: source(approved),
    };
  });

  // Each project's latest earlier report, the one this year's is compared with.
  const previousReport = new Map<number, { year: number; report: ProjectReport }>();
  for (const r of input.priorProjects ?? []) {
    const known = previousReport.get(r.project);
    if (r.year < cycle.toYear && (!known || known.year < r.year)) previousReport.set(r.project, r);
  }
  const projects = plan.projects
    .filter((p) => p.status === 'planned')
    .map((p) => {
      const approved = byKey.get(itemKey('project', p.no));
      const payload = approved?.payload as ProjectSubmission | undefined;
      const cumulative = payload?.investmentCumulative ?? null;
      const judged = judgeProject({
        planned: p.planPeriodInvestment,
        current: payload
          ? { investmentCumulative: payload.investmentCumulative, constructionStatus: payload.constructionStatus }
          : null,
        previous: previousReport.get(p.no)?.report ?? null,
        elapsed: elapsedShare(cycle.toYear, period),
        thresholds,
      });
      return {
        no: p.no,
        name: p.name,
        nameEn: p.nameEn ?? null,
        leadDepartment: p.responsibility.lead.name,
        planPeriodInvestment: p.planPeriodInvestment,
        investmentCumulative: cumulative,
        completionShare: cumulative === null ? null : share(cumulative, p.planPeriodInvestment),
        constructionStatus: payload?.constructionStatus ?? null,
        status: judged.status,
        ratio: judged.ratio,
        flags: judged.flags,
        narrative: payload?.narrative ?? null,
        source: source(approved),
        ...adjustedOf(p),
      };
    });
  const groupsEn = new Map(
    file.printedTotals.projectGroups.filter((g) => g.status === 'reserve').map((g) => [g.name, g.nameEn ?? null]),
  );
  const reserveProjects = plan.projects
    .filter((p) => p.status === 'reserve')
    .map((p) => {
      const approved = byKey.get(itemKey('reserve', p.no));
      const payload = approved?.payload as ReserveSubmission | undefined;
      return {
        no: p.no,
        name: p.name,
        nameEn: p.nameEn ?? null,
        group: p.group,
        groupEn: groupsEn.get(p.group) ?? null,
        leadDepartment: p.responsibility.lead.name,
        stage: payload?.stage ?? null,
        narrative: payload?.narrative ?? null,
        source: source(approved),
      };
    });
  const serviceItems = plan.serviceItems.map((b) => {
    const approved = byKey.get(itemKey('service', b.no));
    const payload = approved?.payload as ServiceSubmission | undefined;
    const assignment = assignedTo.get(itemKey('service', b.no));
    return {
      no: b.no,
      area: b.area,
      areaEn: b.areaEn ?? null,
      name: b.name,
      nameEn: b.nameEn ?? null,
      leadDepartment: assignment ? departmentName(assignment.department) : (b.responsibility?.lead.name ?? null),
      implementation: payload?.implementation ?? null,
      narrative: payload?.narrative ?? null,
      source: source(approved),
    };
  });
  const statusOf = new Map(indicators.map((i) => [i.no, i.status]));
  const targets = plan.targets.map((t) => ({
    no: t.no,
    text: t.text,
    textEn: t.textEn ?? null,
    departments: t.departments,
    indicators: t.indicators,
    status: judgeTarget(t.indicators.flatMap((no) => statusOf.get(no) ?? [])),
  }));
  const projectsByStatus = countByStatus(projects.map((p) => p.status));
  const tasksByStatus = countByStatus(tasks.map((t) => t.status));
  const reported = projects.filter((p) => p.investmentCumulative !== null);
  const round2 = (n: number) => Math.round(n * 100) / 100;
  const planned = round2(projects.reduce((sum, p) => sum + (p.planPeriodInvestment ?? 0), 0));
  const completed = round2(reported.reduce((sum, p) => sum + p.investmentCumulative!, 0));

  const figures: CycleReportFigures = {
    cycle,
    plan: {
      code: file.plan.code,
      name: file.plan.name,
      nameEn: file.plan.nameEn,
      periodName: file.plan.periodName,
      periodNameEn: file.plan.periodNameEn,
      baselineYear: file.plan.baselineYear,
      startYear: file.plan.startYear,
      endYear: file.plan.endYear,
    },
    thresholds,
    summary: {
      ...summarizeEvaluation(indicators),
      tasksByStatus,
      projects: {
        count: projects.length,
        reported: reported.length,
        planPeriodInvestment: planned,
        investmentCumulative: completed,
        completionShare: share(completed, planned),
        byStatus: projectsByStatus,
        flagged: projects.filter((p) => p.flags.length > 0).length,
        elapsed: elapsedShare(cycle.toYear, period),
      },
      reserveProjects: countReserveProjects(reserveProjects.map((r) => r.stage)),
      serviceItems: summarizeServiceItems(serviceItems),
    },
    indicators,
    targets,
    adjustments: proposeAdjustments(indicators, cycle.toYear, period.endYear),
    tasks,
    projects,
    reserveProjects,
    serviceItems,
    timeliness: [...input.outcomes]
      .sort((a, b) => a.department.localeCompare(b.department))
      .map((o) => ({ ...o, name: departmentName(o.department) })),
    boilerplate: findBoilerplate(
      indicators.flatMap((i) => [
        { item: i.no, department: i.leadDepartment, field: 'reasons' as const, text: i.reasons },
        { item: i.no, department: i.leadDepartment, field: 'measures' as const, text: i.measures },
      ]),
    ),
    // The units this plan and its cycle name, not the whole directory (shared by every plan in the database).
    glossary: Object.fromEntries(
      [...file.categories, ...[...file.departments, ...file.departmentGroups].filter((d) => named.has(d.name))].map(
        (n) => [n.name, n.nameEn],
      ),
    ),
    ...(cycle.kind === 'final'
      ? {
          final: buildFinalEvaluation({
            plan,
            annual: priorByIndicator,
            submitted: (no) => (byKey.get(itemKey('indicator', no))?.payload as IndicatorSubmission | undefined)?.value,
            thresholds,
          }),
        }
      : {}),
    ...(input.adjustments?.length
      ? { targetAdjustments: adjustmentRows(input.plan, input.adjustments, departmentName) }
      : {}),
  };
  if (input.assessment)
    figures.assessment = assessmentFigures({
      assessment: input.assessment,
      outcomes: input.outcomes,
      approved: byKey,
      judged: { indicator: indicators, task: tasks, project: projects },
      boilerplate: figures.boilerplate,
      departmentName,
    });
  return { figures, contentHash: createHash('sha256').update(canonicalJson(figures)).digest('hex') };
}
