/**
 * The plan as an evaluation judges it: each indicator's target and each
 * project's plan-period investment replaced by the approved adjustment in
 * force for the evaluated year (libs/rules/target-in-force.ts), the plan's own
 * kept beside it for the report to show both (原目标 / 调整后目标); and the
 * list of every approved adjustment with who approved it, for the report's
 * table of adjustments. Pure.
 */
import type { ValidatedIndicator, ValidatedPlan, ValidatedProject } from '../plan/plan-validation';
import {
  adjustmentInForce,
  parseAdjustedTarget,
  type AdjustmentOfRecord,
  type ApprovedAdjustment,
} from '../rules/target-in-force';

export type { AdjustmentOfRecord } from '../rules/target-in-force';

/** On a judged row whose target is adjusted: the plan's own, and the year the adjusted one applies from. */
export interface AdjustedFrom {
  original: string;
  originalEn: string | null;
  effectiveYear: number;
}

type Adjusted<T> = T & { adjusted?: AdjustedFrom };

export interface TargetAdjustmentRow {
  itemKind: ApprovedAdjustment['itemKind'];
  itemNo: number;
  name: string;
  nameEn: string | null;
  /** The indicator's unit; 万元 for a project's investment. */
  unit: string;
  unitEn: string | null;
  original: string;
  adjusted: string;
  effectiveYear: number;
  reason: string;
  approvals: Array<{ name: string; unit: string | null; role: 'supervisor' | 'approver'; at: string }>;
}

/** The plan with its targets in force: adjusted rows carry `adjusted`. */
export type PlanInForce = Omit<ValidatedPlan, 'indicators' | 'projects'> & {
  indicators: Array<Adjusted<ValidatedIndicator>>;
  projects: Array<Adjusted<ValidatedProject>>;
};

const ofItem = (adjustments: readonly AdjustmentOfRecord[], kind: ApprovedAdjustment['itemKind'], no: number) =>
  adjustments.filter((a) => a.itemKind === kind && a.itemNo === no);

export function planInForce(
  plan: ValidatedPlan,
  adjustments: readonly AdjustmentOfRecord[],
  year: number,
): PlanInForce {
  if (adjustments.length === 0) return plan;
  const indicators = plan.indicators.map((i): Adjusted<ValidatedIndicator> => {
    const a = adjustmentInForce(ofItem(adjustments, 'indicator', i.no), year);
    const parsed = a && parseAdjustedTarget({ kind: 'indicator', target: i.parsedTarget }, a.adjustedTarget);
    // Checked when proposed; one that no longer reads (the plan re-imported with another form) leaves the plan's own.
    if (!parsed?.ok || parsed.value.kind !== 'indicator') return i;
    return {
      ...i,
      target: a!.adjustedTarget,
      // The plan's English twin is of the original target; the adjusted one is a figure, the same in both languages.
      targetEn: undefined,
      parsedTarget: parsed.value.target,
      adjusted: { original: i.target, originalEn: i.targetEn ?? null, effectiveYear: a!.effectiveYear },
    };
  });
  const projects = plan.projects.map((p): Adjusted<ValidatedProject> => {
    // Reserve projects are numbered apart (reserve-1 beside project 1) and have no investment to adjust.
    if (p.status !== 'planned') return p;
    const a = adjustmentInForce(ofItem(adjustments, 'project', p.no), year);
    const parsed = a && parseAdjustedTarget({ kind: 'project' }, a.adjustedTarget);
    if (!parsed?.ok || parsed.value.kind !== 'project') return p;
    return {
      ...p,
      planPeriodInvestment: parsed.value.investment,
      adjusted: { original: String(p.planPeriodInvestment), originalEn: null, effectiveYear: a!.effectiveYear },
    };
  });
  return { ...plan, indicators, projects };
}

/** The row's `adjusted`, present only where a target is adjusted: a report without adjustments keeps its figures and hash. */
export const adjustedOf = (x: { adjusted?: AdjustedFrom }): { adjusted?: AdjustedFrom } =>
  x.adjusted ? { adjusted: x.adjusted } : {};

/** Every approved adjustment, in the order they were proposed, as the report lists them. */
export function adjustmentRows(
  plan: ValidatedPlan,
  adjustments: readonly AdjustmentOfRecord[],
  departmentName: (code: string) => string,
): TargetAdjustmentRow[] {
  const indicators = new Map(plan.indicators.map((i) => [i.no, i]));
  const projects = new Map(plan.projects.filter((p) => p.status === 'planned').map((p) => [p.no, p]));
  return [...adjustments]
    .sort((a, b) => a.id - b.id)
    .map((a) => {
      const indicator = a.itemKind === 'indicator' ? indicators.get(a.itemNo) : undefined;
      const project = a.itemKind === 'project' ? projects.get(a.itemNo) : undefined;
      return {
        itemKind: a.itemKind,
        itemNo: a.itemNo,
        name: indicator?.name ?? project?.name ?? String(a.itemNo),
        nameEn: indicator?.nameEn ?? project?.nameEn ?? null,
        unit: indicator ? indicator.unit : '万元',
        unitEn: indicator ? (indicator.unitEn ?? null) : '10k yuan',
        original: a.originalTarget,
        adjusted: a.adjustedTarget,
        effectiveYear: a.effectiveYear,
        reason: a.reason,
        approvals: a.approvals.map((p) => ({
          name: p.name,
          unit: p.department ? departmentName(p.department) : null,
          role: p.role,
          at: p.at,
        })),
      };
    });
}
