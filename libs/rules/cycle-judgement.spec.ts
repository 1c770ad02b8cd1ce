import { isBehind, judgeCycleValue, lastApproved, type CycleValue } from './cycle-judgement';
import type { IndicatorRule, ProgressStatus } from './progress';
import { THRESHOLD_PRESETS } from './thresholds';

const period = { baselineYear: 2020, endYear: 2025 };
const thresholds = THRESHOLD_PRESETS.time_elapsed;
/** Indicator 8: 普惠性幼儿园在园幼儿数比重, 80.73 → 稳定在85以上 (binding). */
const kindergartens: IndicatorRule = {
  target: { kind: 'stay_at_least', value: 85 },
  baseline: { kind: 'value', value: 80.73 },
  polarity: 'higher_is_better',
  decimals: 2,
};
/** Indicator 13: 城镇新增就业人数 〔12.5〕 over five years. */
const newJobs: IndicatorRule = {
  target: { kind: 'cumulative', total: 12.5 },
  baseline: { kind: 'cumulative', total: 20.27 },
  polarity: 'higher_is_better',
  decimals: 1,
};
const annual = (toYear: number) => ({ kind: 'annual' as const, toYear });
const midterm = { kind: 'midterm' as const, toYear: 2023 };

describe('judgeCycleValue: a cycle’s value judged as the report judges it', () => {
  it.each<[string, Omit<CycleValue, 'period' | 'thresholds'>, ProgressStatus, number | null]>([
    [
      '70 % against 81.58 expected in 2021',
      { rule: kindergartens, cycle: annual(2021), value: 70, prior: [] },
      'lagging',
      81.58,
    ],
    ['on the path', { rule: kindergartens, cycle: annual(2021), value: 81.6, prior: [] }, 'on_track', 81.58],
    ['the floor held', { rule: kindergartens, cycle: annual(2023), value: 86, prior: [] }, 'requirement_met', null],
    [
      'an annual cumulative value is added to the years approved before',
      {
        rule: newJobs,
        cycle: annual(2023),
        value: 2.4,
        prior: [
          [2021, 2.6],
          [2022, 2.5],
        ],
      },
      'on_track',
      7.5,
    ],
    [
      'an annual cumulative value with an earlier year missing has no data',
      { rule: newJobs, cycle: annual(2023), value: 2.4, prior: [[2021, 2.6]] },
      'no_data',
      7.5,
    ],
    ['a mid-term collects the total so far', { rule: newJobs, cycle: midterm, value: 7.5, prior: [] }, 'on_track', 7.5],
    ['a mid-term total short of the path', { rule: newJobs, cycle: midterm, value: 5, prior: [] }, 'lagging', 7.5],
    ['nothing submitted', { rule: kindergartens, cycle: annual(2021), value: undefined, prior: [] }, 'no_data', null],
  ])('%s', (_, input, status, expected) => {
    const p = judgeCycleValue({ ...input, period, thresholds });
    expect({ status: p.status, expected: p.expected }).toEqual({ status, expected });
  });

  it('recalls a year a 稳定在…以上 floor was broken', () => {
    const p = judgeCycleValue({
      rule: kindergartens,
      cycle: annual(2023),
      value: 86,
      prior: [[2022, 84]],
      period,
      thresholds,
    });
    expect(p.warnings).toEqual([expect.objectContaining({ kind: 'broken_before', years: [2022] })]);
  });
});

describe('isBehind', () => {
  it.each<[ProgressStatus, boolean]>([
    ['lagging', true],
    ['slightly_behind', true],
    ['on_track', false],
    ['achieved', false],
    ['requirement_met', false],
    ['no_data', false],
  ])('%s → %s', (status, behind) => expect(isBehind(status)).toBe(behind));
});

describe('lastApproved: what a new value is compared with', () => {
  it.each<[string, IndicatorRule, number, Array<[number, number]>, ReturnType<typeof lastApproved>]>([
    [
      'the latest earlier year',
      kindergartens,
      2023,
      [
        [2021, 82],
        [2022, 83],
      ],
      { year: 2022, value: 83 },
    ],
    [
      'not the cycle’s own year',
      kindergartens,
      2022,
      [
        [2021, 82],
        [2022, 83],
      ],
      { year: 2021, value: 82 },
    ],
    ['the base year before any', kindergartens, 2021, [], { year: 2020, value: 80.73 }],
    ['none for a yearly part of a cumulative target', newJobs, 2023, [[2022, 2.5]], null],
    ['none without a base-year figure', { ...kindergartens, baseline: { kind: 'none' } }, 2021, [], null],
  ])('%s', (_, rule, toYear, prior, expected) => expect(lastApproved(rule, toYear, prior, period)).toEqual(expected));
});
