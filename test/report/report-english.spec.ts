/**
 * The English report names everything in English, from the plan's own
 * translations: the Word document's tables and text and the Excel annex,
 * read back from the files written; the zh-CN report keeps the plan as
 * printed. The Excel annex names who submitted and approved each figure
 * (name, unit, time in Beijing time) beside its reasons, measures and data source.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { buildCycleReport, type ApprovedSubmission } from '@libs/report/cycle-report';
import { writeReportFiles, type RenditionFiles } from '@libs/report/report-files';
import { REPORT_TEXT } from '@libs/report/report-text';
import { THRESHOLD_PRESETS } from '@libs/rules/thresholds';
import { HEYUAN_ISSUER, HEYUAN_PLAN_FILE } from '../support/plans';

const health = (name: string, at: string) => ({ name, department: 'city-health', at });
const approved: ApprovedSubmission[] = [
  {
    itemKey: 'indicator-6',
    version: 2,
    submittedBy: 'li.hua@health',
    approvedBy: 'wang.fang@health',
    submitter: health('李华', '2023-03-10T06:30:00.000Z'),
    approver: health('王芳', '2023-03-12T01:05:00.000Z'),
    payload: {
      kind: 'indicator',
      value: 94,
      dataSource: '免疫规划信息系统',
      reasons: '疫苗供应短缺',
      measures: '加强疫苗调配',
    },
  },
  {
    itemKey: 'task-10',
    version: 1,
    submittedBy: 'li.hua@health',
    approvedBy: 'wang.fang@health',
    submitter: health('李华', '2023-03-11T02:00:00.000Z'),
    approver: health('王芳', '2023-03-12T01:06:00.000Z'),
    payload: { kind: 'task', progress: 'in_progress', narrative: '出生缺陷综合防控持续推进' },
  },
];

describe('the English report names everything in English', () => {
  let zh: RenditionFiles;
  let en: RenditionFiles;
  let plan: Awaited<ReturnType<typeof readPlanFile>>;
  beforeAll(async () => {
    plan = await readPlanFile(HEYUAN_PLAN_FILE);
    const { figures, contentHash } = buildCycleReport({
      cycle: {
        id: 'cycle/heyuan-public-services-2021-2025/midterm/2021-2023',
        kind: 'midterm',
        fromYear: 2021,
        toYear: 2023,
      },
      plan,
      approved,
      priorAnnual: [],
      outcomes: [{ department: 'city-health', total: 19, done: 2, timeliness: 'late', cancelled: false }],
      thresholds: THRESHOLD_PRESETS.time_elapsed,
    });
    const dir = await mkdtemp(join(tmpdir(), 'report-english-'));
    const files = await writeReportFiles(dir, 1, figures, contentHash, {
      issuer: HEYUAN_ISSUER,
      issuedAt: new Date('2024-04-01T00:00:00Z'),
      stage: 'draft',
    });
    zh = files;
    en = files.en;
  });

  const documentText = async (path: string) => {
    const zip = await JSZip.loadAsync(await readFile(path));
    return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
  };
  const sheetRows = async (path: string, name: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(name)!;
    const rows: Array<Record<string, unknown>> = [];
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1);
      rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null])));
    });
    return rows;
  };

  it('Word: indicator, target, task and project names and units in English, none of the plan’s Chinese names', async () => {
    const text = await documentText(en.docx);
    for (const name of [
      'Vaccination rate of age-eligible children under the National Immunization Program',
      'Average life expectancy reaches 79.5 years',
      'Promote healthy pregnancy and childbirth',
      'Heyuan Polytechnic education buildings',
      'all eligible covered',
      'stable at ≥85',
    ])
      expect(text).toContain(name);
    const chinese = [
      ...plan.indicators.map((i) => i.name),
      ...plan.tasks.map((t) => t.title),
      ...plan.projects.filter((p) => p.status === 'planned').map((p) => p.name),
    ].filter((name) => text.includes(name));
    expect(chinese).toEqual([]);
  });

  it('Word in zh-CN: the plan as printed', async () => {
    const text = await documentText(zh.docx);
    expect(text).toContain('适龄儿童免疫规划疫苗接种率');
    expect(text).toContain('应保尽保');
    expect(text).not.toContain('Vaccination rate');
  });

  it('Excel: English names, the reasons, measures and data source, and who submitted and approved, with unit and time', async () => {
    const h = REPORT_TEXT.en.headers;
    const indicators = await sheetRows(en.xlsx, REPORT_TEXT.en.sheets.indicators);
    const six = indicators.find((r) => r[h.indicatorSheet[0]] === 6)!;
    expect(six).toMatchObject({
      [h.indicatorSheet[1]]: 'Vaccination rate of age-eligible children under the National Immunization Program',
      [h.indicatorSheet[2]]: 'Childcare',
      Reasons: '疫苗供应短缺',
      'Next measures': '加强疫苗调配',
      'Data source': '免疫规划信息系统',
      Version: 2,
      Submitter: '李华',
      'Submitter’s unit': 'Municipal Health Commission',
      Submitted: '2023-03-10 14:30',
      Approver: '王芳',
      'Approver’s unit': 'Municipal Health Commission',
      Approved: '2023-03-12 09:05',
    });
    expect(indicators.find((r) => r[h.indicatorSheet[0]] === 1)).toMatchObject({
      [h.indicatorSheet[3]]: '10,000 persons',
      Submitter: null,
    });

    const tasks = await sheetRows(en.xlsx, REPORT_TEXT.en.sheets.tasks);
    expect(tasks.find((r) => r[h.taskSheet[0]] === 10)).toMatchObject({
      [h.taskSheet[1]]: 'Promote healthy pregnancy and childbirth',
      Submitter: '李华',
      Submitted: '2023-03-11 10:00',
    });
    const reserve = await sheetRows(en.xlsx, REPORT_TEXT.en.sheets.reserve);
    expect(reserve.find((r) => r[h.reserveSheet[0]] === 42)).toMatchObject({
      [h.reserveSheet[1]]: 'Hakka Culture Park phase IV',
      [h.reserveSheet[2]]: 'Culture and sports projects',
    });
  });

  it('Excel in zh-CN: the unit by its Chinese name', async () => {
    const h = REPORT_TEXT['zh-CN'].headers;
    const indicators = await sheetRows(zh.xlsx, REPORT_TEXT['zh-CN'].sheets.indicators);
    expect(indicators.find((r) => r[h.indicatorSheet[0]] === 6)).toMatchObject({
      [h.indicatorSheet[1]]: '适龄儿童免疫规划疫苗接种率',
      填报人: '李华',
      填报单位: '市卫生健康局',
      填报时间: '2023-03-10 14:30',
      审核单位: '市卫生健康局',
      原因分析: '疫苗供应短缺',
    });
  });
});
