/**
 * The report from a frozen snapshot, in every format, opened and read back:
 * the figures, statuses and totals in the files are what the snapshot says,
 * the same snapshot gives the same hash, and markup in a narrative stays text.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { buildCycleReport, type ApprovedSubmission, type SnapshotInput } from '@libs/report/cycle-report';
import { writeReportFiles } from '@libs/report/report-files';
import { THRESHOLD_PRESETS } from '@libs/rules/thresholds';
import { HEYUAN_PLAN_FILE } from '../support/plans';

const HOSTILE = '<b>疫苗供应短缺</b><script>alert(1)</script>';
const approved: ApprovedSubmission[] = [
  { itemKey: 'indicator-1', version: 1, submittedBy: 's@stats', approvedBy: 'v@stats', payload: { kind: 'indicator', value: 285.2, dataSource: '抽样调查' } },
  { itemKey: 'indicator-6', version: 2, submittedBy: 's@health', approvedBy: 'v@health', payload: { kind: 'indicator', value: 94, dataSource: '免疫规划系统', reasons: HOSTILE, measures: '加强疫苗调配' } },
  { itemKey: 'indicator-13', version: 1, submittedBy: 's@hr', approvedBy: 'v@hr', payload: { kind: 'indicator', value: 7, dataSource: '就业统计' } },
  { itemKey: 'task-1', version: 1, submittedBy: 's@drc', approvedBy: 'v@drc', payload: { kind: 'task', progress: 'in_progress', narrative: '标准体系已印发' } },
  { itemKey: 'project-1', version: 1, submittedBy: 's@poly', approvedBy: 'v@poly', payload: { kind: 'project', investmentInPeriod: 5000, investmentCumulative: 11014.5, constructionStatus: 'under_construction', landSecured: true } },
];

async function snapshot(overrides: Partial<SnapshotInput> = {}): Promise<SnapshotInput> {
  return {
    cycle: { id: 'cycle/heyuan-public-services-2021-2025/midterm/2021-2023', kind: 'midterm', fromYear: 2021, toYear: 2023 },
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
    expect(figures.summary.bindingNotOnTrack).toEqual([6]);
    const byNo = new Map(figures.indicators.map((i) => [i.no, i]));
    // #6 ＞95 held in 2020 (99.9); 94 breaks it.
    expect(byNo.get(6)).toMatchObject({ status: 'lagging', value: 94, source: { version: 2, submittedBy: 's@health', approvedBy: 'v@health' } });
    // #13 〔12.5〕 collected as its total so far at mid-term: 7 against 12.5 × 0.6 = 7.5, ratio 0.9333.
    expect(byNo.get(13)).toMatchObject({ status: 'slightly_behind', expected: 7.5 });
    expect(byNo.get(13)!.ratio).toBeCloseTo(0.9333, 4);
    expect(figures.projects[0]).toMatchObject({ no: 1, planPeriodInvestment: 22029, investmentCumulative: 11014.5, completionShare: 0.5 });
    expect(figures.timeliness.map((t) => [t.name, t.timeliness])).toEqual([['市卫生健康局', 'late'], ['市统计局', 'on_time']]);
  });

  it('gives the same hash for the same snapshot, and another for another', async () => {
    const a = buildCycleReport(await snapshot());
    const b = buildCycleReport(await snapshot());
    expect(a.contentHash).toBe(b.contentHash);
    const changed = buildCycleReport(await snapshot({ approved: [{ ...approved[0], payload: { kind: 'indicator', value: 285.3, dataSource: '抽样调查' } }, ...approved.slice(1)] }));
    expect(changed.contentHash).not.toBe(a.contentHash);
  });

  it('writes Excel, Word and HTML that read back as the snapshot', async () => {
    const { figures, contentHash } = buildCycleReport(await snapshot());
    const files = await writeReportFiles(await mkdtemp(join(tmpdir(), 'report-')), 1, figures, contentHash);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files.xlsx);
    const indicators = wb.getWorksheet('指标')!;
    expect(indicators.actualRowCount).toBe(46);
    const row6 = indicators.getRows(2, 45)!.find((r) => r.getCell(1).value === 6)!;
    expect([row6.getCell(8).value, row6.getCell(11).value, row6.getCell(13).value, row6.getCell(14).value]).toEqual([94, '滞后 lagging', 2, 's@health']);
    const project = wb.getWorksheet('项目')!.getRow(2);
    expect([project.getCell(1).value, project.getCell(4).value, project.getCell(5).value, project.getCell(6).value]).toEqual([1, 22029, 11014.5, 0.5]);
    expect(wb.getWorksheet('报送及时性')!.getRow(2).getCell(3).value).toBe('逾期 late');

    const xml = await (await JSZip.loadAsync(await readFile(files.docx))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('约束性指标中第6项未达到时序进度，须重点关注。');
    expect(text).toContain('人均预期寿命');
    expect(text).toContain('6. 适龄儿童免疫规划疫苗接种率（滞后 lagging，牵头单位：市卫生健康局）');
    expect(xml).toContain('原因分析：&lt;b&gt;疫苗供应短缺&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;');

    const html = await readFile(files.html, 'utf8');
    expect(html.match(/<svg/g)).toHaveLength(3);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(JSON.parse(await readFile(files.json, 'utf8')).contentHash).toBe(contentHash);
  });
});
