/**
 * The figures of a cycle's report, computed from its frozen snapshot of
 * approved submissions. Pure and deterministic: the same snapshot gives the
 * same figures and the same content hash. Every figure names the submission
 * it comes from (item, version, submitter, approver).
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json';
import type { DepartmentOutcome } from '../cycle/activities-contract';
import type { CycleKind } from '../cycle/cycle-definition';
import type { IndicatorSubmission, ProjectSubmission, TaskSubmission, Submission } from '../cycle/submission';
import type { ValidatedPlan } from '../plan/plan-validation';
import { describeIndicator, summarizeEvaluation, type EvaluationSummary, type IndicatorEvaluation } from '../rules/plan-evaluation';
import { elapsedShare, evaluateIndicator, judgeCumulative, type Progress } from '../rules/progress';
import type { Thresholds } from '../rules/thresholds';

export interface ApprovedSubmission {
  itemKey: string;
  version: number;
  payload: Submission;
  submittedBy: string;
  approvedBy: string | null;
}

export interface SnapshotInput {
  cycle: { id: string; kind: CycleKind; fromYear: number; toYear: number };
  plan: ValidatedPlan;
  approved: ApprovedSubmission[];
  /** Approved values of earlier annual cycles, for series and cumulative sums. */
  priorAnnual: Array<{ indicator: number; year: number; value: number | boolean }>;
  outcomes: DepartmentOutcome[];
  thresholds: Thresholds;
}

type Source = { version: number; submittedBy: string; approvedBy: string | null } | null;

export interface CycleReportFigures {
  cycle: SnapshotInput['cycle'];
  plan: { code: string; name: string };
  thresholds: Thresholds;
  summary: EvaluationSummary;
  indicators: Array<IndicatorEvaluation & { source: Source; dataSource: string | null; reasons: string | null; measures: string | null }>;
  tasks: Array<{ no: number; title: string; leadDepartment: string; progress: TaskSubmission['progress'] | null; narrative: string | null; source: Source }>;
  projects: Array<{
    no: number;
    name: string;
    leadDepartment: string;
    planPeriodInvestment: number | null;
    investmentCumulative: number | null;
    completionShare: number | null;
    constructionStatus: ProjectSubmission['constructionStatus'] | null;
    source: Source;
  }>;
  timeliness: Array<DepartmentOutcome & { name: string }>;
}

export function buildCycleReport(input: SnapshotInput): { figures: CycleReportFigures; contentHash: string } {
  const { plan, cycle, thresholds } = input;
  const byKey = new Map(input.approved.map((a) => [a.itemKey, a]));
  const source = (a: ApprovedSubmission | undefined): Source => (a ? { version: a.version, submittedBy: a.submittedBy, approvedBy: a.approvedBy } : null);
  const period = { baselineYear: plan.file.plan.baselineYear, endYear: plan.file.plan.endYear };

  const indicators = plan.indicators.map((i) => {
    const approved = byKey.get(`indicator-${i.no}`);
    const payload = approved?.payload as IndicatorSubmission | undefined;
    const series = new Map<number, number | boolean>(
      input.priorAnnual.filter((v) => v.indicator === i.no && v.year < cycle.toYear).map((v) => [v.year, v.value]),
    );
    if (payload) series.set(cycle.toYear, payload.value);
    let progress: Progress;
    if (i.parsedTarget.kind === 'cumulative' && cycle.kind !== 'annual' && typeof payload?.value === 'number') {
      // Mid-term and final evaluations collect a cumulative indicator as its total so far.
      progress = judgeCumulative(i.parsedTarget.total, payload.value, elapsedShare(cycle.toYear, period), thresholds);
    } else {
      progress = evaluateIndicator({ target: i.parsedTarget, baseline: i.parsedBaseline, polarity: i.polarity }, series, cycle.toYear, period, thresholds);
    }
    return {
      ...describeIndicator(i),
      ...progress,
      source: source(approved),
      dataSource: payload?.dataSource ?? null,
      reasons: payload?.reasons ?? null,
      measures: payload?.measures ?? null,
    };
  });
  // Binding indicators first: the most serious finding of any evaluation.
  indicators.sort((a, b) => (a.attribute === b.attribute ? a.no - b.no : a.attribute === 'binding' ? -1 : 1));

  const tasks = plan.tasks.map((t) => {
    const approved = byKey.get(`task-${t.no}`);
    const payload = approved?.payload as TaskSubmission | undefined;
    return { no: t.no, title: t.title, leadDepartment: t.responsibility.lead.name, progress: payload?.progress ?? null, narrative: payload?.narrative ?? null, source: source(approved) };
  });

  const projects = plan.projects
    .filter((p) => p.status === 'planned')
    .map((p) => {
      const approved = byKey.get(`project-${p.no}`);
      const payload = approved?.payload as ProjectSubmission | undefined;
      const cumulative = payload?.investmentCumulative ?? null;
      return {
        no: p.no,
        name: p.name,
        leadDepartment: p.responsibility.lead.name,
        planPeriodInvestment: p.planPeriodInvestment,
        investmentCumulative: cumulative,
        completionShare: cumulative !== null && p.planPeriodInvestment ? Math.round((cumulative / p.planPeriodInvestment) * 10000) / 10000 : null,
        constructionStatus: payload?.constructionStatus ?? null,
        source: source(approved),
      };
    });

  const figures: CycleReportFigures = {
    cycle,
    plan: { code: plan.file.plan.code, name: plan.file.plan.name },
    thresholds,
    summary: summarizeEvaluation(indicators),
    indicators,
    tasks,
    projects,
    timeliness: [...input.outcomes]
      .sort((a, b) => a.department.localeCompare(b.department))
      .map((o) => ({ ...o, name: plan.file.departments.find((d) => d.code === o.department)?.name ?? o.department })),
  };
  return { figures, contentHash: createHash('sha256').update(canonicalJson(figures)).digest('hex') };
}
