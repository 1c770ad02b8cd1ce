import { evaluateIndicator, type IndicatorRule, type ProgressStatus } from './progress';
import { parseBaseline, parseTarget } from './target';
import { THRESHOLD_PRESETS } from './thresholds';

const PERIOD = { baselineYear: 2020, endYear: 2025 };
const DEFAULT = THRESHOLD_PRESETS.time_elapsed;

function rule(baseline: string, target: string, polarity: IndicatorRule['polarity'] = 'higher_is_better'): IndicatorRule {
  const b = parseBaseline(baseline);
  const t = parseTarget(target);
  if (!b.ok || !t.ok) throw new Error('bad fixture');
  return { baseline: b.value, target: t.value, polarity };
}
const values = (entries: Record<number, number | boolean>) => new Map(Object.entries(entries).map(([y, v]) => [Number(y), v]));

describe('status boundaries of the two presets (a point target 0 → 100 at 2025, ratio = value / 100)', () => {
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
    const result = evaluateIndicator(rule('0', '100'), values({ 2025: value }), 2025, PERIOD, THRESHOLD_PRESETS[preset]);
    expect(result.status).toBe(status);
  });

  it('is on track exactly at ratio 1.0 and not rounded into it from 0.99994', () => {
    expect(evaluateIndicator(rule('0', '100'), values({ 2021: 20 }), 2021, PERIOD, DEFAULT)).toMatchObject({ ratio: 1, status: 'on_track' });
    expect(evaluateIndicator(rule('0', '100'), values({ 2021: 19.9988 }), 2021, PERIOD, DEFAULT).status).toBe('slightly_behind');
  });
});

/**
 * A worked mid-term example: Heyuan indicators at year 2023, elapsed = (2023 − 2020) / 5 = 0.6.
 * Each row's figures are computed by hand in its comment.
 */
describe('mid-term 2023 for Heyuan indicators', () => {
  it.each<[string, IndicatorRule, Record<number, number | boolean>, { status: ProgressStatus; expected: number | null; ratio: number | null }]>([
    // #2 life expectancy 77.8 → 79.5: expected 77.8 + 1.7 × 0.6 = 78.82; ratio (78.9 − 77.8) / 1.02 = 1.0784
    ['#2 人均预期寿命', rule('77.8', '79.5'), { 2023: 78.9 }, { status: 'on_track', expected: 78.82, ratio: 1.0784 }],
    // #3 urbanisation 48.5 → 53.5: expected 48.5 + 5 × 0.6 = 51.5; ratio 2.4 / 3 = 0.8 exactly: slightly behind
    ['#3 常住人口城镇化率', rule('48.5', '53.5'), { 2023: 50.9 }, { status: 'slightly_behind', expected: 51.5, ratio: 0.8 }],
    // #5 nursery places 0.94 → 5.00: expected 0.94 + 4.06 × 0.6 = 3.376; ratio 1.56 / 2.436 = 0.6404
    ['#5 托位数', rule('0.94', '5.00'), { 2023: 2.5 }, { status: 'lagging', expected: 3.376, ratio: 0.6404 }],
    // #13 new urban jobs 〔12.5〕: expected 12.5 × 0.6 = 7.5; sum 2.6 + 2.4 + 2.5 = 7.5; ratio 1.0
    ['#13 城镇新增就业（累计）', rule('〔20.27〕', '〔12.5〕'), { 2021: 2.6, 2022: 2.4, 2023: 2.5 }, { status: 'on_track', expected: 7.5, ratio: 1 }],
    // #13 with 2022 missing: the sum cannot be formed
    ['#13 missing a year', rule('〔20.27〕', '〔12.5〕'), { 2021: 2.6, 2023: 2.5 }, { status: 'no_data', expected: 7.5, ratio: null }],
    // #22 beds 6.57 → 6 is a floor: 6.7 ≥ 6 is achieved...
    ['#22 床位数 above the floor', rule('6.57', '6'), { 2023: 6.7 }, { status: 'achieved', expected: null, ratio: null }],
    // ...and 5.8 < 6 breaks it, whatever the straight line from 6.57 to 6 would say
    ['#22 床位数 below the floor', rule('6.57', '6'), { 2023: 5.8 }, { status: 'lagging', expected: 6, ratio: null }],
    // #14 unemployment 4.0以内: 3.1 ≤ 4.0
    ['#14 城镇登记失业率', rule('2.6', '4.0以内', 'lower_is_better'), { 2023: 3.1 }, { status: 'achieved', expected: null, ratio: null }],
    // #20 maternal mortality ＜8 held in 2020 (7.11); 9.2 breaks the bound
    ['#20 孕产妇死亡率', rule('7.11', '＜8', 'lower_is_better'), { 2023: 9.2 }, { status: 'lagging', expected: 8, ratio: null }],
    // #6 vaccination ＞95 is strict: exactly 95 does not meet it, and 2020's 99.9 did
    ['#6 疫苗接种率 at 95', rule('99.9', '＞95'), { 2023: 95 }, { status: 'lagging', expected: 95, ratio: null }],
    // #45 emergency broadcast 1.32 → ≥90: expected 1.32 + 88.68 × 0.6 = 54.528; ratio 48.68 / 53.208 = 0.9149
    ['#45 应急广播覆盖率', rule('1.32', '≥90'), { 2023: 50 }, { status: 'slightly_behind', expected: 54.528, ratio: 0.9149 }],
    // #1 population 283.56 → 286.31, a projection: expected 283.56 + 2.75 × 0.6 = 285.21; ratio 1.64 / 1.65 = 0.9939
    ['#1 常住人口 near the path', rule('283.56', '286.31', 'projection'), { 2023: 285.2 }, { status: 'on_track', expected: 285.21, ratio: 0.9939 }],
    // ...and 290 is far above the path (ratio 6.44 / 1.65 = 3.903): more is not better
    ['#1 常住人口 far above', rule('283.56', '286.31', 'projection'), { 2023: 290 }, { status: 'lagging', expected: 285.21, ratio: 3.903 }],
    // #28 '—' → 60: no base-year figure, the path starts from 0: expected 36; ratio 40 / 36 = 1.1111
    ['#28 养老服务设施覆盖率', rule('—', '60'), { 2023: 40 }, { status: 'on_track', expected: 36, ratio: 1.1111 }],
    // #37 100 → 100 is a level to hold: 98 of 100 held, ratio 0.98
    ['#37 社工站覆盖率', rule('100', '100'), { 2023: 98 }, { status: 'slightly_behind', expected: 100, ratio: 0.98 }],
    // #23 nurses 3.17 → 3.5-4.0: towards 3.5, expected 3.17 + 0.33 × 0.6 = 3.368; ratio 0.23 / 0.198 = 1.1616
    ['#23 注册护士数', rule('3.17', '3.5-4.0'), { 2023: 3.4 }, { status: 'on_track', expected: 3.368, ratio: 1.1616 }],
    ['#23 注册护士数 in range', rule('3.17', '3.5-4.0'), { 2023: 3.8 }, { status: 'achieved', expected: null, ratio: null }],
    // #7 应保尽保 and #12 动态清零 are achieved or not
    ['#7 应保尽保 yes', rule('100', '应保尽保'), { 2023: true }, { status: 'achieved', expected: null, ratio: null }],
    ['#12 动态清零 no', rule('动态清零', '动态清零', 'lower_is_better'), { 2023: false }, { status: 'lagging', expected: null, ratio: null }],
    ['#16 no value submitted', rule('27.24', '28'), {}, { status: 'no_data', expected: null, ratio: null }],
  ])('%s', (_label, r, vals, expected) => {
    const result = evaluateIndicator(r, values(vals), 2023, PERIOD, DEFAULT);
    expect(result.status).toBe(expected.status);
    const round = (n: number | null, places: number) => (n === null ? null : Math.round(n * 10 ** places) / 10 ** places);
    expect(round(result.expected, 6)).toEqual(expected.expected);
    expect(round(result.ratio, 4)).toEqual(expected.ratio);
  });

  it('#8 稳定在85以上 is checked in every year: a year below the floor is reported', () => {
    const result = evaluateIndicator(rule('80.73', '稳定在85以上'), values({ 2021: 86, 2022: 84, 2023: 87 }), 2023, PERIOD, DEFAULT);
    expect(result).toMatchObject({ status: 'achieved', breaches: [2022] });
  });

  it('refuses a year outside the plan period', () => {
    expect(() => evaluateIndicator(rule('1', '2'), values({}), 2020, PERIOD, DEFAULT)).toThrow(RangeError);
    expect(() => evaluateIndicator(rule('1', '2'), values({}), 2026, PERIOD, DEFAULT)).toThrow(RangeError);
  });
});
