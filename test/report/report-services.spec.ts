/**
 * The report's chapter 五、基本公共服务落实 and its Excel sheet, written by the
 * real writers from a snapshot and read back, in zh-CN and English: the
 * 落实率 per 服务领域 (partly and not reported count as not delivered), the
 * items that fall short with their department's account, every item traced to
 * its submission.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { itemKey } from '@libs/cycle/cycle-definition';
import type { ServiceSubmission } from '@libs/cycle/submission';
import { buildCycleReport } from '@libs/report/cycle-report';
import { draftChapters } from '@libs/report/report-drafts';
import { writeReportFiles } from '@libs/report/report-files';
import { THRESHOLD_PRESETS } from '@libs/rules/thresholds';
import { HEYUAN_ISSUER, HEYUAN_PLAN_FILE } from '../support/plans';

// 幼有所育 (items 1–9): 5 delivered to standard, 6 in part, 7 not; the other 77 items not reported.
const reported: Array<[number, string, Omit<ServiceSubmission, 'kind'>]> = [
  [5, 'city-health', { implementation: 'implemented' }],
  [6, 'city-health', { implementation: 'partly', narrative: '农村地区儿童健康管理覆盖不足' }],
  [7, 'city-civil-affairs', { implementation: 'not_implemented', narrative: '<b>省级保障标准尚未出台</b>' }],
];

async function writeReport() {
  const { figures, contentHash } = buildCycleReport({
    cycle: { id: 'cycle/heyuan-public-services-2021-2025/annual/2022', kind: 'annual', fromYear: 2022, toYear: 2022 },
    plan: await readPlanFile(HEYUAN_PLAN_FILE),
    approved: reported.map(([no, , s]) => ({
      itemKey: itemKey('service', no),
      version: no === 7 ? 2 : 1,
      submittedBy: `s${no}@dept`,
      approvedBy: `v${no}@dept`,
      payload: { kind: 'service', ...s },
    })),
    // The plan names no department: the bureau assigned these before the launch.
    assignments: reported.map(([no, department]) => ({
      itemKey: itemKey('service', no),
      department,
      coDepartments: [],
    })),
    priorAnnual: [],
    outcomes: [],
    thresholds: THRESHOLD_PRESETS.time_elapsed,
  });
  const files = await writeReportFiles(await mkdtemp(join(tmpdir(), 'report-')), 1, figures, contentHash, {
    issuer: HEYUAN_ISSUER,
    issuedAt: new Date('2023-04-15T10:00:00+08:00'),
    stage: 'draft',
  });
  return { figures, files };
}

const documentText = async (path: string) => {
  const xml = await (await JSZip.loadAsync(await readFile(path))).file('word/document.xml')!.async('string');
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
};
const sheetRows = async (path: string, name: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(name)!;
  return ws.getRows(1, ws.actualRowCount)!.map((r) => (r.values as unknown[]).slice(1));
};

describe('the report’s chapter on the basic public service items', () => {
  let report: Awaited<ReturnType<typeof writeReport>>;
  beforeAll(async () => (report = await writeReport()));

  it('counts each area’s items by standing, and the 落实率 over all of them', () => {
    const { byArea, overall } = report.figures.summary.serviceItems;
    expect(byArea.map((a) => [a.area, a.count, a.rate])).toEqual([
      ['幼有所育', 9, 0.1111],
      ['学有所教', 9, 0],
      ['劳有所得', 12, 0],
      ['病有所医', 16, 0],
      ['老有所养', 4, 0],
      ['住有所居', 3, 0],
      ['弱有所扶', 14, 0],
      ['优军服务保障', 4, 0],
      ['文体服务保障', 9, 0],
    ]);
    expect(overall).toEqual({
      count: 80,
      byStanding: { implemented: 1, partly: 1, not_implemented: 1, not_reported: 77 },
      rate: 0.0125,
    });
  });

  it('reads in Word as chapter 五: the table by area, then the items that fall short with their accounts', async () => {
    const zh = await documentText(report.files.docx);
    expect(zh).toContain(
      '五、基本公共服务落实\n（一）各服务领域落实情况\n80项基本公共服务项目中，按标准落实1项，部分落实1项，未落实1项，未报送77项，落实率1.3%（按标准落实项目数占项目总数的比例，部分落实和未报送的不计为落实）。\n',
    );
    expect(zh).toContain(
      '\n服务领域\n项目数\n按标准落实\n部分落实\n未落实\n未报送\n落实率\n幼有所育\n9\n1\n1\n1\n6\n11.1%\n',
    );
    expect(zh).toContain('\n合计\n80\n1\n1\n1\n77\n1.3%\n');
    expect(zh).toContain(
      '（二）未落实和部分落实的服务项目\n7. 特殊儿童群体基本生活保障（幼有所育，未落实，责任单位：市民政局）\n差距和原因：&lt;b&gt;省级保障标准尚未出台&lt;/b&gt;\n6. 儿童健康管理（幼有所育，部分落实，责任单位：市卫生健康局）\n差距和原因：农村地区儿童健康管理覆盖不足\n',
    );
    // The method line says how partly counts.
    expect(zh).toContain('落实率为按标准落实的项目数占项目总数的比例，部分落实和未报送的项目不计为落实。');

    const en = await documentText(report.files.en.docx);
    expect(en).toContain(
      '5. Basic public services\n(1) Delivery by service area\nOf the 80 basic public service items, 1 delivered to standard, 1 partly delivered, 1 not delivered, 77 not reported: a delivery rate of 1.3%',
    );
    expect(en).toContain('\nChildcare\n9\n1\n1\n1\n6\n11.1%\n');
    expect(en).toContain(
      '(2) Items not delivered, or delivered in part\n7. Basic living support for special groups of children (Childcare; not delivered; department: Municipal Civil Affairs Bureau)\n',
    );
    expect(en).toContain('the delivery rate is the share of items delivered to standard');
  });

  it('drafts the shortfall as a problem, with a recommendation, for the bureau to edit', () => {
    const zh = draftChapters(report.figures, 'zh-CN');
    expect(zh.problems.map((p) => p.text)).toContain(
      '基本公共服务尚未全部按标准落实：落实率1.3%，“特殊儿童群体基本生活保障”（未落实）、“儿童健康管理”（部分落实）与国家和省标准仍有差距。',
    );
    expect(zh.recommendations.map((p) => p.text)).toContain(
      '补齐基本公共服务短板：责任单位对未落实和部分落实的服务项目逐项制定达标方案，落实资金和人员保障，确保按国家和省标准提供。',
    );
    expect(
      draftChapters(report.figures, 'en')
        .problems.map((p) => p.text)
        .join(' '),
    ).toContain(
      '"Basic living support for special groups of children" (not delivered), "Child health management" (partly delivered) still fall short',
    );
  });

  it('reads the same in HTML, markup in an account kept as text', async () => {
    const zh = await readFile(report.files.html, 'utf8');
    expect(zh).toContain('<h2>五、基本公共服务落实</h2>');
    expect(zh).toContain('<td>幼有所育</td><td>9</td><td>1</td><td>1</td><td>1</td><td>6</td><td>11.1%</td>');
    expect(zh).toContain('差距和原因：&lt;b&gt;省级保障标准尚未出台&lt;/b&gt;');
    const en = await readFile(report.files.en.html, 'utf8');
    expect(en).toContain('<h3>(2) Items not delivered, or delivered in part</h3>');
  });

  it('lists every item on the Excel sheet 基本公共服务, traced to its submission', async () => {
    const zh = await sheetRows(report.files.xlsx, '基本公共服务');
    expect(zh).toHaveLength(81);
    expect(zh[0].slice(0, 6)).toEqual(['序号', '服务领域', '服务项目', '责任单位', '落实情况', '差距和原因']);
    expect(zh[7].slice(0, 7)).toEqual([
      7,
      '幼有所育',
      '特殊儿童群体基本生活保障',
      '市民政局',
      '未落实',
      '<b>省级保障标准尚未出台</b>',
      2,
    ]);
    expect(zh[1].slice(0, 5)).toEqual([1, '幼有所育', '农村免费孕前优生健康检查', undefined, '未报送']);
    const en = await sheetRows(report.files.en.xlsx, 'Basic public services');
    expect(en[6].slice(0, 5)).toEqual([
      6,
      'Childcare',
      'Child health management',
      'Municipal Health Commission',
      'partly delivered',
    ]);
  });
});
