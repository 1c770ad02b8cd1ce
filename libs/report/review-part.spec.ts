import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { itemKey } from '../cycle/cycle-definition';
import { validatePlan } from '../plan/plan-validation';
import { THRESHOLD_PRESETS } from '../rules/thresholds';
import { buildCycleReport, type ApprovedSubmission } from './cycle-report';
import { reviewPart } from './review-part';

const PLAN = validatePlan(
  JSON.parse(readFileSync(join(__dirname, '../../data/plans/heyuan-public-services-2021-2025.json'), 'utf8')),
);
const indicator = (no: number, value: number): ApprovedSubmission => ({
  itemKey: itemKey('indicator', no),
  version: 1,
  submittedBy: 's@x',
  approvedBy: 'v@x',
  payload: { kind: 'indicator', value, dataSource: '统计年报' },
});
/** Mid-term 2021–2023: indicator 11 (binding, 市教育局) lagging, 19 past its 2025 target; 市卫生健康局 late. */
const { figures } = buildCycleReport({
  cycle: { id: 'c', kind: 'midterm', fromYear: 2021, toYear: 2023 },
  plan: PLAN,
  approved: [indicator(11, 11.2), indicator(19, 31)],
  priorAnnual: [],
  outcomes: [{ department: 'city-health', total: 5, done: 5, timeliness: 'late', cancelled: false }],
  thresholds: THRESHOLD_PRESETS.time_elapsed,
});

describe('a department’s part of the report out for comments', () => {
  it.each<[string, { name: string; nameEn?: string }, string[], 'zh-CN' | 'en', string[], RegExp[]]>([
    [
      'its items’ rows as judged, and the findings naming one of its indicators',
      { name: '市教育局' },
      ['indicator-11', 'indicator-12'],
      'zh-CN',
      ['indicator-11', 'indicator-12'],
      [/^约束性指标.*（第11项）/, /^紧盯约束性指标/, /（第11项）按目前进度/],
    ],
    [
      'the finding that names the department itself',
      { name: '市卫生健康局' },
      [],
      'zh-CN',
      [],
      [/市卫生健康局逾期报送/],
    ],
    ['nothing for a department the report says nothing of', { name: '市档案馆' }, [], 'zh-CN', [], []],
    [
      'keys the report has no row for are left out',
      { name: '市教育局' },
      ['indicator-999', 'not-a-key'],
      'zh-CN',
      [],
      [],
    ],
    [
      'in English, by the English name and mentions',
      { name: '市教育局', nameEn: 'Municipal Education Bureau' },
      ['indicator-11'],
      'en',
      ['indicator-11'],
      [/^Binding indicators.*\(no\. 11\)/, /^Focus on the binding indicators/, /\(no\. 11\) will achieve only/],
    ],
  ])('%s', (_, department, keys, locale, rows, findings) => {
    const part = reviewPart(figures, department, keys, locale);
    expect(part.rows.map((r) => r.key)).toEqual(rows);
    expect(part.findings).toHaveLength(findings.length);
    findings.forEach((f, i) => expect(part.findings[i]).toMatch(f));
  });

  it('gives each row the title and the status the report printed', () => {
    const [row] = reviewPart(figures, { name: '市教育局' }, ['indicator-11']).rows;
    const printed = figures.indicators.find((i) => i.no === 11)!;
    expect(row).toEqual({ key: 'indicator-11', title: '劳动年龄人口平均受教育年限', status: printed.status });
  });
});
