import { printedDecimals } from './precision';
import {
  countByStatus,
  evaluateIndicator,
  type IndicatorRule,
  type IndicatorWarning,
  type ProgressStatus,
} from './progress';
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

describe('status boundaries of the two presets (a point target 0.00 → 100.00 at 2025, ratio = value / 100)', () => {
  it.each<[keyof typeof THRESHOLD_PRESETS, number, ProgressStatus]>([
    ['time_elapsed', 100, 'achieved'],
    ['time_elapsed', 99.99, 'slightly_behind'],
    ['time_elapsed', 80, 'slightly_behind'],
    ['time_elapsed', 79.99, 'lagging'],
    ['traffic_light', 80, 'on_track'],
    ['traffic_light', 79.99, 'slightly_behind'],
    ['traffic_light', 60, 'slightly_behind'],
    ['traffic_light', 59.99, 'lagging'],
  ])('%s: value %d', (preset, value, status) => {
    const result = evaluateIndicator(
      rule('0.00', '100.00'),
      values({ 2025: value }),
      2025,
      PERIOD,
      THRESHOLD_PRESETS[preset],
    );
    expect(result.status).toBe(status);
  });

  it('judges at the precision the plan prints: 19.9988 is 20 where the plan prints whole numbers, not where it prints four decimals', () => {
    expect(evaluateIndicator(rule('0', '100'), values({ 2021: 20 }), 2021, PERIOD, DEFAULT)).toMatchObject({
      ratio: 1,
      status: 'on_track',
    });
    expect(evaluateIndicator(rule('0', '100'), values({ 2021: 19.9988 }), 2021, PERIOD, DEFAULT)).toMatchObject({
      value: 20,
      ratio: 1,
      status: 'on_track',
    });
    // 19.9988 / 20 = 0.99994, kept to four places: 0.9999.
    expect(
      evaluateIndicator(rule('0.0000', '100.0000'), values({ 2021: 19.9988 }), 2021, PERIOD, DEFAULT),
    ).toMatchObject({ ratio: 0.9999, status: 'slightly_behind' });
  });
});

/**
 * A worked mid-term example: Heyuan indicators at year 2023, elapsed = (2023 − 2020) / 5 = 0.6.
 * Each row's figures are computed by hand in its comment.
 */
describe('mid-term 2023 for Heyuan indicators', () => {
  it.each<
    [
      string,
      IndicatorRule,
      Record<number, number | boolean>,
      { status: ProgressStatus; expected: number | null; ratio: number | null },
    ]
  >([
    // #2 life expectancy 77.8 → 79.5, one decimal: expected 77.8 + 1.7 × 0.6 = 78.82, printed 78.8; ratio (78.9 − 77.8) / 1.0 = 1.1
    ['#2 人均预期寿命', rule('77.8', '79.5'), { 2023: 78.9 }, { status: 'on_track', expected: 78.8, ratio: 1.1 }],
    // #3 urbanisation 48.5 → 53.5: expected 48.5 + 5 × 0.6 = 51.5; ratio 2.4 / 3 = 0.8 exactly: slightly behind
    [
      '#3 常住人口城镇化率',
      rule('48.5', '53.5'),
      { 2023: 50.9 },
      { status: 'slightly_behind', expected: 51.5, ratio: 0.8 },
    ],
    // #5 nursery places 0.94 → 5.00, two decimals: expected 0.94 + 4.06 × 0.6 = 3.376, printed 3.38; ratio 1.56 / 2.44 = 0.6393
    ['#5 托位数', rule('0.94', '5.00'), { 2023: 2.5 }, { status: 'lagging', expected: 3.38, ratio: 0.6393 }],
    // #24 GPs 4.01 → 4.2, two decimals: expected 4.01 + 0.19 × 0.6 = 4.124, printed 4.12; 4.12 is on the path (ratio 0.11 / 0.11),
    // where unrounded it would be 0.11 / 0.114 = 0.9649, slightly behind on float noise below the plan's precision.
    ['#24 全科医师 at 4.12', rule('4.01', '4.2'), { 2023: 4.12 }, { status: 'on_track', expected: 4.12, ratio: 1 }],
    // #13 new urban jobs 〔12.5〕: expected 12.5 × 0.6 = 7.5; sum 2.6 + 2.4 + 2.5 = 7.5; ratio 1.0
    [
      '#13 城镇新增就业（累计）',
      rule('〔20.27〕', '〔12.5〕'),
      { 2021: 2.6, 2022: 2.4, 2023: 2.5 },
      { status: 'on_track', expected: 7.5, ratio: 1 },
    ],
    // #13 with 2022 missing: the sum cannot be formed
    [
      '#13 missing a year',
      rule('〔20.27〕', '〔12.5〕'),
      { 2021: 2.6, 2023: 2.5 },
      { status: 'no_data', expected: 7.5, ratio: null },
    ],
    // #22 beds 6.57 → 6 is a floor: 6.7 ≥ 6 is achieved...
    [
      '#22 床位数 above the floor',
      rule('6.57', '6'),
      { 2023: 6.7 },
      { status: 'requirement_met', expected: null, ratio: null },
    ],
    // ...and 5.8 < 6 breaks it, whatever the straight line from 6.57 to 6 would say
    ['#22 床位数 below the floor', rule('6.57', '6'), { 2023: 5.8 }, { status: 'lagging', expected: 6, ratio: null }],
    // #14 unemployment 4.0以内: 3.1 ≤ 4.0
    [
      '#14 城镇登记失业率',
      rule('2.6', '4.0以内', 'lower_is_better'),
      { 2023: 3.1 },
      { status: 'requirement_met', expected: null, ratio: null },
    ],
    // #20 maternal mortality ＜8 held in 2020 (7.11); 9.2 breaks the bound
    [
      '#20 孕产妇死亡率',
      rule('7.11', '＜8', 'lower_is_better'),
      { 2023: 9.2 },
      { status: 'lagging', expected: 8, ratio: null },
    ],
    // #6 vaccination ＞95 is strict: exactly 95 does not meet it, and 2020's 99.9 did
    ['#6 疫苗接种率 at 95', rule('99.9', '＞95'), { 2023: 95 }, { status: 'lagging', expected: 95, ratio: null }],
    // #45 emergency broadcast 1.32 → ≥90: expected 1.32 + 88.68 × 0.6 = 54.528, printed 54.53; ratio 48.68 / 53.21 = 0.9149
    [
      '#45 应急广播覆盖率',
      rule('1.32', '≥90'),
      { 2023: 50 },
      { status: 'slightly_behind', expected: 54.53, ratio: 0.9149 },
    ],
    // #1 population 283.56 → 286.31, a projection: expected 283.56 + 2.75 × 0.6 = 285.21; ratio 1.64 / 1.65 = 0.9939
    [
      '#1 常住人口 near the path',
      rule('283.56', '286.31', 'projection'),
      { 2023: 285.2 },
      { status: 'on_track', expected: 285.21, ratio: 0.9939 },
    ],
    // ...and 290 is far above the path (ratio 6.44 / 1.65 = 3.903): more is not better
    [
      '#1 常住人口 far above',
      rule('283.56', '286.31', 'projection'),
      { 2023: 290 },
      { status: 'lagging', expected: 285.21, ratio: 3.903 },
    ],
    // #28 '—' → 60: no base-year figure, the path starts from 0: expected 36; ratio 40 / 36 = 1.1111
    ['#28 养老服务设施覆盖率', rule('—', '60'), { 2023: 40 }, { status: 'on_track', expected: 36, ratio: 1.1111 }],
    // #37 100 → 100 is a level to hold: 98 of 100 held, ratio 0.98
    ['#37 社工站覆盖率', rule('100', '100'), { 2023: 98 }, { status: 'slightly_behind', expected: 100, ratio: 0.98 }],
    // #23 nurses 3.17 → 3.5-4.0: towards 3.5, expected 3.17 + 0.33 × 0.6 = 3.368, printed 3.37; ratio 0.23 / 0.2 = 1.15
    ['#23 注册护士数', rule('3.17', '3.5-4.0'), { 2023: 3.4 }, { status: 'on_track', expected: 3.37, ratio: 1.15 }],
    [
      '#23 注册护士数 in range',
      rule('3.17', '3.5-4.0'),
      { 2023: 3.8 },
      { status: 'achieved', expected: null, ratio: null },
    ],
    // #7 应保尽保 and #12 动态清零 are achieved or not
    ['#7 应保尽保 yes', rule('100', '应保尽保'), { 2023: true }, { status: 'achieved', expected: null, ratio: null }],
    [
      '#12 动态清零 no',
      rule('动态清零', '动态清零', 'lower_is_better'),
      { 2023: false },
      { status: 'lagging', expected: null, ratio: null },
    ],
    ['#16 no value submitted', rule('27.24', '28'), {}, { status: 'no_data', expected: null, ratio: null }],
    // A 〔2.5〕 total: expected 2.5 × 0.6 = 1.5; 0.7 + 0.1 + 0.7 is 1.4999999999999998 in floating point, 1.5 as printed: on track
    [
      'a cumulative sum at the plan’s precision',
      rule('〔1.0〕', '〔2.5〕'),
      { 2021: 0.7, 2022: 0.1, 2023: 0.7 },
      { status: 'on_track', expected: 1.5, ratio: 1 },
    ],
  ])('%s', (_label, r, vals, expected) => {
    const result = evaluateIndicator(r, values(vals), 2023, PERIOD, DEFAULT);
    // Exact equality: the figures are rounded where they are made, never by the reader.
    expect({ status: result.status, expected: result.expected, ratio: result.ratio }).toEqual(expected);
  });

  it('refuses a year outside the plan period', () => {
    expect(() => evaluateIndicator(rule('1', '2'), values({}), 2020, PERIOD, DEFAULT)).toThrow(RangeError);
    expect(() => evaluateIndicator(rule('1', '2'), values({}), 2026, PERIOD, DEFAULT)).toThrow(RangeError);
  });
});

/**
 * Floors and ceilings met read 达到目标要求, and some still deserve a warning.
 * Margin: 1 % of the limit (THRESHOLD_PRESETS' limitMargin), so 0.95 for ＞95,
 * 0.04 for 4.0以内, 0.55 for ≥55, 0.85 for a floor of 85.
 */
describe('requirements met and their warnings, mid-term 2023', () => {
  it.each<[string, IndicatorRule, Record<number, number>, ProgressStatus, IndicatorWarning[] | undefined]>([
    // #6 ＞95: 95.5 is 0.5 above the limit (≤ 0.95) and below 2020's 99.9: both warnings
    [
      '#6 疫苗接种率 99.9 → 95.5',
      rule('99.9', '＞95'),
      { 2023: 95.5 },
      'requirement_met',
      [
        { kind: 'near_limit', limit: 95, margin: 0.95, direction: 'up' },
        { kind: 'falling', baseline: 99.9, direction: 'up' },
      ],
    ],
    // 98.0 is 3 above the limit: only the fall from 99.9
    [
      '#6 疫苗接种率 at 98.0',
      rule('99.9', '＞95'),
      { 2023: 98 },
      'requirement_met',
      [{ kind: 'falling', baseline: 99.9, direction: 'up' }],
    ],
    ['#6 疫苗接种率 held at 99.9', rule('99.9', '＞95'), { 2023: 99.9 }, 'requirement_met', undefined],
    // #29 ≥55 met exactly: 0 from the limit
    [
      '#29 护理型床位占比 at 55',
      rule('55', '≥55'),
      { 2023: 55 },
      'requirement_met',
      [{ kind: 'near_limit', limit: 55, margin: 0.55, direction: 'up' }],
    ],
    // #14 4.0以内: 3.1 is well inside but above 2020's 2.6
    [
      '#14 失业率 at 3.1',
      rule('2.6', '4.0以内', 'lower_is_better'),
      { 2023: 3.1 },
      'requirement_met',
      [{ kind: 'falling', baseline: 2.6, direction: 'down' }],
    ],
    // 3.97 is 4.0 at one decimal: 0 from the limit, and above 2.6
    [
      '#14 失业率 at 3.97',
      rule('2.6', '4.0以内', 'lower_is_better'),
      { 2023: 3.97 },
      'requirement_met',
      [
        { kind: 'near_limit', limit: 4, margin: 0.04, direction: 'down' },
        { kind: 'falling', baseline: 2.6, direction: 'down' },
      ],
    ],
    ['#14 失业率 at 2.5', rule('2.6', '4.0以内', 'lower_is_better'), { 2023: 2.5 }, 'requirement_met', undefined],
    // #20 ＜8: 7.95 is 0.05 under the ceiling (≤ 0.08) and above 2020's 7.11
    [
      '#20 孕产妇死亡率 at 7.95',
      rule('7.11', '＜8', 'lower_is_better'),
      { 2023: 7.95 },
      'requirement_met',
      [
        { kind: 'near_limit', limit: 8, margin: 0.08, direction: 'down' },
        { kind: 'falling', baseline: 7.11, direction: 'down' },
      ],
    ],
    // #40 98.68 → 85, a floor the base year exceeded: 85.5 is 0.5 above it (≤ 0.85) and far below 98.68
    [
      '#40 康复服务覆盖率 at 85.5',
      rule('98.68', '85'),
      { 2023: 85.5 },
      'requirement_met',
      [
        { kind: 'near_limit', limit: 85, margin: 0.85, direction: 'up' },
        { kind: 'falling', baseline: 98.68, direction: 'up' },
      ],
    ],
    // #37 100 → 100 held exactly: nothing to warn of (it cannot be met with room to spare)
    ['#37 社工站覆盖率 at 100', rule('100', '100'), { 2023: 100 }, 'requirement_met', undefined],
    // #8 稳定在85以上: met in 2023 but broken in 2022, which the report must say
    [
      '#8 普惠性幼儿园 broken in 2022',
      rule('80.73', '稳定在85以上'),
      { 2021: 86, 2022: 84, 2023: 87 },
      'requirement_met',
      [{ kind: 'broken_before', limit: 85, years: [2022] }],
    ],
    // #30 — → 100, whole numbers: 99.6 is 100 as the plan prints, achieved, but the submitted 99.6 falls short
    [
      '#30 养老服务设施达标率 at 99.6',
      rule('—', '100'),
      { 2023: 99.6 },
      'achieved',
      [{ kind: 'met_by_rounding', submitted: 99.6, target: 100 }],
    ],
    // #2 79.5 reached from 77.8: a point target reached is achieved, not a requirement
    ['#2 人均预期寿命 at 79.6', rule('77.8', '79.5'), { 2023: 79.6 }, 'achieved', undefined],
    // #6 at 94.96: 95.0 at one decimal, which does not meet ＞95
    ['#6 疫苗接种率 at 94.96', rule('99.9', '＞95'), { 2023: 94.96 }, 'lagging', undefined],
  ])('%s', (_label, r, vals, status, warnings) => {
    const result = evaluateIndicator(r, values(vals), 2023, PERIOD, DEFAULT);
    expect(result.status).toBe(status);
    expect(result.warnings).toEqual(warnings);
  });

  it('takes the margin from the thresholds', () => {
    const wide = { ...DEFAULT, limitMargin: 0.05 };
    // 98.0 is 3 above ＞95, within 5 % of it (4.75)
    expect(evaluateIndicator(rule('99.9', '＞95'), values({ 2023: 98 }), 2023, PERIOD, wide).warnings).toContainEqual({
      kind: 'near_limit',
      limit: 95,
      margin: 4.75,
      direction: 'up',
    });
    // a cycle saved before the margin existed: 1 %
    const { limitMargin: _dropped, ...older } = DEFAULT;
    expect(evaluateIndicator(rule('99.9', '＞95'), values({ 2023: 95.5 }), 2023, PERIOD, older).warnings?.[0]).toEqual({
      kind: 'near_limit',
      limit: 95,
      margin: 0.95,
      direction: 'up',
    });
  });

  it('counts every status, requirements met apart from targets achieved', () => {
    expect(countByStatus(['achieved', 'requirement_met', 'requirement_met', 'lagging'])).toEqual({
      achieved: 1,
      requirement_met: 2,
      on_track: 0,
      slightly_behind: 0,
      lagging: 1,
      no_data: 0,
    });
  });
});
