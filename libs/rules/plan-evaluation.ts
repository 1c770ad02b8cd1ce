/**
 * Every indicator of a plan judged at one year from approved annual values, and
 * the findings a report leads with. Pure: the caller reads the values.
 */
import { z } from 'zod';
import { PlanValidationError, type PlanIssue } from '../plan/localized';
import type { Localized } from '../plan/localized';
import type { ValidatedIndicator, ValidatedPlan } from '../plan/plan-validation';
import { checkValueQuality } from './data-quality';
import { printedDecimals } from './precision';
import {
  countByStatus,
  evaluateIndicator,
  type AnnualValues,
  type IndicatorRule,
  type Progress,
  type ProgressStatus,
} from './progress';
import type { Thresholds } from './thresholds';

export interface IndicatorValue {
  indicator: number;
  year: number;
  value: number | boolean;
}

export interface IndicatorEvaluation extends Progress {
  no: number;
  name: string;
  category: string;
  unit: string;
  attribute: 'binding' | 'expected';
  baseline: string;
  target: string;
  leadDepartment: string;
  /** Decimals the plan prints this indicator's figures with: values, expected values and statuses are at this precision. */
  decimals: number;
  /** The assumptions a reader must know to read the row: stated where they are used. */
  notes: IndicatorNote[];
}

/**
 * - baseline_taken_as_zero: the plan prints — (no base-year figure) and the path was drawn from 0;
 * - baseline_quality: the base-year figure as printed fails a data-quality rule (indicator 33's 394 for a percentage).
 */
export type IndicatorNote = { kind: 'baseline_taken_as_zero' } | { kind: 'baseline_quality'; message: Localized };

const valuesSchema = z.array(
  z
    .object({
      indicator: z.number().int().positive(),
      year: z.number().int(),
      value: z.union([z.number().finite(), z.boolean()]),
    })
    .strict(),
);

/** Checks a values file against the plan: known indicators, years in the period, the right kind of value, no duplicates. */
export function parseIndicatorValues(input: unknown, plan: ValidatedPlan): IndicatorValue[] {
  const parsed = valuesSchema.safeParse(input);
  if (!parsed.success) {
    throw new PlanValidationError(
      parsed.error.issues.map((i) => ({
        where: `values[${i.path.join('.')}]`,
        message: { zh: `格式不符：${i.message}`, en: i.message },
      })),
    );
  }
  const issues: PlanIssue[] = [];
  const byNo = new Map(plan.indicators.map((i) => [i.no, i]));
  const { baselineYear, endYear } = plan.file.plan;
  const seen = new Set<string>();
  parsed.data.forEach((v, index) => {
    const where = `values[${index}]`;
    const indicator = byNo.get(v.indicator);
    if (!indicator) {
      issues.push({
        where,
        message: { zh: `没有序号为${v.indicator}的指标`, en: `there is no indicator ${v.indicator}` },
      });
      return;
    }
    if (v.year < baselineYear || v.year > endYear) {
      issues.push({
        where,
        message: {
          zh: `年份${v.year}不在${baselineYear}–${endYear}之间`,
          en: `year ${v.year} is outside ${baselineYear}–${endYear}`,
        },
      });
    }
    const qualitative = indicator.parsedTarget.kind === 'qualitative';
    if (qualitative !== (typeof v.value === 'boolean')) {
      issues.push({
        where,
        message: qualitative
          ? {
              zh: `指标${v.indicator}为定性目标，请填 true（已实现）或 false（未实现）`,
              en: `indicator ${v.indicator} is qualitative: give true or false`,
            }
          : {
              zh: `指标${v.indicator}需要数值（单位：${indicator.unit}）`,
              en: `indicator ${v.indicator} needs a number (unit: ${indicator.unit})`,
            },
      });
    }
    const key = `${v.indicator}/${v.year}`;
    if (seen.has(key))
      issues.push({
        where,
        message: {
          zh: `指标${v.indicator}在${v.year}年的数值重复`,
          en: `indicator ${v.indicator} has two values for ${v.year}`,
        },
      });
    seen.add(key);
  });
  if (issues.length) throw new PlanValidationError(issues);
  return parsed.data;
}

export function evaluatePlanIndicators(
  plan: ValidatedPlan,
  values: IndicatorValue[],
  year: number,
  thresholds: Thresholds,
): IndicatorEvaluation[] {
  const byIndicator = new Map<number, Map<number, number | boolean>>();
  for (const v of values) {
    const series = byIndicator.get(v.indicator) ?? new Map<number, number | boolean>();
    series.set(v.year, v.value);
    byIndicator.set(v.indicator, series);
  }
  const period = { baselineYear: plan.file.plan.baselineYear, endYear: plan.file.plan.endYear };
  return plan.indicators.map((i) => {
    const series: AnnualValues = byIndicator.get(i.no) ?? new Map();
    const progress = evaluateIndicator(indicatorRule(i), series, year, period, thresholds);
    return { ...describeIndicator(i), ...progress, notes: indicatorNotes(i, progress) };
  });
}

/** Decimals the plan prints an indicator's baseline and target with: its values are judged at this precision. */
export const indicatorDecimals = (i: ValidatedIndicator): number => printedDecimals(i.baseline, i.target);

/** The rule an indicator is judged by, at the precision its figures are printed with. */
export function indicatorRule(i: ValidatedIndicator): IndicatorRule {
  return { target: i.parsedTarget, baseline: i.parsedBaseline, polarity: i.polarity, decimals: indicatorDecimals(i) };
}

/**
 * The assumptions behind a judged row: a — baseline read as 0 where the path
 * was drawn from it, and the data-quality rules' findings on the base-year
 * figure, which the importer keeps as printed.
 */
export function indicatorNotes(i: ValidatedIndicator, progress: Pick<Progress, 'basis'>): IndicatorNote[] {
  const notes: IndicatorNote[] = [];
  if (progress.basis === 'path_from_zero') notes.push({ kind: 'baseline_taken_as_zero' });
  if (i.parsedBaseline.kind === 'value') {
    for (const f of checkValueQuality({ no: i.no, unit: i.unit }, i.parsedBaseline.value, null))
      notes.push({ kind: 'baseline_quality', message: f.message });
  }
  return notes;
}

/** What a report or an evaluation shows of an indicator beside its progress and the notes on it. */
export function describeIndicator(i: ValidatedIndicator): Omit<IndicatorEvaluation, keyof Progress | 'notes'> {
  return {
    no: i.no,
    name: i.name,
    category: i.category,
    unit: i.unit,
    attribute: i.attribute,
    baseline: i.baseline,
    target: i.target,
    leadDepartment: i.responsibility.lead.name,
    decimals: indicatorDecimals(i),
  };
}

export interface EvaluationSummary {
  byStatus: Record<ProgressStatus, number>;
  /** The first finding of any evaluation: binding (约束性) indicators behind their path. */
  bindingNotOnTrack: number[];
  /** Binding indicators nobody reported: a finding of its own, not a judgement. */
  bindingNoData: number[];
  /** Requirements met that deserve a warning (close to the limit, worse than the base year, …), in report order. */
  warned: number[];
}

export function summarizeEvaluation(evaluations: IndicatorEvaluation[]): EvaluationSummary {
  const byStatus = countByStatus(evaluations.map((e) => e.status));
  const binding = evaluations.filter((e) => e.attribute === 'binding');
  return {
    byStatus,
    bindingNotOnTrack: binding.filter((e) => e.status === 'slightly_behind' || e.status === 'lagging').map((e) => e.no),
    bindingNoData: binding.filter((e) => e.status === 'no_data').map((e) => e.no),
    warned: evaluations.filter((e) => e.warnings?.length).map((e) => e.no),
  };
}
