/**
 * The report's chapters as a bureau circulates them: numbered in the order of
 * Chinese plan evaluation reports, the main targets judged from their
 * indicators, each task with its narrative and its co-operating departments
 * (a group-led task reported by every member it resolved to), and the drafted
 * chapters (存在的主要问题, 对策建议 and 规划调整建议) drafted from the findings.
 * Mid-term 2021–2023: elapsed 0.6; figures computed by hand in the comments.
 */
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { itemKey } from '@libs/cycle/cycle-definition';
import { buildCycleReport, type ApprovedSubmission } from '@libs/report/cycle-report';
import { draftChapters, type DraftedChapters } from '@libs/report/report-drafts';
import { reportOutline } from '@libs/report/report-outline';
import { REPORT_TEXT } from '@libs/report/report-text';
import { THRESHOLD_PRESETS } from '@libs/rules/thresholds';
import { HEYUAN_PLAN_FILE } from '../support/plans';

const approved = (itemKey: string, payload: ApprovedSubmission['payload']): ApprovedSubmission => ({
  itemKey,
  version: 1,
  submittedBy: 's@x',
  approvedBy: 'v@x',
  payload,
});
const indicator = (no: number, value: number) =>
  approved(itemKey('indicator', no), { kind: 'indicator', value, dataSource: '统计年报' });
const COUNTIES = ['dongyuan', 'heping', 'lianping'];
/** The drafted chapters' paragraphs as text (each is keyed by its finding for the bureau's edits). */
const texts = ({ notice, ...chapters }: DraftedChapters) => ({
  notice,
  ...(Object.fromEntries(Object.entries(chapters).map(([c, ps]) => [c, ps.map((p) => p.text)])) as Record<
    keyof typeof chapters,
    string[]
  >),
});

async function figures() {
  return buildCycleReport({
    cycle: { id: 'c', kind: 'midterm', fromYear: 2021, toYear: 2023 },
    plan: await readPlanFile(HEYUAN_PLAN_FILE),
    approved: [
      // 11.05 → 11.76 (binding): expected 11.476, 11.48 at the plan's two decimals; 11.2 is 0.15 / 0.43 = 0.3488 of the path:
      // lagging, and at that pace 34.9 % of the change by 2025
      indicator(11, 11.2),
      // 23 → 30: 31 already beyond the 2025 target in 2023: ahead
      indicator(19, 31),
      // 48.5 → 53.5: expected 51.5; 51.6 is 3.1 / 3 = 1.0333: on track, nothing to propose
      indicator(3, 51.6),
      approved('task-46', { kind: 'task', progress: 'in_progress', narrative: '各县区成立工作专班' }),
    ],
    priorAnnual: [],
    outcomes: [
      { department: 'city-education', total: 5, done: 5, timeliness: 'late', cancelled: false },
      { department: 'city-veterans', total: 4, done: 0, timeliness: 'missing', cancelled: false },
    ],
    thresholds: THRESHOLD_PRESETS.time_elapsed,
    // 县（区）人民政府（管委会） resolved at launch to three counties: the first leads, the others co-operate.
    assignments: [{ itemKey: 'task-46', department: COUNTIES[0], coDepartments: COUNTIES.slice(1) }],
    contributions: [{ itemKey: 'task-46', department: 'heping', text: '和平县已印发实施方案' }],
  }).figures;
}

describe('the report’s chapters', () => {
  it('judges each main target from the indicators that measure it', async () => {
    const f = await figures();
    const target = (no: number) => f.targets.find((x) => x.no === no)!;
    // 9: 劳动年龄人口平均受教育年限达11.76年, measured by indicator 11
    expect(target(9)).toMatchObject({ indicators: [11], status: 'lagging' });
    expect(target(17)).toMatchObject({ indicators: [19], status: 'achieved' });
    expect(target(2)).toMatchObject({ indicators: [3], status: 'on_track' });
    expect(target(1)).toMatchObject({ indicators: [2], status: 'no_data' });
    expect(f.targets).toHaveLength(43);
  });

  it('prints a group-led task as reported by its members: who contributed and who did not', async () => {
    const f = await figures();
    const task = f.tasks.find((x) => x.no === 46)!;
    expect(task).toMatchObject({
      leadDepartment: '东源县',
      narrative: '各县区成立工作专班',
      contributions: [
        { department: '和平县', text: '和平县已印发实施方案' },
        { department: '连平县', text: null },
      ],
    });
    const zh = REPORT_TEXT['zh-CN'];
    expect(zh.contributions(f, task)).toBe(
      '配合单位2个，已提供情况1个：和平县：和平县已印发实施方案。未提供：连平县。',
    );
    expect(REPORT_TEXT.en.contributions(f, task)).toBe(
      '2 co-operating department(s), 1 contributed: Heping County: 和平县已印发实施方案. Not contributed: Lianping County.',
    );
  });

  it('drafts the problems and recommendations from the findings, and the adjustments from the pace', async () => {
    const f = await figures();
    expect(f.adjustments).toEqual([
      { kind: 'unreachable', indicator: 11, projectedShare: 0.3488 },
      { kind: 'ahead', indicator: 19, ratio: null },
    ]);
    const zh = texts(draftChapters(f, 'zh-CN'));
    expect(zh.problems).toEqual(
      expect.arrayContaining([
        '约束性指标“劳动年龄人口平均受教育年限”（第11项）未达到时序进度，是本次评估最突出的问题。',
        '部分部门报送不够及时：市教育局逾期报送；市退役军人事务局未按要求报送，共42项指标无数据。',
      ]),
    );
    expect(zh.recommendations[0]).toContain('紧盯约束性指标：对“劳动年龄人口平均受教育年限”（第11项）');
    expect(zh.recommendations).toContain(
      '压实监测报送责任：将报送及时性和数据质量纳入部门目标责任考核，逾期未报的部门限期补报。',
    );
    expect(zh.adjustments).toEqual([
      '“劳动年龄人口平均受教育年限”（第11项）按目前进度，到2025年规划期末仅能实现规划增量的34.9%，建议牵头单位分析原因、加大力度；确属目标设定不合理的，按程序提出调整建议。',
      '“居民健康素养水平”（第19项）已提前实现规划目标（目标30，本期2023年），建议在规划调整时研究适当提高目标。',
    ]);
    const en = texts(draftChapters(f, 'en'));
    expect(en.notice).toMatch(/^\[Draft\]/);
    expect(en.problems.join(' ')).toContain('Municipal Education Bureau reported late');
  });

  it('numbers the chapters in the customary order and marks the drafted ones', async () => {
    const f = await figures();
    const outline = reportOutline(REPORT_TEXT['zh-CN'], f);
    expect(outline.map((c) => [c.title, c.drafted])).toEqual([
      ['一、总体评价', false],
      ['二、主要指标完成情况', false],
      ['三、主要任务进展', false],
      ['四、重大项目推进', false],
      ['五、基本公共服务落实', false],
      ['六、存在的主要问题', true],
      ['七、对策建议和规划调整建议', true],
      ['附表', false],
    ]);
    const indicators = outline[1].blocks.flatMap((b) => (b.kind === 'section' ? [b.title] : []));
    expect(indicators).toEqual([
      '（一）约束性指标',
      '（二）各领域指标',
      '（三）滞后指标原因分析及下一步措施',
      '（四）达到目标要求但须预警的指标',
      '（五）指标数据说明',
      '（六）主要目标实现情况',
    ]);
    // The binding chart covers every binding indicator (18 in the plan), not only those with a ratio.
    const binding = outline[1].blocks.find((b) => b.kind === 'chart')!;
    expect(binding.kind === 'chart' && (binding.chart.option.yAxis as { data: string[] }).data).toHaveLength(
      f.indicators.filter((i) => i.attribute === 'binding').length,
    );
    expect(reportOutline(REPORT_TEXT.en, f).map((c) => c.title)).toEqual([
      '1. Overall assessment',
      '2. Main indicators',
      '3. Main tasks',
      '4. Major projects',
      '5. Basic public services',
      '6. Main problems',
      '7. Recommendations and proposed adjustments to the plan',
      'Annex tables',
    ]);
  });
});
