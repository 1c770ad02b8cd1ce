/**
 * An indicator's value in a cycle judged as the cycle's report judges it, so
 * that a supervisor's queue and the report never disagree: an annual value
 * against the time-elapsed path, with the earlier years' approved values
 * (cumulative targets sum them, 稳定在…以上 recalls a broken year); a mid-term or
 * final evaluation collects a cumulative indicator as its total so far. Pure.
 */
import type { CycleKind } from '../cycle/cycle-definition';
import { elapsedShare, evaluateIndicator, judgeCumulative, ruleDecimals } from './progress';
import type { IndicatorRule, PlanPeriod, Progress, ProgressStatus } from './progress';
import type { Thresholds } from './thresholds';

export interface CycleValue {
  rule: IndicatorRule;
  cycle: { kind: CycleKind; toYear: number };
  period: PlanPeriod;
  thresholds: Thresholds;
  /** The cycle's value; undefined where nothing is submitted. */
  value: number | boolean | undefined;
  /** Approved annual values of the years before (a final evaluation's also of its end year, for what it leaves out). */
  prior: ReadonlyArray<readonly [year: number, value: number | boolean]>;
}

export function judgeCycleValue({ rule, cycle, period, thresholds, value, prior }: CycleValue): Progress {
  if (rule.target.kind === 'cumulative' && cycle.kind !== 'annual' && typeof value === 'number')
    return judgeCumulative(
      rule.target.total,
      value,
      elapsedShare(cycle.toYear, period),
      thresholds,
      ruleDecimals(rule),
    );
  const series = new Map<number, number | boolean>(prior);
  if (value !== undefined) series.set(cycle.toYear, value);
  return evaluateIndicator(rule, series, cycle.toYear, period, thresholds);
}

/** Behind the path: the statuses that call for 原因分析 and 下一步措施, and come first in a review. */
export const isBehind = (status: ProgressStatus): boolean => status === 'lagging' || status === 'slightly_behind';

/**
 * The value last approved before this cycle's year, the one a new value is
 * compared with: the latest earlier annual value, or the base year's figure
 * where no year is approved yet. A cumulative target's annual values are each
 * a year's part, so none is compared.
 */
export function lastApproved(
  rule: IndicatorRule,
  toYear: number,
  prior: ReadonlyArray<readonly [year: number, value: number | boolean]>,
  period: PlanPeriod,
): { year: number; value: number | boolean } | null {
  if (rule.target.kind === 'cumulative') return null;
  const earlier = prior.filter(([year]) => year < toYear).sort(([a], [b]) => b - a)[0];
  if (earlier) return { year: earlier[0], value: earlier[1] };
  return rule.baseline.kind === 'value' ? { year: period.baselineYear, value: rule.baseline.value } : null;
}
