/**
 * Time-elapsed progress (时序进度) of an indicator at year y of a five-year plan:
 * by then the share of the planned change achieved should be at least the share
 * of time elapsed, elapsed = (y − base year) / plan length. Values and expected
 * values are compared at the precision the plan prints the indicator's figures
 * at (libs/rules/precision.ts). Pure: no I/O.
 */
import { numberDecimals, RATIO_DECIMALS, roundTo } from './precision';
import type { Baseline, Target } from './target';
import { limitMargin, type Thresholds } from './thresholds';

/**
 * `requirement_met` is its own status, not a label on `achieved`: a floor or
 * ceiling met (＞95, 4.0以内, 稳定在85以上, a floor 2020 already exceeded) is a
 * condition that must go on holding and can be lost next year, not a target
 * completed, so summaries count it and charts draw it apart (达到目标要求).
 */
export type ProgressStatus = 'achieved' | 'requirement_met' | 'on_track' | 'slightly_behind' | 'lagging' | 'no_data';

/** Every status, in the order summaries and charts list them. */
export const PROGRESS_STATUSES: readonly ProgressStatus[] = [
  'achieved',
  'requirement_met',
  'on_track',
  'slightly_behind',
  'lagging',
  'no_data',
];

export const STATUS_LABELS: Record<ProgressStatus, { zh: string; en: string }> = {
  achieved: { zh: '已完成', en: 'achieved' },
  requirement_met: { zh: '达到目标要求', en: 'meets the requirement' },
  on_track: { zh: '符合进度', en: 'on track' },
  slightly_behind: { zh: '略滞后', en: 'slightly behind' },
  lagging: { zh: '滞后', en: 'lagging' },
  no_data: { zh: '无数据', en: 'no data' },
};

/** How many of the statuses fall in each, every status present. */
export function countByStatus(statuses: Iterable<ProgressStatus>): Record<ProgressStatus, number> {
  const counts = Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as Record<ProgressStatus, number>;
  for (const s of statuses) counts[s]++;
  return counts;
}

/** Which way an indicator should move: the one list the plan file, the API and the portal take. */
export const POLARITIES = ['higher_is_better', 'lower_is_better', 'projection'] as const;
export type Polarity = (typeof POLARITIES)[number];

export interface IndicatorRule {
  target: Target;
  baseline: Baseline;
  polarity: Polarity;
  /**
   * Decimals the plan prints the indicator's baseline and target with
   * (printedDecimals). Where the printed text is not at hand, the parsed
   * figures' own decimals are used (5.00 then counts as 5).
   */
  decimals?: number;
}

export interface PlanPeriod {
  baselineYear: number;
  endYear: number;
}

/** Approved annual values by year; qualitative targets take true (achieved) or false. */
export type AnnualValues = ReadonlyMap<number, number | boolean>;

/**
 * Why a value that meets its requirement still deserves the bureau's eye:
 * - near_limit: within the thresholds' margin of the floor or ceiling it meets;
 * - falling: worse than the base year's figure (疫苗接种率 99.9 → 95.5 against ＞95);
 * - met_by_rounding: the value as submitted falls short, it meets the target at the plan's precision only;
 * - broken_before: a 稳定在…以上 floor was broken in these earlier years.
 */
export type IndicatorWarning =
  | { kind: 'near_limit'; limit: number; margin: number; direction: 'up' | 'down' }
  | { kind: 'falling'; baseline: number; direction: 'up' | 'down' }
  | { kind: 'met_by_rounding'; submitted: number; target: number }
  | { kind: 'broken_before'; limit: number; years: number[] };

export interface Progress {
  status: ProgressStatus;
  /** The value judged, at the plan's precision: the year's value, or the sum so far for a cumulative target. */
  value: number | boolean | null;
  /** The value expected by this year on the straight path, at the plan's precision; null where no path applies. */
  expected: number | null;
  /** Achieved change / expected change, to four places; null where the target is judged met or not. */
  ratio: number | null;
  /** Why, in one line, for the report. */
  basis: Basis;
  /** Present where a met requirement deserves a warning. */
  warnings?: IndicatorWarning[];
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

/** What every judgement of one indicator needs besides its value. */
interface Judging {
  decimals: number;
  t: Thresholds;
}

/** The rule's precision: as printed, or else the parsed figures' own decimals. */
export function ruleDecimals(rule: IndicatorRule): number {
  if (rule.decimals !== undefined) return rule.decimals;
  const figures = (x: Target | Baseline): number[] =>
    x.kind === 'value' ||
    x.kind === 'point' ||
    x.kind === 'at_least' ||
    x.kind === 'at_most' ||
    x.kind === 'stay_at_least'
      ? [x.value]
      : x.kind === 'range'
        ? [x.min, x.max]
        : x.kind === 'cumulative'
          ? [x.total]
          : [];
  return numberDecimals(...figures(rule.target), ...figures(rule.baseline));
}

export function evaluateIndicator(
  rule: IndicatorRule,
  values: AnnualValues,
  year: number,
  period: PlanPeriod,
  thresholds: Thresholds,
): Progress {
  if (year <= period.baselineYear || year > period.endYear) {
    throw new RangeError(`year ${year} is outside the plan period ${period.baselineYear + 1}–${period.endYear}`);
  }
  const elapsed = elapsedShare(year, period);
  const { target } = rule;
  const j: Judging = { decimals: ruleDecimals(rule), t: thresholds };

  if (target.kind === 'cumulative') return cumulative(target.total, values, year, period, elapsed, j);

  const raw = values.get(year);
  if (raw === undefined) return { status: 'no_data', value: null, expected: null, ratio: null, basis: 'missing_value' };

  if (target.kind === 'qualitative') {
    const met = raw === true || (target.goal === 'keep_at_zero' && raw === 0);
    return { status: met ? 'achieved' : 'lagging', value: raw, expected: null, ratio: null, basis: 'qualitative' };
  }
  if (typeof raw !== 'number')
    throw new TypeError(`a numeric value is needed for a ${target.kind} target, got ${String(raw)}`);
  const submitted = raw;

  switch (target.kind) {
    case 'point':
      if (rule.polarity === 'projection') return projection(rule.baseline, target.value, submitted, elapsed, j);
      return towards(
        {
          goal: target.value,
          direction: rule.polarity === 'lower_is_better' ? 'down' : 'up',
          strict: false,
          bound: false,
        },
        rule.baseline,
        submitted,
        elapsed,
        j,
      );
    case 'at_least':
      return towards(
        { goal: target.value, direction: 'up', strict: target.strict, bound: true },
        rule.baseline,
        submitted,
        elapsed,
        j,
      );
    case 'at_most':
      return towards(
        { goal: target.value, direction: 'down', strict: target.strict, bound: true },
        rule.baseline,
        submitted,
        elapsed,
        j,
      );
    case 'stay_at_least': {
      const result = towards(
        { goal: target.value, direction: 'up', strict: false, bound: true },
        rule.baseline,
        submitted,
        elapsed,
        j,
      );
      const years = [...values.entries()]
        .filter(
          ([y, v]) =>
            y > period.baselineYear && y < year && typeof v === 'number' && roundTo(v, j.decimals) < target.value,
        )
        .map(([y]) => y)
        .sort();
      return years.length ? withWarnings(result, [{ kind: 'broken_before', limit: target.value, years }]) : result;
    }
    case 'range': {
      if (rule.polarity === 'projection') {
        const value = roundTo(submitted, j.decimals);
        const inside = value >= target.min && value <= target.max;
        return { status: inside ? 'on_track' : 'lagging', value, expected: null, ratio: null, basis: 'target_met' };
      }
      const down = rule.polarity === 'lower_is_better';
      return towards(
        { goal: down ? target.max : target.min, direction: down ? 'down' : 'up', strict: false, bound: false },
        rule.baseline,
        submitted,
        elapsed,
        j,
      );
    }
  }
}

const withWarnings = (p: Progress, warnings: IndicatorWarning[]): Progress =>
  warnings.length ? { ...p, warnings: [...(p.warnings ?? []), ...warnings] } : p;

interface Goal {
  goal: number;
  direction: 'up' | 'down';
  strict: boolean;
  /** A floor or ceiling as printed (＞95, 4.0以内, 稳定在85以上), not a point to reach. */
  bound: boolean;
}

/**
 * A target reached from the baseline in one direction, judged on the value at
 * the plan's precision. Met already: achieved, or 达到目标要求 for a floor or
 * ceiling and for a level the base year already held (beds 6.57 → 6), with
 * the warnings a met requirement can carry. Otherwise progress along the
 * straight path from the baseline (from 0 where the plan prints no base-year
 * figure, a service new in this plan), the expected value rounded as the plan
 * would print it. Where the baseline was already past the target (a floor, not
 * a fall to aim for; a bound that held in 2020), falling short is lagging outright.
 */
function towards(g: Goal, baseline: Baseline, submitted: number, elapsed: number, j: Judging): Progress {
  const { goal, direction } = g;
  const value = roundTo(submitted, j.decimals);
  const meets = (v: number) =>
    direction === 'up' ? (g.strict ? v > goal : v >= goal) : g.strict ? v < goal : v <= goal;
  const start = baseline.kind === 'value' ? baseline.value : 0;
  const heldInBaseYear = baseline.kind === 'value' && meets(start);
  if (meets(value)) {
    const requirement = g.bound || heldInBaseYear;
    const met: Progress = {
      status: requirement ? 'requirement_met' : 'achieved',
      value,
      expected: null,
      ratio: null,
      basis: 'target_met',
    };
    const warnings: IndicatorWarning[] = [];
    if (!meets(submitted)) warnings.push({ kind: 'met_by_rounding', submitted, target: goal });
    if (requirement) warnings.push(...requirementWarnings(g, baseline, value, heldInBaseYear && start !== goal, j));
    return withWarnings(met, warnings);
  }

  const basis: Basis = baseline.kind === 'value' ? 'straight_path' : 'path_from_zero';
  const plannedChange = goal - start;
  if (plannedChange === 0) {
    // 100 → 100: the level is to be held; the share of it held is the ratio.
    const ratio = goal === 0 ? 0 : roundTo(direction === 'up' ? value / goal : goal / value, RATIO_DECIMALS);
    return { status: byRatio(ratio, j.t), value, expected: goal, ratio, basis: 'hold_level' };
  }
  if (direction === 'up' ? plannedChange < 0 : plannedChange > 0) {
    return { status: 'lagging', value, expected: goal, ratio: null, basis: 'floor_broken' };
  }
  const expected = roundTo(start + plannedChange * elapsed, j.decimals);
  return {
    status: byRatio(pathRatio(value - start, expected - start), j.t),
    value,
    expected,
    ratio: pathRatio(value - start, expected - start),
    basis,
  };
}

/**
 * A met floor or ceiling close to its limit, or worse than in the base year.
 * Closeness applies to printed bounds and to floors the base year exceeded,
 * not to a level held exactly (100 → 100 cannot be met with room to spare).
 */
function requirementWarnings(
  g: Goal,
  baseline: Baseline,
  value: number,
  beyondInBaseYear: boolean,
  j: Judging,
): IndicatorWarning[] {
  const warnings: IndicatorWarning[] = [];
  const margin = roundTo(limitMargin(j.t) * Math.abs(g.goal), j.decimals + 2);
  if ((g.bound || beyondInBaseYear) && roundTo(Math.abs(value - g.goal), j.decimals) <= margin) {
    warnings.push({ kind: 'near_limit', limit: g.goal, margin, direction: g.direction });
  }
  if (baseline.kind === 'value' && (g.direction === 'up' ? value < baseline.value : value > baseline.value)) {
    warnings.push({ kind: 'falling', baseline: baseline.value, direction: g.direction });
  }
  return warnings;
}

/** Achieved change ÷ expected change, both at the plan's precision, kept to four places. */
function pathRatio(achieved: number, expected: number): number {
  return roundTo(achieved / expected, RATIO_DECIMALS);
}

/** Population-like projections: distance from the planned path counts, in either direction. */
function projection(baseline: Baseline, goal: number, submitted: number, elapsed: number, j: Judging): Progress {
  const value = roundTo(submitted, j.decimals);
  if (baseline.kind !== 'value')
    return { status: 'no_data', value, expected: null, ratio: null, basis: 'missing_value' };
  const plannedChange = goal - baseline.value;
  const expected = roundTo(baseline.value + plannedChange * elapsed, j.decimals);
  const ratio =
    plannedChange === 0 ? (value === goal ? 1 : 0) : pathRatio(value - baseline.value, expected - baseline.value);
  const distance = roundTo(Math.abs(1 - ratio), RATIO_DECIMALS);
  const [near, far] = j.t.projectionTolerance;
  const status: ProgressStatus = distance <= near ? 'on_track' : distance <= far ? 'slightly_behind' : 'lagging';
  return { status, value, expected, ratio, basis: 'projection_path' };
}

/** 〔x〕 five-year totals: total × elapsed expected against the sum of every year's approved value. */
function cumulative(
  total: number,
  values: AnnualValues,
  year: number,
  period: PlanPeriod,
  elapsed: number,
  j: Judging,
): Progress {
  let sum = 0;
  for (let y = period.baselineYear + 1; y <= year; y++) {
    const v = values.get(y);
    if (typeof v !== 'number')
      return {
        status: 'no_data',
        value: null,
        expected: roundTo(total * elapsed, j.decimals),
        ratio: null,
        basis: 'missing_years',
      };
    sum += v;
  }
  return judgeCumulative(total, sum, elapsed, j.t, j.decimals);
}

/**
 * A cumulative target judged from its total so far, as a mid-term or final
 * evaluation collects it when no annual series exists. The sum (2.1 + 2.2 +
 * 2.4 is 6.700000000000001 in floating point) and the expected share are
 * taken at the plan's precision.
 */
export function judgeCumulative(
  total: number,
  sum: number,
  elapsed: number,
  t: Thresholds,
  decimals: number,
): Progress {
  const value = roundTo(sum, decimals);
  const expected = roundTo(total * elapsed, decimals);
  const ratio = pathRatio(value, expected);
  if (value >= total) return { status: 'achieved', value, expected, ratio, basis: 'target_met' };
  return { status: byRatio(ratio, t), value, expected, ratio, basis: 'cumulative_share' };
}

function byRatio(ratio: number, t: Thresholds): ProgressStatus {
  return ratio >= t.onTrack ? 'on_track' : ratio >= t.slightlyBehind ? 'slightly_behind' : 'lagging';
}
