import { expectedValue, targetText } from './expected';
import type { IndicatorRule } from './progress';

const period = { baselineYear: 2020, endYear: 2025 };

describe('expectedValue: the straight path the portal shows beside the input', () => {
  it.each<[string, IndicatorRule, number, number | null]>([
    ['point, higher is better (2022: 2/5 of the way)', { target: { kind: 'point', value: 79.5 }, baseline: { kind: 'value', value: 77 }, polarity: 'higher_is_better' }, 2022, 78],
    ['point, lower is better', { target: { kind: 'point', value: 10 }, baseline: { kind: 'value', value: 20 }, polarity: 'lower_is_better' }, 2023, 14],
    ['lower bound not yet met', { target: { kind: 'at_least', value: 95, strict: true }, baseline: { kind: 'value', value: 90 }, polarity: 'higher_is_better' }, 2021, 91],
    ['a floor already exceeded is held', { target: { kind: 'point', value: 6 }, baseline: { kind: 'value', value: 6.57 }, polarity: 'higher_is_better' }, 2022, 6],
    ['upper bound already met is held', { target: { kind: 'at_most', value: 4, strict: false }, baseline: { kind: 'value', value: 3.1 }, polarity: 'lower_is_better' }, 2022, 4],
    ['no base-year figure: from 0', { target: { kind: 'point', value: 5 }, baseline: { kind: 'none' }, polarity: 'higher_is_better' }, 2021, 1],
    ['cumulative: total × elapsed', { target: { kind: 'cumulative', total: 12.5 }, baseline: { kind: 'cumulative', total: 20.27 }, polarity: 'higher_is_better' }, 2023, 7.5],
    ['projection follows the path either way', { target: { kind: 'point', value: 300 }, baseline: { kind: 'value', value: 283.77 }, polarity: 'projection' }, 2025, 300],
    ['qualitative: no number', { target: { kind: 'qualitative', goal: 'keep_at_zero' }, baseline: { kind: 'qualitative', goal: 'keep_at_zero' }, polarity: 'higher_is_better' }, 2022, null],
  ])('%s', (_, rule, year, expected) => {
    expect(expectedValue(rule, year, period)).toBe(expected);
  });

  it('words the target in both languages', () => {
    expect(targetText({ kind: 'at_least', value: 95, strict: true })).toEqual({ zh: '＞95', en: '> 95' });
    expect(targetText({ kind: 'stay_at_least', value: 85 }).zh).toBe('稳定在85以上');
    expect(targetText({ kind: 'qualitative', goal: 'cover_all_eligible' }).zh).toBe('应保尽保');
  });
});
