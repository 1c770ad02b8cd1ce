/**
 * Indicators in the report as a bureau reads them: judged at the precision the
 * plan prints, floors and ceilings met reading 达到目标要求 with their warnings,
 * boilerplate reasons and measures listed, and the assumptions behind a row
 * stated beside it; in the figures, the Excel annex and the HTML page, both
 * languages. Figures are computed by hand in the comments (mid-term, 2023:
 * elapsed 0.6).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { itemKey } from '@libs/cycle/cycle-definition';
import type { IndicatorSubmission } from '@libs/cycle/submission';
import { buildCycleReport, type ApprovedSubmission } from '@libs/report/cycle-report';
import { writeReportDocument } from '@libs/report/report-document';
import { renderReportHtml } from '@libs/report/report-html';
import { writeReportWorkbook } from '@libs/report/report-workbook';
import { THRESHOLD_PRESETS } from '@libs/rules/thresholds';
import { HEYUAN_ISSUER, HEYUAN_PLAN_FILE } from '../support/plans';

const PASTED = '加强统筹，压实责任。';
const indicator = (no: number, value: number, extra: Partial<IndicatorSubmission> = {}): ApprovedSubmission => ({
  itemKey: itemKey('indicator', no),
  version: 1,
  submittedBy: 's@x',
  approvedBy: 'v@x',
  payload: { kind: 'indicator', value, dataSource: '统计年报', ...extra },
});

async function figures() {
  return buildCycleReport({
    cycle: {
      id: 'cycle/heyuan-public-services-2021-2025/midterm/2021-2023',
      kind: 'midterm',
      fromYear: 2021,
      toYear: 2023,
    },
    plan: await readPlanFile(HEYUAN_PLAN_FILE),
    approved: [
      // 0.94 → 5.00: expected 0.94 + 4.06 × 0.6 = 3.376, 3.38 as printed; ratio 1.56 / 2.44 = 0.6393: lagging
      indicator(5, 2.5, { reasons: '托育机构建设滞后', measures: PASTED }),
      // ＞95 held by 2020's 99.9: 95.5 meets it, 0.5 above the limit (within 1 %: 0.95) and below 99.9
      indicator(6, 95.5),
      // 35.02 → 42 as a spreadsheet computed it: 39.208000000000006 is 39.21 at the plan's two decimals, on the path (expected 39.21)
      indicator(17, 35.02 + 6.98 * 0.6),
      // 4.01 → 4.2: expected 4.124, 4.12 as printed; 4.12 is on the path (ratio 1), not 0.9649 on float noise
      indicator(24, 4.12),
      // — → 60: the path from 0, expected 36; ratio 40 / 36 = 1.1111
      indicator(28, 40),
      // 394 (for a percentage) → 100: 98 is below the floor the printed baseline held
      indicator(33, 98, { reasons: '  加强统筹 压实责任 ', measures: PASTED }),
      // 1.32 → ≥90: expected 1.32 + 88.68 × 0.6 = 54.528, 54.53 as printed; ratio 48.68 / 53.21 = 0.9149
      indicator(45, 50, { reasons: '资金不足', measures: '加强统筹、压实责任' }),
    ],
    priorAnnual: [],
    outcomes: [],
    thresholds: THRESHOLD_PRESETS.time_elapsed,
  }).figures;
}

describe('indicators in the report', () => {
  it('judges at the plan’s precision, reads a met floor as 达到目标要求 with its warnings, and states its assumptions', async () => {
    const f = await figures();
    const byNo = new Map(f.indicators.map((i) => [i.no, i]));
    expect(byNo.get(5)).toMatchObject({ decimals: 2, value: 2.5, expected: 3.38, ratio: 0.6393, status: 'lagging' });
    expect(byNo.get(17)).toMatchObject({ decimals: 2, value: 39.21, expected: 39.21, ratio: 1, status: 'on_track' });
    expect(byNo.get(24)).toMatchObject({ value: 4.12, expected: 4.12, ratio: 1, status: 'on_track' });
    expect(byNo.get(6)).toMatchObject({
      status: 'requirement_met',
      warnings: [
        { kind: 'near_limit', limit: 95, margin: 0.95, direction: 'up' },
        { kind: 'falling', baseline: 99.9, direction: 'up' },
      ],
    });
    expect(byNo.get(28)).toMatchObject({
      status: 'on_track',
      expected: 36,
      ratio: 1.1111,
      notes: [{ kind: 'baseline_taken_as_zero' }],
    });
    expect(byNo.get(33)).toMatchObject({
      status: 'lagging',
      notes: [{ kind: 'baseline_quality', message: { zh: '指标33为百分比，数值394超过100' } }],
    });
    expect(f.summary.byStatus).toEqual({
      achieved: 0,
      requirement_met: 1,
      on_track: 3,
      slightly_behind: 1,
      lagging: 2,
      no_data: 38,
    });
    expect(f.summary.warned).toEqual([6]);
    // The same measures, written two ways, by three departments (quoted as first written, binding #33 first in the report);
    // #33's reasons use the same words, but a reason is not a measure.
    expect(f.boilerplate).toEqual([
      {
        field: 'measures',
        text: PASTED,
        items: [5, 33, 45],
        departments: ['市住房城乡建设局', '市文化广电旅游体育局', '市卫生健康局'],
      },
    ]);
  });

  it('shows figures at the plan’s precision in Excel, with the warnings and notes beside them', async () => {
    const f = await figures();
    const read = async (locale: 'zh-CN' | 'en') => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await writeReportWorkbook(f, locale)) as unknown as ArrayBuffer);
      // The indicators' sheet, after the summary.
      const ws = wb.worksheets[1];
      return (no: number) => ws.getRows(2, ws.actualRowCount - 1)!.find((r) => r.getCell(1).value === no)!;
    };
    const zh = await read('zh-CN');
    // Value, expected value and ratio as numbers, shown as the plan prints them: 2.50 and 3.38 beside 5.00; 39.21, never 39.208000000000006.
    expect([5, 17, 6].map((no) => [8, 9, 10].map((c) => [zh(no).getCell(c).value, zh(no).getCell(c).numFmt]))).toEqual([
      [
        [2.5, '0.00'],
        [3.38, '0.00'],
        [0.6393, '0.0000'],
      ],
      [
        [39.21, '0.00'],
        [39.21, '0.00'],
        [1, '0.0000'],
      ],
      [
        [95.5, '0.0'],
        [null, '0.0'],
        [null, '0.0000'],
      ],
    ]);
    expect([6, 28, 33].map((no) => [6, 11, 13, 14].map((c) => zh(no).getCell(c).value))).toEqual([
      ['99.9', '达到目标要求', '距目标下限95不足0.95；低于基期值99.9', null],
      ['—（按0计）', '符合进度', null, '规划未列基期值（“—”），进度按基期值为0计算'],
      ['394', '滞后', null, '基期值按规划原文保留，存疑：指标33为百分比，数值394超过100'],
    ]);
    const en = await read('en');
    expect([6, 11, 13].map((c) => en(6).getCell(c).value)).toEqual([
      '99.9',
      'meets the requirement',
      "within 0.95 of its floor of 95; below the base year's 99.9",
    ]);
    expect(en(28).getCell(6).value).toBe('— (taken as 0)');
  });

  it('lists warned indicators, notes and boilerplate in the HTML, in zh-CN and English', async () => {
    const f = await figures();
    const zh = renderReportHtml(f, 'zh-CN');
    expect(zh).toContain('已完成0项，达到目标要求1项，符合进度3项，略滞后1项，滞后2项，无数据38项。');
    expect(zh).toContain('第6项指标虽达到要求，但接近限值或较基期变差，须预警。');
    expect(zh).toContain(
      '<h3>（四）达到目标要求但须预警的指标</h3>\n<p>6. 适龄儿童免疫规划疫苗接种率（达到目标要求，本期值95.5%，目标＞95，牵头单位：市卫生健康局）：距目标下限95不足0.95；低于基期值99.9。</p>',
    );
    expect(zh).toContain(
      '<td>6</td><td>适龄儿童免疫规划疫苗接种率</td><td>99.9</td><td>95.5</td><td>＞95</td><td>—</td><td>—</td><td>达到目标要求（预警）</td>',
    );
    expect(zh).toContain(
      '<td>5</td><td>每千人口拥有3岁以下婴幼儿托位数</td><td>0.94</td><td>2.50</td><td>5.00</td><td>3.38</td><td>0.639</td><td>滞后</td>',
    );
    expect(zh).toContain(
      '<p>28. 乡镇（街道）范围具有综合功能的养老服务设施覆盖率：规划未列基期值（“—”），进度按基期值为0计算。</p>',
    );
    expect(zh).toContain('<td>—（按0计）</td>');
    expect(zh).toContain('存疑：指标33为百分比，数值394超过100');
    expect(zh).toContain(
      '<p><b>雷同的原因分析和下一步措施</b></p>\n<p>下一步措施“加强统筹，压实责任。”在第5、33、45项指标中相同（市住房城乡建设局、市文化广电旅游体育局、市卫生健康局），请督促据实填写。</p>',
    );
    const en = renderReportHtml(f, 'en');
    expect(en).toContain('1 meet their requirement');
    expect(en).toContain(
      '6. Vaccination rate of age-eligible children under the National Immunization Program (meets the requirement; value 95.5 %; target ＞95; lead department: Municipal Health Commission): within 0.95 of its floor of 95; below the base year&#39;s 99.9.',
    );
    expect(en).toContain('the plan gives no base-year figure (—): progress is counted from 0');
    expect(en).toContain('The same next measures, “加强统筹，压实责任。”, for indicators no. 5, 33, 45');
  });

  it('lists them in the Word document too, under the section on indicators behind', async () => {
    const f = await figures();
    const text = async (locale: 'zh-CN' | 'en') => {
      const docx = await writeReportDocument(f, locale, {
        issuer: HEYUAN_ISSUER,
        issuedAt: new Date('2024-04-15T10:00:00+08:00'),
        stage: 'draft',
      });
      const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
      return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
    };
    const zh = await text('zh-CN');
    expect(zh).toContain(
      '达到目标要求但须预警的指标\n6. 适龄儿童免疫规划疫苗接种率（达到目标要求，本期值95.5%，目标＞95，牵头单位：市卫生健康局）：距目标下限95不足0.95；低于基期值99.9。\n',
    );
    expect(zh).toContain(
      '指标数据说明\n33. 符合条件的城镇低保、低收入住房困难家庭的公租房（含租赁补贴）保障率：基期值按规划原文保留，存疑：指标33为百分比，数值394超过100。\n28. ',
    );
    expect(zh).toContain('雷同的原因分析和下一步措施\n下一步措施“加强统筹，压实责任。”在第5、33、45项指标中相同');
    const en = await text('en');
    expect(en).toContain(
      'Requirements met, with a warning\n6. Vaccination rate of age-eligible children under the National Immunization Program (meets the requirement;',
    );
  });
});
