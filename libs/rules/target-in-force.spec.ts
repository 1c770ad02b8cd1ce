import { adjustmentInForce, effectiveYearProblem, parseAdjustedTarget, type AdjustedTarget } from './target-in-force';
import type { Target } from './target';

const adjustment = (id: number, effectiveYear: number, approvedAt: string) => ({ id, effectiveYear, approvedAt });

describe('adjustmentInForce: the target an evaluated year is judged against', () => {
  const first = adjustment(1, 2024, '2024-03-01T00:00:00Z');
  const second = adjustment(2, 2025, '2024-09-01T00:00:00Z');
  const revisedEarlier = adjustment(3, 2024, '2025-01-10T00:00:00Z');
  it.each<[string, Array<ReturnType<typeof adjustment>>, number, number | null]>([
    ['no adjustment: the plan’s own', [], 2025, null],
    ['a year before the adjustment takes effect: the plan’s own', [first], 2023, null],
    ['its effective year: the adjustment', [first], 2024, 1],
    ['a later year: still the adjustment', [first], 2025, 1],
    ['two in force: the one approved later', [second, first], 2025, 2],
    ['the later approval not yet in effect: the earlier one', [second, first], 2024, 1],
    [
      'a later approval with an earlier effective year decides where both are in force',
      [first, second, revisedEarlier],
      2025,
      3,
    ],
    ['same approval time: the higher id', [adjustment(5, 2024, 'T'), adjustment(4, 2024, 'T')], 2024, 5],
  ])('%s', (_, adjustments, year, expected) => {
    expect(adjustmentInForce(adjustments, year)?.id ?? null).toBe(expected);
  });
});

describe('parseAdjustedTarget: an adjusted target read by the plan’s rules', () => {
  const point: Target = { kind: 'point', value: 11.76 };
  const total: Target = { kind: 'cumulative', total: 12.5 };
  const qualitative: Target = { kind: 'qualitative', goal: 'cover_all_eligible' };
  it.each<[string, Parameters<typeof parseAdjustedTarget>[0], string, AdjustedTarget | RegExp]>([
    [
      'a point',
      { kind: 'indicator', target: point },
      '11.5',
      { kind: 'indicator', target: { kind: 'point', value: 11.5 } },
    ],
    [
      'a bound in full-width',
      { kind: 'indicator', target: point },
      '≥１１.５',
      { kind: 'indicator', target: { kind: 'at_least', value: 11.5, strict: false } },
    ],
    [
      'a five-year total for a five-year total',
      { kind: 'indicator', target: total },
      '〔10〕',
      { kind: 'indicator', target: { kind: 'cumulative', total: 10 } },
    ],
    ['a five-year total for a yearly value', { kind: 'indicator', target: point }, '〔10〕', /yearly value/],
    ['a yearly value for a five-year total', { kind: 'indicator', target: total }, '10', /five-year total/],
    ['an unknown form', { kind: 'indicator', target: point }, '大约12', /not a form the plan prints/],
    ['a qualitative word for a figure', { kind: 'indicator', target: point }, '应保尽保', /not a form/],
    ['a qualitative target', { kind: 'indicator', target: qualitative }, '90', /qualitative target/],
    ['a project’s investment', { kind: 'project' }, ' 18000 ', { kind: 'project', investment: 18000 }],
    ['a project’s investment of 0', { kind: 'project' }, '0', /above 0/],
    ['a project’s investment in words', { kind: 'project' }, '一亿', /above 0/],
  ])('%s', (_, item, printed, expected) => {
    const parsed = parseAdjustedTarget(item, printed);
    if (expected instanceof RegExp) {
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.reason.en).toMatch(expected);
        expect(parsed.reason.zh).toMatch(/[\u4e00-\u9fff]/);
      }
    } else expect(parsed).toEqual({ ok: true, value: expected });
  });
});

describe('effectiveYearProblem: after the evaluated years, within the plan', () => {
  it.each<[number, boolean]>([
    [2023, false],
    [2024, true],
    [2025, true],
    [2026, false],
  ])('proposed at the mid-term 2021–2023, effective %i: allowed %s', (year, allowed) => {
    expect(effectiveYearProblem(year, { toYear: 2023 }, { endYear: 2025 }) === null).toBe(allowed);
  });
});
