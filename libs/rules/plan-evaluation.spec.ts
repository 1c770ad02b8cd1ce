import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanValidationError } from '../plan/localized';
import { validatePlan } from '../plan/plan-validation';
import { evaluatePlanIndicators, parseIndicatorValues, summarizeEvaluation } from './plan-evaluation';
import { THRESHOLD_PRESETS } from './thresholds';

const plan = validatePlan(
  JSON.parse(readFileSync(join(__dirname, '../../data/plans/heyuan-public-services-2021-2025.json'), 'utf8')),
);

describe('parseIndicatorValues', () => {
  it.each<[string, unknown, string]>([
    ['an unknown indicator', [{ indicator: 99, year: 2023, value: 1 }], '没有序号为99的指标'],
    ['a number for a qualitative target', [{ indicator: 7, year: 2023, value: 1 }], '指标7为定性目标'],
    ['a boolean for a numeric target', [{ indicator: 2, year: 2023, value: true }], '指标2需要数值（单位：岁）'],
    ['a year outside the plan', [{ indicator: 2, year: 2030, value: 79 }], '年份2030不在2020–2025之间'],
    [
      'a duplicate',
      [
        { indicator: 2, year: 2023, value: 79 },
        { indicator: 2, year: 2023, value: 78 },
      ],
      '指标2在2023年的数值重复',
    ],
    ['a value as text', [{ indicator: 2, year: 2023, value: '79' }], 'values[0.value]'],
    ['not an array', { indicator: 2 }, 'values[]'],
  ])('refuses %s with a message naming it', (_label, input, message) => {
    expect(() => parseIndicatorValues(input, plan)).toThrow(PlanValidationError);
    expect(() => parseIndicatorValues(input, plan)).toThrow(message);
  });
});

describe('evaluatePlanIndicators and the findings', () => {
  const values = parseIndicatorValues(
    [
      { indicator: 2, year: 2023, value: 78.9 }, // on track
      { indicator: 6, year: 2023, value: 94 }, // binding, ＞95 broken: lagging
      { indicator: 45, year: 2023, value: 50 }, // binding, slightly behind
      { indicator: 7, year: 2023, value: true }, // binding, achieved
      { indicator: 28, year: 2023, value: 40 }, // — → 60: on the path from 0 (expected 36)
      { indicator: 29, year: 2023, value: 55 }, // binding ≥55 met exactly: requirement met, warned
      { indicator: 33, year: 2023, value: 98 }, // binding, 394 (a percentage) → 100: below the floor the printed baseline held
    ],
    plan,
  );
  const evaluations = evaluatePlanIndicators(plan, values, 2023, THRESHOLD_PRESETS.time_elapsed);

  it('judges every indicator, unreported ones as no data', () => {
    expect(evaluations).toHaveLength(45);
    expect(evaluations.filter((e) => e.status !== 'no_data').map((e) => [e.no, e.status])).toEqual([
      [2, 'on_track'],
      [6, 'lagging'],
      [7, 'achieved'],
      [28, 'on_track'],
      [29, 'requirement_met'],
      [33, 'lagging'],
      [45, 'slightly_behind'],
    ]);
  });

  it('puts binding indicators behind their path first, and those without data apart', () => {
    const summary = summarizeEvaluation(evaluations);
    expect(summary.bindingNotOnTrack).toEqual([6, 33, 45]);
    expect(summary.bindingNoData).toHaveLength(16 - 5);
    expect(summary.byStatus).toEqual({
      achieved: 1,
      requirement_met: 1,
      on_track: 2,
      slightly_behind: 1,
      lagging: 2,
      no_data: 38,
    });
    expect(summary.warned).toEqual([29]);
  });

  it('judges at the precision the plan prints and states the assumptions it used', () => {
    const byNo = new Map(evaluations.map((e) => [e.no, e]));
    expect(byNo.get(2)).toMatchObject({ decimals: 1, expected: 78.8, ratio: 1.1, notes: [] });
    expect(byNo.get(29)).toMatchObject({
      decimals: 0,
      warnings: [{ kind: 'near_limit', limit: 55, margin: 0.55, direction: 'up' }],
      notes: [],
    });
    // — read as 0 only where the path was drawn from it
    expect(byNo.get(28)).toMatchObject({
      basis: 'path_from_zero',
      expected: 36,
      notes: [{ kind: 'baseline_taken_as_zero' }],
    });
    expect(byNo.get(36)).toMatchObject({ status: 'no_data', notes: [] });
    // 394 for a percentage: the data-quality rule's note travels with the row, reported or not
    const quality = {
      kind: 'baseline_quality',
      message: { zh: '指标33为百分比，数值394超过100', en: 'indicator 33 is a percentage; 394 is above 100' },
    };
    expect(byNo.get(33)).toMatchObject({ basis: 'floor_broken', notes: [quality] });
  });

  it('applies the traffic-light preset to the same data', () => {
    const lights = evaluatePlanIndicators(plan, values, 2023, THRESHOLD_PRESETS.traffic_light);
    expect(lights.find((e) => e.no === 45)?.status).toBe('on_track'); // ratio 0.9149 ≥ 0.8
  });
});
