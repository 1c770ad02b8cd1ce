/**
 * The final evaluation's (总结评估) figures: each indicator's series from the
 * base year to the plan's end, read from the approved annual values and the
 * final cycle's own submissions, its verdict at the plan's end
 * (libs/rules/final-verdict.ts), and the achievement rates (达标率) per
 * category, in the plan's order, and for the binding indicators. Pure.
 */
import type { ValidatedPlan } from '../plan/plan-validation';
import { achievementRates, judgeFinal, type AchievementRate, type FinalJudgement } from '../rules/final-verdict';
import { indicatorRule } from '../rules/plan-evaluation';
import type { Target } from '../rules/target';
import type { Thresholds } from '../rules/thresholds';

export interface FinalIndicator extends FinalJudgement {
  no: number;
  category: string;
  attribute: 'binding' | 'expected';
  targetKind: Target['kind'];
  /**
   * One value per year of `FinalEvaluation.years`, null where the year has
   * none: the base year's is the plan's printed baseline where that is a
   * figure (not a previous period's 〔〕 total); a cumulative indicator's are
   * its annual additions.
   */
  series: Array<number | boolean | null>;
  /** The figures the target is drawn at in a chart: a point, a bound, both ends of a range, a five-year total. */
  targetLines: number[];
}

export interface FinalEvaluation {
  /** Base year to end year: 2020…2025. */
  years: number[];
  /** In the plan's order (its categories, then numbers). */
  indicators: FinalIndicator[];
  overall: AchievementRate;
  binding: AchievementRate;
  byCategory: Array<AchievementRate & { category: string }>;
}

const targetLines = (t: Target): number[] =>
  t.kind === 'range' ? [t.min, t.max] : t.kind === 'cumulative' ? [t.total] : t.kind === 'qualitative' ? [] : [t.value];

export function buildFinalEvaluation(input: {
  plan: ValidatedPlan;
  /** Approved annual values by indicator, [year, value], from the annual cycles up to the plan's end. */
  annual: ReadonlyMap<number, ReadonlyArray<readonly [number, number | boolean]>>;
  /** The final cycle's own approved value of an indicator: its end-year value, or a cumulative one's five-year total. */
  submitted: (no: number) => number | boolean | undefined;
  thresholds: Thresholds;
}): FinalEvaluation {
  const { plan, thresholds } = input;
  const period = { baselineYear: plan.file.plan.baselineYear, endYear: plan.file.plan.endYear };
  const years: number[] = [];
  for (let y = period.baselineYear; y <= period.endYear; y++) years.push(y);

  const indicators = plan.indicators.map((i): FinalIndicator => {
    const target = i.parsedTarget;
    const series = new Map<number, number | boolean>(
      (input.annual.get(i.no) ?? []).filter(([y]) => y > period.baselineYear && y <= period.endYear),
    );
    const own = input.submitted(i.no);
    const cumulative = target.kind === 'cumulative';
    // The final cycle collects the end year's value, except for a 〔〕 indicator, whose submission is the five-year total.
    if (own !== undefined && !cumulative) series.set(period.endYear, own);
    const judged = judgeFinal(
      indicatorRule(i),
      series,
      period,
      thresholds,
      cumulative && typeof own === 'number' ? own : undefined,
    );
    return {
      no: i.no,
      category: i.category,
      attribute: i.attribute,
      targetKind: target.kind,
      ...judged,
      series: years.map((y) =>
        y === period.baselineYear
          ? i.parsedBaseline.kind === 'value'
            ? i.parsedBaseline.value
            : null
          : (series.get(y) ?? null),
      ),
      targetLines: targetLines(target),
    };
  });
  const rates = achievementRates(
    indicators,
    plan.file.categories.map((c) => c.name),
  );
  return { years, indicators, ...rates };
}
