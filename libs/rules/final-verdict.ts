/**
 * The final evaluation's (总结评估) verdict on an indicator: was its target met
 * at the plan's end, read from the approved annual values of the whole period.
 * Unlike the time-elapsed statuses of progress.ts there is no path left to be
 * on: the target is met or it is not. Values are compared at the precision the
 * plan prints the indicator at, as every other judgement is. Pure: no I/O.
 */
import { roundTo } from './precision';
import { ruleDecimals, type AnnualValues, type IndicatorRule, type PlanPeriod } from './progress';
import type { QualitativeGoal } from './target';
import type { Thresholds } from './thresholds';

export type FinalVerdict = 'met' | 'not_met' | 'no_data';

export const FINAL_VERDICTS: readonly FinalVerdict[] = ['met', 'not_met', 'no_data'];

export const FINAL_VERDICT_LABELS: Record<FinalVerdict, { zh: string; en: string }> = {
  met: { zh: '已实现', en: 'met' },
  not_met: { zh: '未实现', en: 'not met' },
  no_data: { zh: '无数据', en: 'no data' },
};

/**
 * - end_value: the end year's value against the target;
 * - every_year: 稳定在…以上 and 动态清零 must hold in every year of the period;
 * - projection_distance: a projection (population) within the tolerance of its planned change;
 * - cumulative_total: a 〔x〕 total, as submitted in the final evaluation or summed over the annual values;
 * - missing_value / missing_years: nothing to judge by.
 */
export type FinalBasis =
  'end_value' | 'every_year' | 'projection_distance' | 'cumulative_total' | 'missing_value' | 'missing_years';

export interface FinalJudgement {
  verdict: FinalVerdict;
  /** The value judged, at the plan's precision: the end year's, or the five-year total. */
  value: number | boolean | null;
  basis: FinalBasis;
  /** Years a 稳定在…以上 floor or a 动态清零 goal did not hold. */
  brokenYears?: number[];
  /** Where a cumulative total came from. */
  totalFrom?: 'final_submission' | 'annual_sum';
  /** Years without an approved value that a sum or an every-year rule needed. */
  missingYears?: number[];
}

const held = (goal: QualitativeGoal, v: number | boolean) => v === true || (goal === 'keep_at_zero' && v === 0);

/**
 * `reportedTotal`: a cumulative indicator's five-year total as the final
 * evaluation's own submission gives it. It wins over the sum of the annual
 * values: annual figures are preliminary and revised afterwards (yearbooks,
 * censuses), and the department's final total is the revised figure the
 * bureau signs; the sum is the fallback where no total was submitted.
 */
export function judgeFinal(
  rule: IndicatorRule,
  series: AnnualValues,
  period: PlanPeriod,
  thresholds: Thresholds,
  reportedTotal?: number,
): FinalJudgement {
  const decimals = ruleDecimals(rule);
  const years: number[] = [];
  for (let y = period.baselineYear + 1; y <= period.endYear; y++) years.push(y);
  const { target } = rule;

  if (target.kind === 'cumulative') {
    const judge = (sum: number, totalFrom: FinalJudgement['totalFrom']): FinalJudgement => {
      const value = roundTo(sum, decimals);
      return { verdict: value >= target.total ? 'met' : 'not_met', value, basis: 'cumulative_total', totalFrom };
    };
    if (reportedTotal !== undefined) return judge(reportedTotal, 'final_submission');
    const missingYears = years.filter((y) => typeof series.get(y) !== 'number');
    const sum = years.reduce((s, y) => s + ((series.get(y) as number | undefined) ?? 0), 0);
    if (!missingYears.length) return judge(sum, 'annual_sum');
    // Annual additions are never negative: a total the reported years already reach is met whatever the others add.
    const partial = judge(sum, 'annual_sum');
    return partial.verdict === 'met'
      ? { ...partial, missingYears }
      : { verdict: 'no_data', value: null, basis: 'missing_years', missingYears };
  }

  const end = series.get(period.endYear);
  if (end === undefined) return { verdict: 'no_data', value: null, basis: 'missing_value' };

  if (target.kind === 'qualitative') {
    if (target.goal === 'cover_all_eligible') {
      return { verdict: held(target.goal, end) ? 'met' : 'not_met', value: end, basis: 'end_value' };
    }
    // 动态清零: kept at zero at all times, so a year it did not hold is a miss even if the end year holds.
    return everyYear(years, series, end, (v) => held(target.goal, v));
  }
  if (typeof end !== 'number') throw new TypeError(`a numeric value is needed for a ${target.kind} target`);
  const value = roundTo(end, decimals);
  const verdict = (met: boolean): FinalJudgement => ({ verdict: met ? 'met' : 'not_met', value, basis: 'end_value' });

  switch (target.kind) {
    case 'point': {
      if (rule.polarity === 'lower_is_better') return verdict(value <= target.value);
      if (rule.polarity === 'higher_is_better') return verdict(value >= target.value);
      // A projection is reached when the change achieved is within tolerance of the change planned.
      const start = rule.baseline.kind === 'value' ? rule.baseline.value : 0;
      const planned = target.value - start;
      const distance =
        planned === 0 ? (value === target.value ? 0 : Infinity) : Math.abs(1 - (value - start) / planned);
      return {
        ...verdict(roundTo(distance, 4) <= thresholds.projectionTolerance[0]),
        basis: 'projection_distance',
      };
    }
    case 'at_least':
      return verdict(target.strict ? value > target.value : value >= target.value);
    case 'at_most':
      return verdict(target.strict ? value < target.value : value <= target.value);
    case 'stay_at_least':
      return everyYear(years, series, value, (v) => typeof v === 'number' && roundTo(v, decimals) >= target.value);
    case 'range':
      // As on the way (progress.ts): the near end of the range is the goal; a projection must land inside it.
      if (rule.polarity === 'projection') return verdict(value >= target.min && value <= target.max);
      return verdict(rule.polarity === 'lower_is_better' ? value <= target.max : value >= target.min);
  }
}

/**
 * A goal that must hold in every year: broken in any reported year is not met;
 * a year without a value is named but does not break it (the end year is reported).
 */
function everyYear(
  years: number[],
  series: AnnualValues,
  value: number | boolean,
  holds: (v: number | boolean) => boolean,
): FinalJudgement {
  const brokenYears = years.filter((y) => series.has(y) && !holds(series.get(y)!));
  const missingYears = years.filter((y) => !series.has(y));
  return {
    verdict: brokenYears.length ? 'not_met' : 'met',
    value,
    basis: 'every_year',
    ...(brokenYears.length ? { brokenYears } : {}),
    ...(missingYears.length ? { missingYears } : {}),
  };
}

/** 达标率: of a group of indicators, how many met their target at the plan's end. */
export interface AchievementRate {
  count: number;
  met: number;
  notMet: number;
  noData: number;
  /**
   * met ÷ count, to four places (null for an empty group). An indicator
   * without a figure at the plan's end counts against the rate: a target
   * nobody can show was reached is not reported as reached.
   */
  rate: number | null;
}

export function achievementRate(verdicts: Iterable<FinalVerdict>): AchievementRate {
  const r = { count: 0, met: 0, notMet: 0, noData: 0 };
  for (const v of verdicts) {
    r.count++;
    if (v === 'met') r.met++;
    else if (v === 'not_met') r.notMet++;
    else r.noData++;
  }
  return { ...r, rate: r.count ? roundTo(r.met / r.count, 4) : null };
}

/** The rate per category in the order given (the plan's), every category present, and for the binding indicators. */
export function achievementRates(
  rows: ReadonlyArray<{ category: string; attribute: 'binding' | 'expected'; verdict: FinalVerdict }>,
  categories: readonly string[],
): {
  overall: AchievementRate;
  binding: AchievementRate;
  byCategory: Array<AchievementRate & { category: string }>;
} {
  const byCategory = new Map<string, FinalVerdict[]>(categories.map((c) => [c, []]));
  for (const r of rows) byCategory.get(r.category)?.push(r.verdict);
  return {
    overall: achievementRate(rows.map((r) => r.verdict)),
    binding: achievementRate(rows.filter((r) => r.attribute === 'binding').map((r) => r.verdict)),
    byCategory: categories.map((category) => ({ category, ...achievementRate(byCategory.get(category)!) })),
  };
}
