/**
 * The report from a frozen snapshot, in every format and both languages,
 * opened and read back: the figures, statuses and totals in the files are what
 * the snapshot says, the same snapshot gives the same hash, and markup in a
 * narrative stays text.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { buildCycleReport, type ApprovedSubmission, type SnapshotInput } from '@libs/report/cycle-report';
import { writeReportFiles } from '@libs/report/report-files';
import { REPORT_TEXT } from '@libs/report/report-text';
import { THRESHOLD_PRESETS } from '@libs/rules/thresholds';
import { HEYUAN_ISSUER, HEYUAN_PLAN_FILE } from '../support/plans';

const HOSTILE = '<b>疫苗供应短缺</b><script>alert(1)</script>';
const approved: ApprovedSubmission[] = [
  {
    itemKey: 'indicator-1',
    version: 1,
    submittedBy: 's@stats',
    approvedBy: 'v@stats',
    payload: { kind: 'indicator', value: 285.2, dataSource: '抽样调查' },
  },
  {
    itemKey: 'indicator-6',
    version: 2,
    submittedBy: 's@health',
    approvedBy: 'v@health',
    payload: { kind: 'indicator', value: 94, dataSource: '免疫规划系统', reasons: HOSTILE, measures: '加强疫苗调配' },
  },
  {
    itemKey: 'indicator-11',
    version: 1,
    submittedBy: 's@edu',
    approvedBy: 'v@edu',
    payload: {
      kind: 'indicator',
      value: 11.4,
      dataSource: '教育统计',
      reasons: '高等教育扩招滞后',
      measures: '扩大职业教育',
    },
  },
  {
    itemKey: 'indicator-13',
    version: 1,
    submittedBy: 's@hr',
    approvedBy: 'v@hr',
    payload: { kind: 'indicator', value: 7, dataSource: '就业统计' },
  },
  {
    itemKey: 'indicator-17',
    version: 1,
    submittedBy: 's@hr',
    approvedBy: 'v@hr',
    payload: { kind: 'indicator', value: 40, dataSource: '社保统计' },
  },
  {
    itemKey: 'task-1',
    version: 1,
    submittedBy: 's@drc',
    approvedBy: 'v@drc',
    payload: { kind: 'task', progress: 'in_progress', narrative: '标准体系已印发' },
  },
  {
    itemKey: 'task-2',
    version: 3,
    submittedBy: 's@drc',
    approvedBy: 'v@drc',
    payload: { kind: 'task', progress: 'not_started', narrative: '待省级文件出台' },
  },
  {
    itemKey: 'project-1',
    version: 1,
    submittedBy: 's@poly',
    approvedBy: 'v@poly',
    payload: {
      kind: 'project',
      investmentInPeriod: 5000,
      investmentCumulative: 11014.5,
      constructionStatus: 'under_construction',
      landSecured: true,
    },
  },
  // Reserve projects (附件4) are numbered apart from the planned ones: reserve-1 is not project-1.
  {
    itemKey: 'reserve-1',
    version: 2,
    submittedBy: 's@edu',
    approvedBy: 'v@edu',
    payload: { kind: 'reserve', stage: 'moved_into_plan', narrative: '2022年调入市重点项目计划' },
  },
  {
    itemKey: 'reserve-2',
    version: 1,
    submittedBy: 's@edu',
    approvedBy: 'v@edu',
    payload: { kind: 'reserve', stage: 'preparing', narrative: '已完成可行性研究报告' },
  },
];

async function snapshot(overrides: Partial<SnapshotInput> = {}): Promise<SnapshotInput> {
  return {
    cycle: {
      id: 'cycle/heyuan-public-services-2021-2025/midterm/2021-2023',
      kind: 'midterm',
      fromYear: 2021,
      toYear: 2023,
    },
    plan: await readPlanFile(HEYUAN_PLAN_FILE),
    approved,
    priorAnnual: [],
    outcomes: [
      { department: 'city-health', total: 19, done: 19, timeliness: 'late', cancelled: false },
      { department: 'city-statistics', total: 2, done: 2, timeliness: 'on_time', cancelled: false },
    ],
    thresholds: THRESHOLD_PRESETS.time_elapsed,
    ...overrides,
  };
}

describe('the evaluation report', () => {
  it('judges the snapshot: binding indicators first, each figure with its source', async () => {
    const { figures } = buildCycleReport(await snapshot());
    expect(figures.indicators.slice(0, 16).every((i) => i.attribute === 'binding')).toBe(true);
    expect(figures.summary.bindingNotOnTrack).toEqual([6, 11]);
    const byNo = new Map(figures.indicators.map((i) => [i.no, i]));
    // #6 ＞95 held in 2020 (99.9); 94 breaks it.
    expect(byNo.get(6)).toMatchObject({
      status: 'lagging',
      value: 94,
      source: { version: 2, submittedBy: 's@health', approvedBy: 'v@health' },
    });
    // #11 11.05 → 11.76, printed with two decimals: expected 11.05 + 0.71 × 0.6 = 11.476, 11.48 as printed; ratio (11.4 − 11.05) / 0.43 = 0.814.
    expect(byNo.get(11)).toMatchObject({ status: 'slightly_behind', expected: 11.48, ratio: 0.814 });
    // #17 35.02 → 42: expected 35.02 + 6.98 × 0.6 = 39.208, 39.21 as printed; ratio (40 − 35.02) / 4.19 = 1.1885.
    expect(byNo.get(17)).toMatchObject({ status: 'on_track', expected: 39.21, ratio: 1.1885 });
    // #13 〔12.5〕 collected as its total so far at mid-term: 7 against 12.5 × 0.6 = 7.5, ratio 0.9333.
    expect(byNo.get(13)).toMatchObject({ status: 'slightly_behind', expected: 7.5 });
    expect(byNo.get(13)!.ratio).toBeCloseTo(0.9333, 4);
    expect(figures.projects[0]).toMatchObject({
      no: 1,
      planPeriodInvestment: 22029,
      investmentCumulative: 11014.5,
      completionShare: 0.5,
      constructionStatus: 'under_construction',
    });
    // 41 planned projects, 1,085,769.7 (10k yuan) planned as the plan prints it; 11,014.5 / 1,085,769.7 = 1.01%.
    // Project 1 at mid-term: 50 % of its 22,029 invested at 60 % of the time, a ratio of 0.8333: slightly behind.
    expect(figures.projects[0]).toMatchObject({ status: 'slightly_behind', ratio: 0.8333, flags: [] });
    expect(figures.summary.projects).toEqual({
      count: 41,
      reported: 1,
      planPeriodInvestment: 1085769.7,
      investmentCumulative: 11014.5,
      completionShare: 0.0101,
      byStatus: { achieved: 0, requirement_met: 0, on_track: 0, slightly_behind: 1, lagging: 0, no_data: 40 },
      flagged: 0,
      elapsed: 0.6,
    });
    // Last year's report had more money and the project completed: both contradictions are flagged for the bureau.
    const queried = buildCycleReport(
      await snapshot({
        priorProjects: [
          { project: 1, year: 2022, report: { investmentCumulative: 12_000, constructionStatus: 'completed' } },
        ],
      }),
    ).figures;
    expect(queried.projects[0].flags).toEqual(['status_regressed', 'investment_decreased']);
    expect(queried.summary.projects.flagged).toBe(1);
    // Tasks at mid-term (elapsed 0.6): in progress is on track, not started is lagging, the other 47 have no data.
    expect(figures.tasks.slice(0, 2).map((t) => [t.no, t.progress, t.status, t.source?.version])).toEqual([
      [1, 'in_progress', 'on_track', 1],
      [2, 'not_started', 'lagging', 3],
    ]);
    expect(figures.summary.tasksByStatus).toEqual({
      achieved: 0,
      requirement_met: 0,
      on_track: 1,
      slightly_behind: 0,
      lagging: 1,
      no_data: 47,
    });
    expect(figures.timeliness.map((t) => [t.name, t.timeliness])).toEqual([
      ['市卫生健康局', 'late'],
      ['市统计局', 'on_time'],
    ]);
    // 47 reserve projects: one moved into the plan, one in preparation, 45 not reported.
    expect(figures.summary.reserveProjects).toEqual({
      count: 47,
      reported: 2,
      byStanding: { moved_into_plan: 1, preparing: 1, not_started: 0, not_reported: 45 },
    });
    expect(
      figures.reserveProjects.slice(0, 3).map((r) => [r.no, r.stage, r.leadDepartment, r.source?.version ?? null]),
    ).toEqual([
      [1, 'moved_into_plan', '市教育局', 2],
      [2, 'preparing', '市教育局', 1],
      [3, null, '市教育局', null],
    ]);
  });

  it('gives the same hash for the same snapshot, and another for another', async () => {
    const a = buildCycleReport(await snapshot());
    const b = buildCycleReport(await snapshot());
    expect(a.contentHash).toBe(b.contentHash);
    const changed = buildCycleReport(
      await snapshot({
        approved: [
          { ...approved[0], payload: { kind: 'indicator', value: 285.3, dataSource: '抽样调查' } },
          ...approved.slice(1),
        ],
      }),
    );
    expect(changed.contentHash).not.toBe(a.contentHash);
  });

  it('records the thresholds it judged by: the same snapshot under the traffic-light preset', async () => {
    const { figures } = buildCycleReport(await snapshot({ thresholds: THRESHOLD_PRESETS.traffic_light }));
    expect(figures.thresholds.preset).toBe('traffic_light');
    // #11's ratio 0.814 is on track at ≥ 0.8.
    expect(figures.indicators.find((i) => i.no === 11)!.status).toBe('on_track');
    expect(figures.summary.bindingNotOnTrack).toEqual([6]);
    // The method names the preset as people know it, not its code.
    expect(REPORT_TEXT['zh-CN'].method(figures)).toContain('阈值方案“红黄绿”：符合进度 ≥ 0.8');
    expect(REPORT_TEXT.en.method(figures)).toContain('threshold preset “traffic light”');
    expect(REPORT_TEXT['zh-CN'].method(figures)).not.toContain('traffic_light');
  });

  it('writes Excel, Word and HTML in zh-CN and English that read back as the snapshot', async () => {
    const { figures, contentHash } = buildCycleReport(await snapshot());
    const files = await writeReportFiles(await mkdtemp(join(tmpdir(), 'report-')), 1, figures, contentHash, {
      issuer: HEYUAN_ISSUER,
      issuedAt: new Date('2024-04-15T10:00:00+08:00'),
      stage: 'draft',
    });
    expect(files.en).toEqual({
      xlsx: files.xlsx.replace(/xlsx$/, 'en.xlsx'),
      docx: files.docx.replace(/docx$/, 'en.docx'),
      html: files.html.replace(/html$/, 'en.html'),
    });
    const workbook = async (path: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      return wb;
    };
    const cells = (row: ExcelJS.Row, columns: number[]) => columns.map((c) => row.getCell(c).value);
    const byNo = (ws: ExcelJS.Worksheet, no: number) =>
      ws.getRows(2, ws.actualRowCount - 1)!.find((r) => r.getCell(1).value === no)!;

    const zh = await workbook(files.xlsx);
    const indicators = zh.getWorksheet('指标')!;
    expect(indicators.actualRowCount).toBe(46);
    // The reasons, measures and data source, then the version, submitter (no name recorded here: the address) and approver.
    expect(cells(byNo(indicators, 6), [5, 8, 11, 12, 15, 16, 17, 18, 19, 22])).toEqual([
      '约束性',
      94,
      '滞后',
      '市卫生健康局',
      '<b>疫苗供应短缺</b><script>alert(1)</script>',
      '加强疫苗调配',
      '免疫规划系统',
      2,
      's@health',
      'v@health',
    ]);
    expect(cells(byNo(indicators, 11), [9, 10, 11])).toEqual([11.48, 0.814, '略滞后']);
    const tasks = zh.getWorksheet('任务')!;
    expect(tasks.actualRowCount).toBe(50);
    expect(cells(tasks.getRow(2), [1, 4, 5, 7, 8, 9, 12])).toEqual([
      1,
      '推进中',
      '符合进度',
      null,
      1,
      's@drc',
      'v@drc',
    ]);
    expect(cells(tasks.getRow(3), [1, 4, 5, 8])).toEqual([2, '未开始', '滞后', 3]);
    expect(cells(tasks.getRow(4), [1, 4, 5, 8])).toEqual([3, '未报', '无数据', null]);
    // The main targets, each judged from its indicator: 4 (接种率达95%以上) by indicator 6, lagging here.
    expect(cells(byNo(zh.getWorksheet('主要目标')!, 4), [1, 4, 5])).toEqual([4, '6', '滞后']);
    const projects = zh.getWorksheet('项目')!;
    expect(projects.actualRowCount).toBe(43); // header, 41 projects, total
    expect(cells(projects.getRow(2), [1, 4, 5, 6, 7, 8, 9, 10, 12])).toEqual([
      1,
      22029,
      11014.5,
      0.5,
      '在建',
      0.8333,
      '略滞后',
      null,
      1,
    ]);
    expect(cells(projects.getRow(43), [2, 4, 5, 6])).toEqual(['合计', 1085769.7, 11014.5, 0.0101]);
    expect(zh.getWorksheet('报送及时性')!.getRow(2).getCell(3).value).toBe('逾期');
    const reserve = zh.getWorksheet('储备项目')!;
    expect(reserve.actualRowCount).toBe(48); // header, 47 reserve projects
    expect(cells(reserve.getRow(2), [1, 2, 3, 4, 5, 6, 7, 8, 11])).toEqual([
      1,
      '广东技术师范大学河源校区二期用地建设项目',
      '现代教育项目',
      '市教育局',
      '已调入规划',
      '2022年调入市重点项目计划',
      2,
      's@edu',
      'v@edu',
    ]);
    expect(cells(reserve.getRow(3), [1, 5])).toEqual([2, '已开展前期工作']);
    expect(cells(reserve.getRow(4), [1, 5, 7])).toEqual([3, '未报送', null]);

    const en = await workbook(files.en.xlsx);
    expect(en.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Indicators',
      'Tasks',
      'Main targets',
      'Projects',
      'Reserve projects',
      'Basic public services',
      'Timeliness',
    ]);
    // The summary sheet counts each kind by status (indicators: 45 in all; tasks: 1 on track, 1 lagging, 47 no data).
    const summary = zh.getWorksheet('概况')!;
    const statusRow = summary.getRow(4).values as Array<string | undefined>;
    const countsOf = (kind: string) => {
      const row = summary.getRows(5, 3)!.find((r) => r.getCell(1).value === kind)!;
      return Object.fromEntries(statusRow.slice(2).map((label, i) => [label, row.getCell(i + 2).value]));
    };
    expect(Object.values(countsOf('指标')).reduce((a, b) => Number(a) + Number(b), 0)).toBe(45);
    expect(countsOf('任务')).toMatchObject({ 符合进度: 1, 滞后: 1, 无数据: 47 });
    expect(countsOf('项目')).toMatchObject({ 略滞后: 1 });
    expect(summary.getCell('A9').value).toContain('本次评估共45项主要指标');
    // Every table's header row stays in view and filters.
    for (const name of ['指标', '任务', '项目', '储备项目', '报送及时性']) {
      const ws = zh.getWorksheet(name)!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
    }
    expect(cells(en.getWorksheet('Reserve projects')!.getRow(2), [1, 4, 5])).toEqual([
      1,
      'Municipal Education Bureau',
      'moved into the plan',
    ]);
    expect(cells(en.getWorksheet('Reserve projects')!.getRow(3), [1, 5])).toEqual([2, 'preparatory work under way']);
    expect(cells(byNo(en.getWorksheet('Indicators')!, 6), [3, 5, 8, 11, 12, 18])).toEqual([
      'Childcare',
      'binding',
      94,
      'lagging',
      'Municipal Health Commission',
      2,
    ]);
    expect(cells(en.getWorksheet('Tasks')!.getRow(3), [1, 4, 5])).toEqual([2, 'not started', 'lagging']);
    expect(cells(en.getWorksheet('Projects')!.getRow(2), [1, 4, 5, 6, 7])).toEqual([
      1,
      22029,
      11014.5,
      0.5,
      'under construction',
    ]);
    expect(cells(en.getWorksheet('Projects')!.getRow(43), [2, 4, 5, 6])).toEqual(['Total', 1085769.7, 11014.5, 0.0101]);
    expect(cells(en.getWorksheet('Timeliness')!.getRow(2), [1, 3])).toEqual(['Municipal Health Commission', 'late']);

    const documentText = async (path: string) => {
      const xml = await (await JSZip.loadAsync(await readFile(path))).file('word/document.xml')!.async('string');
      // Paragraphs and table cells as lines, tags dropped.
      return { xml, text: xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '') };
    };
    const zhDoc = await documentText(files.docx);
    expect(zhDoc.text).toContain('约束性指标中第6、11项未达到时序进度，须重点关注。');
    expect(zhDoc.text).toContain('49项主要任务中，已完成0项，符合进度1项，略滞后0项，滞后1项，无数据47项。');
    expect(zhDoc.text).toContain('人均预期寿命');
    expect(zhDoc.text).toContain('6. 适龄儿童免疫规划疫苗接种率（滞后，牵头单位：市卫生健康局）');
    expect(zhDoc.text).toContain(
      '41个重大项目“十四五”计划投资1085769.7万元，已报送1个项目累计完成投资11014.5万元，占计划投资的1%（规划期时间已过60%）。按时序进度评价：已建成0个，符合进度0个，略滞后1个，滞后0个，未报送40个。',
    );
    expect(zhDoc.text).toContain(
      '1. 河源职业技术学院教育建筑群（略滞后，完成计划投资50%，建设状态：在建，牵头单位：河源职业技术学院）\n项目单位说明：未填报',
    );
    expect(zhDoc.text).toMatch(/\n2\n扩大普惠性非基本公共服务供给\n市发展改革局\n未开始\n滞后\n/);
    expect(zhDoc.text).toMatch(
      /\n1\n河源职业技术学院教育建筑群\n河源职业技术学院\n22029\n11014.5\n50%\n在建\n略滞后\n/,
    );
    expect(zhDoc.text).toMatch(/\n合计\n\n1085769.7\n11014.5\n1%\n/);
    expect(zhDoc.text).toContain(
      '（二）储备项目\n47个储备项目中，已调入规划1个，已开展前期工作1个，未启动/未调入0个，未报送45个。\n已调入规划的储备项目\n1. 广东技术师范大学河源校区二期用地建设项目（牵头单位：市教育局）：2022年调入市重点项目计划\n',
    );
    expect(zhDoc.xml).toContain('原因分析：&lt;b&gt;疫苗供应短缺&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    const enDoc = await documentText(files.en.docx);
    expect(enDoc.text).toContain(
      'Heyuan City Public Services Plan for the 14th Five-Year Period (2021–2025): mid-term evaluation report 2021–2023',
    );
    expect(enDoc.text).toContain(
      'Binding indicators no. 6, 11 are behind the time-elapsed path and need attention first.',
    );
    expect(enDoc.text).toContain(
      '6. Vaccination rate of age-eligible children under the National Immunization Program (lagging; lead department: Municipal Health Commission)',
    );
    expect(enDoc.text).toContain(
      'Against time elapsed: 0 completed, 0 on track, 1 slightly behind, 0 lagging, 40 not reported.',
    );
    expect(enDoc.text).toContain(
      '(2) Reserve projects\nOf the 47 reserve projects: 1 moved into the plan, 1 preparatory work under way, 0 not started or not moved, 45 not reported.\nReserve projects moved into the plan\n1. Guangdong Polytechnic Normal University Heyuan Campus: phase II land development (lead department: Municipal Education Bureau): 2022年调入市重点项目计划\n',
    );
    expect(enDoc.text).toContain('Reasons: &lt;b&gt;疫苗供应短缺&lt;/b&gt;');
    expect(enDoc.text).toMatch(
      /\n2\nExpand the supply of inclusive non-basic public services\nMunicipal Development and Reform Bureau\nnot started\nlagging\n/,
    );
    expect(enDoc.text).not.toMatch(/[按逾]时|符合进度|约束性/);

    const html = await readFile(files.html, 'utf8');
    const enHtml = await readFile(files.en.html, 'utf8');
    for (const page of [html, enHtml]) {
      expect(page.match(/<svg/g)).toHaveLength(4);
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page).not.toContain('<script>');
    }
    // The binding chart: a bar per binding indicator judged on a path (#11 0.814, #17 1.189) against the thresholds' lines.
    const bindingChart = (page: string) =>
      page.match(/<figure class="chart" id="chart-binding">([\s\S]*?)<\/figure>/)![1];
    expect(bindingChart(html)).toContain('约束性指标进度比');
    for (const label of ['0.814', '1.189', '符合进度 1', '略滞后 0.8']) expect(bindingChart(html)).toContain(label);
    for (const label of ['Binding indicators: progress ratio', '0.814', '1.189', 'on track 1', 'slightly behind 0.8'])
      expect(bindingChart(enHtml)).toContain(label);
    expect(html).toContain('<html lang="zh-CN">');
    expect(enHtml).toContain('<html lang="en">');
    expect(html).toContain('<td>扩大普惠性非基本公共服务供给</td><td>市发展改革局</td><td>未开始</td><td>滞后</td>');
    expect(enHtml).toContain('<td>under construction</td>');
    expect(html).toContain(
      '<h3>（二）储备项目</h3>\n<p>47个储备项目中，已调入规划1个，已开展前期工作1个，未启动/未调入0个，未报送45个。</p>',
    );
    expect(html).toContain(
      '<p><b>已调入规划的储备项目</b></p>\n<p>1. 广东技术师范大学河源校区二期用地建设项目（牵头单位：市教育局）：2022年调入市重点项目计划</p>',
    );
    expect(html).not.toContain('河源中学扩建升级改造项目（牵头单位'); // in preparation: counted, not listed as moved
    expect(enHtml).toContain(
      '<h3>(2) Reserve projects</h3>\n<p>Of the 47 reserve projects: 1 moved into the plan, 1 preparatory work under way, 0 not started or not moved, 45 not reported.</p>',
    );
    expect(enHtml).toContain(
      '<p><b>Reserve projects moved into the plan</b></p>\n<p>1. Guangdong Polytechnic Normal University Heyuan Campus: phase II land development (lead department: Municipal Education Bureau): 2022年调入市重点项目计划</p>',
    );
    expect(JSON.parse(await readFile(files.json, 'utf8')).contentHash).toBe(contentHash);
  });
});
