import { checkValueQuality, DEFAULT_QUALITY_CONFIG, type QualityRule } from './data-quality';

describe('checkValueQuality', () => {
  it.each<[string, { no: number; unit: string }, number, number | null, Array<[QualityRule, boolean]>]>([
    ['indicator 33’s printed 394 %', { no: 33, unit: '%' }, 394, null, [['percentage_over_100', true]]],
    ['a plausible percentage', { no: 31, unit: '%' }, 70.2, 65.71, []],
    ['exactly 100 %', { no: 37, unit: '%' }, 100, 100, []],
    [
      'a negative count',
      { no: 16, unit: '万人' },
      -3,
      27.24,
      [
        ['negative_value', true],
        ['sharp_change', false],
      ],
    ],
    [
      'a life expectancy of 130',
      { no: 2, unit: '岁' },
      130,
      78,
      [
        ['outside_plausible_range', false],
        ['sharp_change', false],
      ],
    ],
    ['a jump of 60 % on last year', { no: 18, unit: '万人' }, 505.6, 316, [['sharp_change', false]]],
    ['a change of exactly 50 %', { no: 18, unit: '万人' }, 474, 316, []],
    ['no last year to compare', { no: 28, unit: '%' }, 40, null, []],
  ])('%s', (_label, indicator, value, previous, expected) => {
    expect(checkValueQuality(indicator, value, previous).map((f) => [f.rule, f.blocking])).toEqual(expected);
  });

  it('blocks only what the configuration says', () => {
    const config = { ...DEFAULT_QUALITY_CONFIG, blocking: ['sharp_change' as const] };
    expect(checkValueQuality({ no: 33, unit: '%' }, 394, 100, config).map((f) => [f.rule, f.blocking])).toEqual([
      ['percentage_over_100', false],
      ['sharp_change', true],
    ]);
  });

  it('says what is wrong in Chinese first', () => {
    expect(checkValueQuality({ no: 33, unit: '%' }, 394, null)[0].message.zh).toBe('指标33为百分比，数值394超过100');
  });
});
