import { achievementRate, achievementRates, judgeFinal, type FinalJudgement } from './final-verdict';
import { printedDecimals } from './precision';
import type { IndicatorRule } from './progress';
import { parseBaseline, parseTarget } from './target';
import { THRESHOLD_PRESETS } from './thresholds';

const PERIOD = { baselineYear: 2020, endYear: 2025 };
const DEFAULT = THRESHOLD_PRESETS.time_elapsed;

function rule(
  baseline: string,
  target: string,
  polarity: IndicatorRule['polarity'] = 'higher_is_better',
): IndicatorRule {
  const b = parseBaseline(baseline);
  const t = parseTarget(target);
  if (!b.ok || !t.ok) throw new Error('bad fixture');
  return { baseline: b.value, target: t.value, polarity, decimals: printedDecimals(baseline, target) };
}
const values = (entries: Record<number, number | boolean>) =>
  new Map(Object.entries(entries).map(([y, v]) => [Number(y), v]));

/** Heyuan indicators at the plan's end (2025); each row's verdict worked by hand in its comment. */
describe('final verdict at the plan end', () => {
  it.each<[string, IndicatorRule, Record<number, number | boolean>, Partial<FinalJudgement>]>([
    // #2 life expectancy, point, higher is better: 79.5 ≥ 79.5
    ['point reached', rule('77.8', '79.5'), { 2025: 79.5 }, { verdict: 'met', value: 79.5, basis: 'end_value' }],
    // 79.46 at one decimal is 79.5: met at the plan's precision
    ['point reached at precision', rule('77.8', '79.5'), { 2025: 79.46 }, { verdict: 'met', value: 79.5 }],
    // 79.44 → 79.4 < 79.5
    ['point short', rule('77.8', '79.5'), { 2025: 79.44 }, { verdict: 'not_met', value: 79.4 }],
    // a point target where lower is better (a death rate printed as a number): 7.0 ≤ 7.11
    ['point, lower is better', rule('8.50', '7.11', 'lower_is_better'), { 2025: 7.0 }, { verdict: 'met' }],
    ['point, lower is better, above', rule('8.50', '7.11', 'lower_is_better'), { 2025: 7.2 }, { verdict: 'not_met' }],
    // #22 beds 6.57 → 6 is a floor the base year exceeded: 6.2 ≥ 6
    ['floor the base year exceeded', rule('6.57', '6'), { 2025: 6.2 }, { verdict: 'met' }],
    // #1 population 283.56 → 286.31 (change 2.75): 285.00 is |1 − 1.44 / 2.75| = 0.4764 off the plan, > 0.2
    [
      'projection far from plan',
      rule('283.56', '286.31', 'projection'),
      { 2025: 285.0 },
      { verdict: 'not_met', basis: 'projection_distance' },
    ],
    // 287.00: |1 − 3.44 / 2.75| = 0.2509 > 0.2, overshooting counts as much as falling short
    ['projection overshot', rule('283.56', '286.31', 'projection'), { 2025: 287.0 }, { verdict: 'not_met' }],
    // 286.00: |1 − 2.44 / 2.75| = 0.1127 ≤ 0.2
    ['projection near plan', rule('283.56', '286.31', 'projection'), { 2025: 286.0 }, { verdict: 'met' }],
    // #6 vaccination ＞95 is strict: 95.0 is not above 95
    ['strict floor at the limit', rule('99.9', '＞95'), { 2025: 95.0 }, { verdict: 'not_met', value: 95 }],
    ['strict floor above', rule('99.9', '＞95'), { 2025: 95.1 }, { verdict: 'met' }],
    // #29 ≥55 holds at 55
    ['floor at the limit', rule('55', '≥55'), { 2025: 55 }, { verdict: 'met' }],
    // #14 unemployment 4.0以内: 4.0 is within, 4.1 is not
    ['ceiling at the limit', rule('2.6', '4.0以内', 'lower_is_better'), { 2025: 4.0 }, { verdict: 'met' }],
    ['ceiling broken', rule('2.6', '4.0以内', 'lower_is_better'), { 2025: 4.1 }, { verdict: 'not_met' }],
    // #20 ＜8 strict: 8 is not below 8
    ['strict ceiling at the limit', rule('7.11', '＜8', 'lower_is_better'), { 2025: 8 }, { verdict: 'not_met' }],
    // #8 稳定在85以上, above 85 in 2025 but 84.9 in 2022: broken in a year, not met
    [
      'stay above, broken in 2022',
      rule('80.73', '稳定在85以上'),
      { 2021: 85.2, 2022: 84.9, 2023: 85.5, 2024: 86, 2025: 87 },
      { verdict: 'not_met', value: 87, basis: 'every_year', brokenYears: [2022] },
    ],
    // the plan prints two decimals (80.73): 84.96 stays 84.96, below 85, where one decimal would make it 85.0
    ['stay above, at precision', rule('80.73', '稳定在85以上'), { 2024: 84.96, 2025: 85 }, { brokenYears: [2024] }],
    // every year at or above 85, 2023 not reported: met, the gap named
    [
      'stay above, held',
      rule('80.73', '稳定在85以上'),
      { 2021: 85, 2022: 85.1, 2024: 86, 2025: 87 },
      { verdict: 'met', missingYears: [2023] },
    ],
    // #23 nurses 3.5-4.0, higher is better: the range's lower end is the goal; 3.5 met, 4.2 met, 3.4 not
    ['range reached', rule('3.17', '3.5-4.0'), { 2025: 3.5 }, { verdict: 'met' }],
    ['range exceeded', rule('3.17', '3.5-4.0'), { 2025: 4.2 }, { verdict: 'met' }],
    ['range short', rule('3.17', '3.5-4.0'), { 2025: 3.4 }, { verdict: 'not_met' }],
    ['range, projection inside', rule('3.0', '3.5-4.0', 'projection'), { 2025: 3.8 }, { verdict: 'met' }],
    ['range, projection above', rule('3.0', '3.5-4.0', 'projection'), { 2025: 4.1 }, { verdict: 'not_met' }],
    // #13 new urban jobs 〔12.5〕: 2.4 + 2.5 + 2.6 + 2.5 + 2.6 = 12.6 ≥ 12.5
    [
      'cumulative, annual sum',
      rule('〔20.27〕', '〔12.5〕'),
      { 2021: 2.4, 2022: 2.5, 2023: 2.6, 2024: 2.5, 2025: 2.6 },
      { verdict: 'met', value: 12.6, basis: 'cumulative_total', totalFrom: 'annual_sum' },
    ],
    // 2.4 + 2.5 + 2.4 + 2.5 + 2.6 = 12.4 < 12.5
    [
      'cumulative, annual sum short',
      rule('〔20.27〕', '〔12.5〕'),
      { 2021: 2.4, 2022: 2.5, 2023: 2.4, 2024: 2.5, 2025: 2.6 },
      { verdict: 'not_met', value: 12.4 },
    ],
    // 2024 missing: 2.4 + 2.5 + 2.6 + 2.6 = 10.1 < 12.5, and 2024 could still make it up
    [
      'cumulative, a year missing',
      rule('〔20.27〕', '〔12.5〕'),
      { 2021: 2.4, 2022: 2.5, 2023: 2.6, 2025: 2.6 },
      { verdict: 'no_data', value: null, basis: 'missing_years', missingYears: [2024] },
    ],
    // 2025 missing but 4.0 + 3.5 + 3.0 + 3.0 = 13.5 already ≥ 12.5
    [
      'cumulative, reached before a missing year',
      rule('〔20.27〕', '〔12.5〕'),
      { 2021: 4, 2022: 3.5, 2023: 3, 2024: 3 },
      { verdict: 'met', value: 13.5, missingYears: [2025] },
    ],
    // #12 零就业家庭动态清零: held in 2025 but not in 2023
    [
      '动态清零 broken in a year',
      rule('动态清零', '动态清零', 'lower_is_better'),
      { 2021: true, 2022: true, 2023: false, 2024: true, 2025: true },
      { verdict: 'not_met', brokenYears: [2023] },
    ],
    ['动态清零 held', rule('动态清零', '动态清零', 'lower_is_better'), { 2024: true, 2025: true }, { verdict: 'met' }],
    // #7 应保尽保 is judged at the end: covered in 2025
    ['应保尽保', rule('100', '应保尽保'), { 2023: false, 2025: true }, { verdict: 'met', value: true }],
    ['应保尽保 not covered', rule('100', '应保尽保'), { 2025: false }, { verdict: 'not_met' }],
    ['nothing for 2025', rule('77.8', '79.5'), { 2024: 79.6 }, { verdict: 'no_data', basis: 'missing_value' }],
  ])('%s', (_name, r, series, expected) => {
    expect(judgeFinal(r, values(series), PERIOD, DEFAULT)).toMatchObject(expected);
  });

  it("takes the final evaluation's own total over the sum of the annual values", () => {
    // The annual values sum to 12.4 (not met); the department's revised five-year total is 12.7.
    const series = values({ 2021: 2.4, 2022: 2.5, 2023: 2.4, 2024: 2.5, 2025: 2.6 });
    expect(judgeFinal(rule('〔20.27〕', '〔12.5〕'), series, PERIOD, DEFAULT, 12.7)).toEqual({
      verdict: 'met',
      value: 12.7,
      basis: 'cumulative_total',
      totalFrom: 'final_submission',
    });
  });
});

describe('achievement rate (达标率)', () => {
  it('counts an indicator without data against the rate', () => {
    // 2 met of 3: 0.6667
    expect(achievementRate(['met', 'met', 'no_data'])).toEqual({
      count: 3,
      met: 2,
      notMet: 0,
      noData: 1,
      rate: 0.6667,
    });
    expect(achievementRate([])).toEqual({ count: 0, met: 0, notMet: 0, noData: 0, rate: null });
  });

  it("gives every category in the plan's order, and the binding indicators", () => {
    const rates = achievementRates(
      [
        { category: '幼有所育', attribute: 'binding', verdict: 'met' },
        { category: '人口', attribute: 'expected', verdict: 'not_met' },
        { category: '幼有所育', attribute: 'binding', verdict: 'not_met' },
        { category: '人口', attribute: 'expected', verdict: 'met' },
        { category: '人口', attribute: 'expected', verdict: 'met' },
      ],
      ['人口', '幼有所育', '学有所教'],
    );
    expect(rates.byCategory.map((c) => [c.category, c.met, c.count, c.rate])).toEqual([
      ['人口', 2, 3, 0.6667],
      ['幼有所育', 1, 2, 0.5],
      ['学有所教', 0, 0, null],
    ]);
    expect(rates.binding).toMatchObject({ count: 2, met: 1, rate: 0.5 });
    expect(rates.overall).toMatchObject({ count: 5, met: 3, rate: 0.6 });
  });
});
