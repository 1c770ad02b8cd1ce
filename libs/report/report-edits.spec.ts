import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { itemKey } from '../cycle/cycle-definition';
import { validatePlan } from '../plan/plan-validation';
import { THRESHOLD_PRESETS } from '../rules/thresholds';
import { buildCycleReport, type ApprovedSubmission } from './cycle-report';
import type { DraftedParagraph } from './report-drafts';
import { draftedSections, reportTextHash, withEdits, type TextEdits } from './report-edits';
import { reportOutline } from './report-outline';
import { REPORT_TEXT } from './report-text';

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
/** Mid-term 2021–2023: indicator 11 (binding) lagging, 19 already past its 2025 target; a department late. */
const figures = (approved = [indicator(11, 11.2), indicator(19, 31)]) =>
  buildCycleReport({
    cycle: { id: 'c', kind: 'midterm', fromYear: 2021, toYear: 2023 },
    plan: PLAN,
    approved,
    priorAnnual: [],
    outcomes: [{ department: 'city-education', total: 5, done: 5, timeliness: 'late', cancelled: false }],
    thresholds: THRESHOLD_PRESETS.time_elapsed,
  }).figures;

describe('the drafted sections: one per finding, keyed the same in both languages and every recompile', () => {
  const sections = draftedSections(figures());
  it.each<[string, string, RegExp, RegExp]>([
    ['problems.binding_behind', 'problems', /^约束性指标“劳动年龄人口平均受教育年限”（第11项）/, /^Binding indicators/],
    ['problems.reporting', 'problems', /市教育局逾期报送/, /reported late/],
    ['recommendations.binding', 'recommendations', /^紧盯约束性指标/, /^Focus on the binding indicators/],
    ['recommendations.monitoring', 'recommendations', /^强化规划实施的监测评估/, /^Keep monitoring the plan/],
    ['adjustments.indicator-11', 'adjustments', /按目前进度/, /At its present pace/],
    ['adjustments.indicator-19', 'adjustments', /已提前实现规划目标/, /has already reached its target/],
  ])('%s', (key, chapter, zh, en) => {
    const s = sections.find((x) => x.key === key);
    expect(s).toMatchObject({ chapter });
    expect(s!.drafted.zh).toMatch(zh);
    expect(s!.drafted.en).toMatch(en);
  });

  it('lists each key once, in the report’s order of chapters', () => {
    const keys = sections.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    const chapters = sections.map((s) => s.chapter);
    expect(chapters.indexOf('recommendations')).toBeGreaterThan(chapters.lastIndexOf('problems'));
    expect(chapters.indexOf('adjustments')).toBeGreaterThan(chapters.lastIndexOf('recommendations'));
  });

  it('keeps a finding’s key when its figures change, and drops the key of a finding gone', () => {
    // 11.5 puts indicator 11 back on its path: its problem and adjustment are no longer drafted.
    const recompiled = draftedSections(figures([indicator(11, 11.5), indicator(19, 31)])).map((s) => s.key);
    expect(recompiled).toContain('adjustments.indicator-19');
    expect(recompiled).not.toContain('problems.binding_behind');
    expect(recompiled).not.toContain('adjustments.indicator-11');
  });
});

describe('withEdits: the bureau’s text in place of the drafted, section by section', () => {
  const drafted: DraftedParagraph[] = [
    { key: 'problems.behind', text: '草拟一' },
    { key: 'problems.reporting', text: '草拟二' },
  ];
  it.each<[string, TextEdits, 'zh-CN' | 'en', string[]]>([
    ['no edit: the drafted text', {}, 'zh-CN', ['草拟一', '草拟二']],
    ['an edit in Chinese', { 'problems.behind': { zh: '修改一', en: 'Edit one' } }, 'zh-CN', ['修改一', '草拟二']],
    ['the same edit in English', { 'problems.behind': { zh: '修改一', en: 'Edit one' } }, 'en', ['Edit one', '草拟二']],
    [
      'an edit of a section gone: left out',
      { 'problems.warned': { zh: '旧', en: 'old' } },
      'zh-CN',
      ['草拟一', '草拟二'],
    ],
  ])('%s', (_label, edits, locale, expected) => {
    expect(withEdits(drafted, edits, locale)).toEqual(expected);
  });
});

describe('the report with edits', () => {
  const f = figures();
  const edits: TextEdits = {
    'problems.reporting': { zh: '市教育局报送偏晚，已约谈。', en: 'Education reported late.' },
  };

  it('writes the edit in the drafted chapter, numbered as the drafted paragraph was', () => {
    const paragraphs = (locale: 'zh-CN' | 'en') =>
      reportOutline(REPORT_TEXT[locale], f, edits)
        .filter((c) => c.drafted)
        .flatMap((c) => c.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])));
    expect(paragraphs('zh-CN')).toContainEqual(expect.stringMatching(/^（[一二三四五六]）市教育局报送偏晚，已约谈。$/));
    expect(paragraphs('zh-CN').join()).not.toContain('逾期报送');
    expect(paragraphs('en')).toContainEqual(expect.stringMatching(/^\(\d\) Education reported late\.$/));
  });

  it.each<[string, boolean, TextEdits]>([
    ['no edit', true, {}],
    ['an edit', false, edits],
    ['an edit of a section gone', true, { 'problems.warned': { zh: '旧', en: 'old' } }],
  ])('the text hash with %s is the drafted text’s: %s', (_label, same, e) => {
    expect(reportTextHash(f, e) === reportTextHash(f, {})).toBe(same);
  });
});
