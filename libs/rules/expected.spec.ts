import { expectedValue, targetText } from './expected';
import type { IndicatorRule } from './progress';

const period = { baselineYear: 2020, endYear: 2025 };

describe('expectedValue: the straight path the portal shows beside the input', () => {
  it.each<[string, IndicatorRule, number, number | null]>([
    [
      'point, higher is better (2022: 2/5 of the way)',
      { target: { kind: 'point', value: 79.5 }, baseline: { kind: 'value', value: 77 }, polarity: 'higher_is_better' },
      2022,
      78,
    ],
    [
      'point, lower is better',
      { target: { kind: 'point', value: 10 }, baseline: { kind: 'value', value: 20 }, polarity: 'lower_is_better' },
      2023,
      14,
    ],
    [
      'lower bound not yet met',
      {
        target: { kind: 'at_least', value: 95, strict: true },
        baseline: { kind: 'value', value: 90 },
        polarity: 'higher_is_better',
      },
      2021,
      91,
    ],
    [
      'a floor already exceeded is held',
      { target: { kind: 'point', value: 6 }, baseline: { kind: 'value', value: 6.57 }, polarity: 'higher_is_better' },
      2022,
      6,
    ],
    [
      'upper bound already met is held',
      {
        target: { kind: 'at_most', value: 4, strict: false },
        baseline: { kind: 'value', value: 3.1 },
        polarity: 'lower_is_better',
      },
      2022,
      4,
    ],
    [
      'no base-year figure: from 0',
      { target: { kind: 'point', value: 5 }, baseline: { kind: 'none' }, polarity: 'higher_is_better' },
      2021,
      1,
    ],
    [
      'cumulative: total × elapsed',
      {
        target: { kind: 'cumulative', total: 12.5 },
        baseline: { kind: 'cumulative', total: 20.27 },
        polarity: 'higher_is_better',
      },
      2023,
      7.5,
    ],
    [
      'projection follows the path either way',
      { target: { kind: 'point', value: 300 }, baseline: { kind: 'value', value: 283.77 }, polarity: 'projection' },
      2025,
      300,
    ],
    // 4.01 → 4.2 printed with two decimals: 4.01 + 0.19 × 0.6 = 4.124 is shown as 4.12, the figure the value is judged against
    [
      'at the plan’s precision',
      {
        target: { kind: 'point', value: 4.2 },
        baseline: { kind: 'value', value: 4.01 },
        polarity: 'higher_is_better',
        decimals: 2,
      },
      2023,
      4.12,
    ],
    // 35.02 → 42 printed with two decimals: 35.02 + 6.98 × 0.6 is 39.208000000000006 in floating point, 39.21 as printed
    [
      'no float noise',
      {
        target: { kind: 'point', value: 42 },
        baseline: { kind: 'value', value: 35.02 },
        polarity: 'higher_is_better',
        decimals: 2,
      },
      2023,
      39.21,
    ],
    // 1.00 → 5.00 printed with two decimals, which the parsed 1 and 5 have lost: 1 + 4 × 0.2 = 1.8, not 2
    [
      'the printed precision over the parsed figures',
      {
        target: { kind: 'point', value: 5 },
        baseline: { kind: 'value', value: 1 },
        polarity: 'higher_is_better',
        decimals: 2,
      },
      2021,
      1.8,
    ],
    // without the printed text: the parsed figures' decimals (77.8 → 79.5: one): 78.82 shown as 78.8
    [
      'no printed precision: the parsed figures’',
      {
        target: { kind: 'point', value: 79.5 },
        baseline: { kind: 'value', value: 77.8 },
        polarity: 'higher_is_better',
      },
      2023,
      78.8,
    ],
    [
      'qualitative: no number',
      {
        target: { kind: 'qualitative', goal: 'keep_at_zero' },
        baseline: { kind: 'qualitative', goal: 'keep_at_zero' },
        polarity: 'higher_is_better',
      },
      2022,
      null,
    ],
  ])('%s', (_, rule, year, expected) => {
    expect(expectedValue(rule, year, period)).toBe(expected);
  });

  it('words the target in both languages', () => {
    expect(targetText({ kind: 'at_least', value: 95, strict: true })).toEqual({ zh: '＞95', en: '> 95' });
    expect(targetText({ kind: 'stay_at_least', value: 85 }).zh).toBe('稳定在85以上');
    expect(targetText({ kind: 'qualitative', goal: 'cover_all_eligible' }).zh).toBe('应保尽保');
  });
});
