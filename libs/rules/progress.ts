/**
 * Time-elapsed progress (时序进度) of an indicator at year y of a five-year plan:
 * by then the share of the planned change achieved should be at least the share
 * of time elapsed, elapsed = (y − base year) / plan length. Pure: no I/O.
 */
import type { Baseline, Target } from './target';
import type { Thresholds } from './thresholds';

export type ProgressStatus = 'achieved' | 'on_track' | 'slightly_behind' | 'lagging' | 'no_data';

export const STATUS_LABELS: Record<ProgressStatus, { zh: string; en: string }> = {
  achieved: { zh: '已完成', en: 'achieved' },
  on_track: { zh: '符合进度', en: 'on track' },
  slightly_behind: { zh: '略滞后', en: 'slightly behind' },
  lagging: { zh: '滞后', en: 'lagging' },
  no_data: { zh: '无数据', en: 'no data' },
};

export type Polarity = 'higher_is_better' | 'lower_is_better' | 'projection';

export interface IndicatorRule {
  target: Target;
  baseline: Baseline;
  polarity: Polarity;
}

export interface PlanPeriod {
  baselineYear: number;
  endYear: number;
}

/** Approved annual values by year; qualitative targets take true (achieved) or false. */
export type AnnualValues = ReadonlyMap<number, number | boolean>;

export interface Progress {
  status: ProgressStatus;
  /** The value judged: the year's value, or the sum so far for a cumulative target. */
  value: number | boolean | null;
  /** The value expected by this year on the straight path; null where no path applies. */
  expected: number | null;
  /** Achieved change / expected change; null where the target is judged met or not. */
  ratio: number | null;
  /** Why, in one line, for the report. */
  basis: Basis;
  /** Years whose value broke a 稳定在…以上 floor. */
  breaches?: number[];
}

export type Basis =
  | 'target_met'
  | 'straight_path'
  | 'path_from_zero'
  | 'hold_level'
  | 'floor_broken'
  | 'projection_path'
  | 'cumulative_share'
  | 'qualitative'
  | 'missing_value'
  | 'missing_years';

export function elapsedShare(year: number, period: PlanPeriod): number {
  return (year - period.baselineYear) / (period.endYear - period.baselineYear);
}

export function evaluateIndicator(rule: IndicatorRule, values: AnnualValues, year: number, period: PlanPeriod, thresholds: Thresholds): Progress {
  if (year <= period.baselineYear || year > period.endYear) {
    throw new RangeError(`year ${year} is outside the plan period ${period.baselineYear + 1}–${period.endYear}`);
  }
  const elapsed = elapsedShare(year, period);
  const { target } = rule;

  if (target.kind === 'cumulative') return cumulative(target.total, values, year, period, elapsed, thresholds);

  const raw = values.get(year);
  if (raw === undefined) return { status: 'no_data', value: null, expected: null, ratio: null, basis: 'missing_value' };

  if (target.kind === 'qualitative') {
    const met = raw === true || (target.goal === 'keep_at_zero' && raw === 0);
    return { status: met ? 'achieved' : 'lagging', value: raw, expected: null, ratio: null, basis: 'qualitative' };
  }
  if (typeof raw !== 'number') throw new TypeError(`a numeric value is needed for a ${target.kind} target, got ${String(raw)}`);
  const value = raw;

  switch (target.kind) {
    case 'point':
      if (rule.polarity === 'projection') return projection(rule.baseline, target.value, value, elapsed, thresholds);
      return towards(target.value, rule.polarity === 'lower_is_better' ? 'down' : 'up', false, rule.baseline, value, elapsed, thresholds);
    case 'at_least':
      return towards(target.value, 'up', target.strict, rule.baseline, value, elapsed, thresholds);
    case 'at_most':
      return towards(target.value, 'down', target.strict, rule.baseline, value, elapsed, thresholds);
    case 'stay_at_least': {
      const result = towards(target.value, 'up', false, rule.baseline, value, elapsed, thresholds);
      const breaches = [...values.entries()]
        .filter(([y, v]) => y > period.baselineYear && y <= year && typeof v === 'number' && v < target.value)
        .map(([y]) => y)
        .sort();
      return breaches.length ? { ...result, breaches } : result;
    }
    case 'range':
      if (rule.polarity === 'projection') {
        const inside = value >= target.min && value <= target.max;
        return { status: inside ? 'on_track' : 'lagging', value, expected: null, ratio: null, basis: 'target_met' };
      }
      return rule.polarity === 'lower_is_better'
        ? towards(target.max, 'down', false, rule.baseline, value, elapsed, thresholds)
        : towards(target.min, 'up', false, rule.baseline, value, elapsed, thresholds);
  }
}

/**
 * A target reached from the baseline in one direction. Met already: achieved.
 * Otherwise progress along the straight path from the baseline (from 0 where
 * the plan prints no base-year figure, a service new in this plan). Where the
 * baseline was already past the target (beds 6.57 → 6: a floor, not a fall to
 * aim for; a bound that held in 2020), falling short is lagging outright.
 */
function towards(goal: number, direction: 'up' | 'down', strict: boolean, baseline: Baseline, value: number, elapsed: number, t: Thresholds): Progress {
  const meets = (v: number) => (direction === 'up' ? (strict ? v > goal : v >= goal) : strict ? v < goal : v <= goal);
  if (meets(value)) return { status: 'achieved', value, expected: null, ratio: null, basis: 'target_met' };

  const start = baseline.kind === 'value' ? baseline.value : 0;
  const basis: Basis = baseline.kind === 'value' ? 'straight_path' : 'path_from_zero';
  const plannedChange = goal - start;
  if (plannedChange === 0) {
    // 100 → 100: the level is to be held; the share of it held is the ratio.
    const ratio = goal === 0 ? 0 : direction === 'up' ? value / goal : goal / value;
    return { status: byRatio(ratio, t), value, expected: goal, ratio, basis: 'hold_level' };
  }
  if (direction === 'up' ? plannedChange < 0 : plannedChange > 0) {
    return { status: 'lagging', value, expected: goal, ratio: null, basis: 'floor_broken' };
  }
  const expected = start + plannedChange * elapsed;
  const ratio = (value - start) / (plannedChange * elapsed);
  return { status: byRatio(ratio, t), value, expected, ratio, basis };
}

/** Population-like projections: distance from the planned path counts, in either direction. */
function projection(baseline: Baseline, goal: number, value: number, elapsed: number, t: Thresholds): Progress {
  if (baseline.kind !== 'value') return { status: 'no_data', value, expected: null, ratio: null, basis: 'missing_value' };
  const plannedChange = goal - baseline.value;
  const expected = baseline.value + plannedChange * elapsed;
  const ratio = plannedChange === 0 ? (value === goal ? 1 : 0) : (value - baseline.value) / (plannedChange * elapsed);
  const distance = Math.abs(1 - ratio);
  const [near, far] = t.projectionTolerance;
  const status: ProgressStatus = distance <= near ? 'on_track' : distance <= far ? 'slightly_behind' : 'lagging';
  return { status, value, expected, ratio, basis: 'projection_path' };
}

/** 〔x〕 five-year totals: total × elapsed expected against the sum of every year's approved value. */
function cumulative(total: number, values: AnnualValues, year: number, period: PlanPeriod, elapsed: number, t: Thresholds): Progress {
  let sum = 0;
  for (let y = period.baselineYear + 1; y <= year; y++) {
    const v = values.get(y);
    if (typeof v !== 'number') return { status: 'no_data', value: null, expected: total * elapsed, ratio: null, basis: 'missing_years' };
    sum += v;
  }
  return judgeCumulative(total, sum, elapsed, t);
}

/**
 * A cumulative target judged from its total so far, as a mid-term or final
 * evaluation collects it when no annual series exists.
 */
export function judgeCumulative(total: number, sum: number, elapsed: number, t: Thresholds): Progress {
  const expected = total * elapsed;
  if (sum >= total) return { status: 'achieved', value: sum, expected, ratio: sum / expected, basis: 'target_met' };
  const ratio = sum / expected;
  return { status: byRatio(ratio, t), value: sum, expected, ratio, basis: 'cumulative_share' };
}

function byRatio(ratio: number, t: Thresholds): ProgressStatus {
  // Ratios are compared rounded to four places so that 0.8 computed as 0.7999999 is not lagging.
  const r = Math.round(ratio * 10000) / 10000;
  return r >= t.onTrack ? 'on_track' : r >= t.slightlyBehind ? 'slightly_behind' : 'lagging';
}
