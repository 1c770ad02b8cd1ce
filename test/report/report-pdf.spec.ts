/**
 * The Word report as a bureau prints it: converted to PDF by LibreOffice
 * (Debian's package, headless) and read back with poppler's pdftotext. The
 * cover names the report, its stage, the issuing organ and the date; the
 * contents list every section; every page after the cover says 第 X 页 共 Y 页;
 * the sections and a major project's verdict are in the text; the PDF's
 * author is the issuing organ. In both languages.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { buildCycleReport } from '@libs/report/cycle-report';
import { writeReportFiles } from '@libs/report/report-files';
import { reportOutline } from '@libs/report/report-outline';
import { REPORT_TEXT } from '@libs/report/report-text';
import { THRESHOLD_PRESETS } from '@libs/rules/thresholds';
import { HEYUAN_ISSUER, HEYUAN_PLAN_FILE } from '../support/plans';

const run = promisify(execFile);

/** LibreOffice with a profile of its own (two at once would fight over one), as the PDF's path. */
async function toPdf(docx: string, outDir: string): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'lo-profile-'));
  await run(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx],
    { timeout: 180_000 },
  );
  return docx.replace(/\.docx$/, '.pdf');
}

const pdfText = async (pdf: string) => (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
/** Text with the layout's line breaks and spaces gone: a sentence wrapped across lines reads whole. */
const flat = (text: string) => text.replace(/\s+/g, '');

describe('the report, printed', () => {
  it('has a cover, contents, page numbers, every section, the project verdict, a service rate and a warned indicator, in both languages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'report-pdf-'));
    // Mid-term 2021–2023 (60 % of the period gone): project 1 has 2,489.3 of its 22,029 (11.3 %) invested.
    const { figures, contentHash } = buildCycleReport({
      cycle: {
        id: 'cycle/heyuan-public-services-2021-2025/midterm/2021-2023',
        kind: 'midterm',
        fromYear: 2021,
        toYear: 2023,
      },
      plan: await readPlanFile(HEYUAN_PLAN_FILE),
      approved: [
        {
          itemKey: 'indicator-1',
          version: 1,
          submittedBy: 's@stats',
          approvedBy: 'v@stats',
          payload: { kind: 'indicator', value: 285.2, dataSource: '抽样调查' },
        },
        // ＞95 met at 95.5, within 1 % of the limit and below 2020's 99.9: met, and warned.
        {
          itemKey: 'indicator-6',
          version: 1,
          submittedBy: 's@health',
          approvedBy: 'v@health',
          payload: { kind: 'indicator', value: 95.5, dataSource: '免疫规划信息系统' },
        },
        {
          itemKey: 'project-1',
          version: 1,
          submittedBy: 's@poly',
          approvedBy: 'v@poly',
          payload: {
            kind: 'project',
            investmentInPeriod: 1200,
            investmentCumulative: 2489.3,
            constructionStatus: 'under_construction',
            landSecured: true,
            narrative: '用地报批滞后',
          },
        },
        // A basic public service item, delivered to standard by the department the bureau assigned it to.
        {
          itemKey: 'service-5',
          version: 1,
          submittedBy: 's@health',
          approvedBy: 'v@health',
          payload: { kind: 'service', implementation: 'implemented' },
        },
      ],
      assignments: [{ itemKey: 'service-5', department: 'city-health', coDepartments: [] }],
      priorAnnual: [],
      outcomes: [{ department: 'city-statistics', total: 2, done: 2, timeliness: 'on_time', cancelled: false }],
      thresholds: THRESHOLD_PRESETS.time_elapsed,
    });
    const files = await writeReportFiles(dir, 1, figures, contentHash, {
      issuer: HEYUAN_ISSUER,
      issuedAt: new Date('2024-04-15T10:00:00+08:00'),
      stage: 'draft',
    });

    const zhPdf = await toPdf(files.docx, dir);
    const pages = (await pdfText(zhPdf)).split('\f').filter((p) => p.trim() !== '');
    // The cover: the title, the stage, the organs, the date; no page number.
    const cover = flat(pages[0]);
    for (const expected of [
      '河源市公共服务“十四五”规划2021–2023年中期评估报告',
      '（征求意见稿）',
      '河源市统计局、河源市发展和改革局',
      '2024年4月15日',
    ])
      expect(cover).toContain(expected);
    expect(cover).not.toMatch(/第\d+页/);
    // The contents list every section; every page after the cover is numbered out of the total.
    const headings = reportOutline(REPORT_TEXT['zh-CN'], figures).map((c) => c.title);
    // The chapters of a Chinese plan evaluation report, numbered in order, drafted ones included.
    for (const chapter of [
      '总体评价',
      '主要指标完成情况',
      '主要任务进展',
      '重大项目推进',
      '基本公共服务落实',
      '存在的主要问题',
      '对策建议和规划调整建议',
    ])
      expect(headings.some((h) => h.endsWith(chapter))).toBe(true);
    expect(headings[0]).toBe('一、总体评价');
    expect(headings.at(-1)).toBe('附表');
    const contents = flat(pages[1]);
    expect(contents).toContain('目录');
    // Each section with the page its heading is on, in order, after the contents page.
    const listed = headings.map((h) => Number(new RegExp(`${h}\\.+(\\d+)`).exec(contents)?.[1]));
    expect(listed.every((n, i) => n >= 3 && (i === 0 || n >= listed[i - 1]))).toBe(true);
    headings.forEach((h, i) => expect(flat(pages[listed[i] - 1])).toContain(h));
    pages.slice(1).forEach((page, i) => expect(flat(page)).toContain(`第${i + 2}页共${pages.length}页`));
    // The body: every section, and the project read as what it is (0.113 / 0.6 = 0.19 of the path: lagging).
    const body = flat(pages.slice(2).join(''));
    for (const h of headings) expect(body).toContain(h);
    expect(body).toContain('按时序进度评价：已建成0个，符合进度0个，略滞后0个，滞后1个，未报送40个。');
    expect(body).toContain(
      '1.河源职业技术学院教育建筑群（滞后，完成计划投资11.3%，建设状态：在建，牵头单位：河源职业技术学院）',
    );
    expect(body).toContain('项目单位说明：用地报批滞后');
    // The warned indicator: met, and why it is warned.
    expect(body).toContain(
      flat(
        '6. 适龄儿童免疫规划疫苗接种率（达到目标要求，本期值95.5%，目标＞95，牵头单位：市卫生健康局）：距目标下限95不足0.95；低于基期值99.9。',
      ),
    );
    // The service items' 落实率: 1 of 80 delivered to standard, 1 of 9 in 幼有所育.
    expect(body).toContain('80项基本公共服务项目中，按标准落实1项，部分落实0项，未落实0项，未报送79项，落实率1.3%');
    expect(body).toContain('幼有所育9100811.1%');
    // The drafted chapters say they are drafts, and draft from the findings: the lagging project, the targets to revisit.
    expect(body).toContain('【草拟】本章由系统根据评估结果草拟');
    expect(body).toContain('重大项目投资完成偏慢');
    expect(body).toContain('（一）对策建议');
    const info = (await run('pdfinfo', [zhPdf])).stdout;
    expect(info).toMatch(/Author:\s+河源市统计局、河源市发展和改革局/);

    const enPages = (await pdfText(await toPdf(files.en.docx, dir))).split('\f').filter((p) => p.trim() !== '');
    expect(enPages[0]).toContain('(draft for comments)');
    expect(flat(enPages[1])).toContain('Contents');
    expect(enPages[enPages.length - 1]).toContain(`Page ${enPages.length} of ${enPages.length}`);
    expect(flat(enPages.slice(2).join(''))).toContain(
      flat('Against time elapsed: 0 completed, 0 on track, 0 slightly behind, 1 lagging, 40 not reported.'),
    );
  }, 300_000);
});
