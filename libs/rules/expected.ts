/**
 * What the portal shows beside an indicator's input: the value expected by a
 * year on the straight path from the base year to the target (时序进度), and
 * the target in words. Pure: the same rule `evaluateIndicator` judges by.
 */
import type { Localized } from '../plan/localized';
import { roundTo } from './precision';
import type { IndicatorRule, PlanPeriod } from './progress';
import { elapsedShare, ruleDecimals } from './progress';
import type { Target } from './target';

/**
 * The value expected at `year`: start + (goal − start) × elapsed, starting from
 * 0 where the plan prints no base-year figure; a cumulative target expects
 * total × elapsed; a bound already met in the base year is to be held (the
 * bound itself); qualitative targets have no number. Rounded as the plan
 * prints the indicator's figures, the precision the value is judged at.
 */
export function expectedValue(rule: IndicatorRule, year: number, period: PlanPeriod): number | null {
  const { target, baseline } = rule;
  const elapsed = elapsedShare(year, period);
  const round = (v: number) => roundTo(v, ruleDecimals(rule));
  if (target.kind === 'qualitative') return null;
  if (target.kind === 'cumulative') return round(target.total * elapsed);
  const goal = goalOf(target, rule.polarity);
  const start = baseline.kind === 'value' ? baseline.value : 0;
  const down =
    target.kind === 'at_most' ||
    ((target.kind === 'point' || target.kind === 'range') && rule.polarity === 'lower_is_better');
  // A base year already at or past the goal (beds 6.57 → 6, a floor): the goal is to be held.
  if (rule.polarity !== 'projection' && baseline.kind === 'value' && (down ? start <= goal : start >= goal))
    return goal;
  return round(start + (goal - start) * elapsed);
}

function goalOf(
  target: Exclude<Target, { kind: 'qualitative' } | { kind: 'cumulative' }>,
  polarity: IndicatorRule['polarity'],
): number {
  switch (target.kind) {
    case 'point':
    case 'at_least':
    case 'at_most':
    case 'stay_at_least':
      return target.value;
    case 'range':
      return polarity === 'lower_is_better'
        ? target.max
        : polarity === 'projection'
          ? (target.min + target.max) / 2
          : target.min;
  }
}

const QUALITATIVE_WORDS: Record<string, Localized> = {
  cover_all_eligible: { zh: '应保尽保', en: 'cover everyone eligible' },
  keep_at_zero: { zh: '动态清零', en: 'keep at zero' },
};

/** The target as a person reads it, in both languages. */
export function targetText(target: Target): Localized {
  switch (target.kind) {
    case 'point':
      return { zh: `${target.value}`, en: `${target.value}` };
    case 'at_least':
      return { zh: `${target.strict ? '＞' : '≥'}${target.value}`, en: `${target.strict ? '>' : '≥'} ${target.value}` };
    case 'at_most':
      return { zh: `${target.strict ? '＜' : '≤'}${target.value}`, en: `${target.strict ? '<' : '≤'} ${target.value}` };
    case 'stay_at_least':
      return { zh: `稳定在${target.value}以上`, en: `at least ${target.value} every year` };
    case 'range':
      return { zh: `${target.min}–${target.max}`, en: `${target.min}–${target.max}` };
    case 'cumulative':
      return { zh: `〔${target.total}〕（五年累计）`, en: `${target.total} over five years` };
    case 'qualitative':
      return QUALITATIVE_WORDS[target.goal];
  }
}
