import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePlan } from '../plan/plan-validation';
import type { AdjustmentOfRecord } from '../rules/target-in-force';
import { adjustmentRows, planInForce } from './targets-in-force';

const plan = validatePlan(
  JSON.parse(readFileSync(join(__dirname, '../../data/plans/heyuan-public-services-2021-2025.json'), 'utf8')),
);

const adjustment = (
  a: Partial<AdjustmentOfRecord> & Pick<AdjustmentOfRecord, 'id' | 'itemNo'>,
): AdjustmentOfRecord => ({
  itemKind: 'indicator',
  originalTarget: '',
  adjustedTarget: '',
  effectiveYear: 2024,
  reason: '按中期评估结果调整',
  approvedAt: '2024-03-01T00:00:00Z',
  approvals: [],
  ...a,
});
// Indicator 11 (11.05 → 11.76 years) lowered from 2024; project 1's plan-period investment (22029 万元) cut from 2025.
const ADJUSTMENTS = [
  adjustment({ id: 1, itemNo: 11, originalTarget: '11.76', adjustedTarget: '11.5' }),
  adjustment({
    id: 2,
    itemKind: 'project',
    itemNo: 1,
    originalTarget: '22029',
    adjustedTarget: '18000',
    effectiveYear: 2025,
  }),
];

describe('planInForce: the plan as an evaluated year judges it', () => {
  const indicator = (year: number) => planInForce(plan, ADJUSTMENTS, year).indicators.find((i) => i.no === 11)!;
  const project = (year: number) => planInForce(plan, ADJUSTMENTS, year).projects.find((p) => p.no === 1)!;

  it.each<[number, string, boolean]>([
    [2023, '11.76', false],
    [2024, '11.5', true],
    [2025, '11.5', true],
  ])('indicator 11 in %i: target %s, adjusted %s', (year, target, adjusted) => {
    const i = indicator(year);
    expect(i.target).toBe(target);
    expect(i.parsedTarget).toEqual({ kind: 'point', value: Number(target) });
    expect(i.adjusted ? i.adjusted : null).toEqual(
      adjusted ? { original: '11.76', originalEn: plan.indicators[10].targetEn ?? null, effectiveYear: 2024 } : null,
    );
  });

  it.each<[number, number]>([
    [2024, 22029],
    [2025, 18000],
  ])('project 1 in %i: plan-period investment %i', (year, investment) => {
    expect(project(year).planPeriodInvestment).toBe(investment);
  });

  it('leaves the plan itself as printed, and a plan without adjustments as it is', () => {
    planInForce(plan, ADJUSTMENTS, 2025);
    expect(plan.indicators.find((i) => i.no === 11)!.target).toBe('11.76');
    expect(planInForce(plan, [], 2025)).toBe(plan);
  });

  it('lists every adjustment with its item, unit and who approved it', () => {
    const approvals = [{ name: '张三', role: 'supervisor' as const, department: 'city-education', at: '2024-02-01' }];
    const rows = adjustmentRows(plan, [ADJUSTMENTS[1], { ...ADJUSTMENTS[0], approvals }], (code) =>
      code === 'city-education' ? '市教育局' : code,
    );
    expect(rows.map((r) => [r.itemKind, r.itemNo, r.name, r.unit, r.original, r.adjusted])).toEqual([
      ['indicator', 11, '劳动年龄人口平均受教育年限', '年', '11.76', '11.5'],
      ['project', 1, '河源职业技术学院教育建筑群', '万元', '22029', '18000'],
    ]);
    expect(rows[0].approvals).toEqual([{ name: '张三', unit: '市教育局', role: 'supervisor', at: '2024-02-01' }]);
  });
});
