/**
 * The report's table of the plan's approved target adjustments (规划目标调整情况),
 * zh-CN and English: item, original target, adjusted target, the year it
 * applies from, the reason, and who approved it when. Every report from the
 * first approval on carries it, the final evaluation's included; a report
 * without adjustments has none. The Word and HTML reports take the section
 * (libs/report/report-outline.ts), the workbook a sheet.
 */
import type ExcelJS from 'exceljs';
import type { Locale } from '../plan/localized';
import type { CycleReportFigures } from './cycle-report';
import type { TargetAdjustmentRow } from './targets-in-force';

interface AdjustmentText {
  heading: string;
  intro(rows: TargetAdjustmentRow[]): string;
  headers: string[];
  sheet: string;
  item(r: TargetAdjustmentRow): string;
  approval(a: TargetAdjustmentRow['approvals'][number]): string;
  separator: string;
}

/** Dates as the bureau reads them: Beijing time. */
const DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short' });
const day = (iso: string) => DATE.format(new Date(iso));

const ZH: AdjustmentText = {
  heading: '规划目标调整情况',
  intro: (rows) =>
    `规划实施期间经批准调整目标${rows.length}项。调整后的目标自生效年份起适用，此前年份仍按原目标评估；原目标不变，各表中调整的目标均同时列出原目标。`,
  headers: ['事项', '原目标', '调整后目标', '生效年份', '调整理由', '审批'],
  sheet: '规划目标调整',
  item: (r) => `${r.itemKind === 'indicator' ? '指标' : '重大项目'}${r.itemNo}. ${r.name}（${r.unit}）`,
  approval: (a) =>
    `${a.role === 'supervisor' ? '牵头部门审核' : '审批'}：${a.name}${a.unit ? `（${a.unit}）` : ''}，${day(a.at)}`,
  separator: '；',
};

const EN: AdjustmentText = {
  heading: 'Adjustments of the plan’s targets',
  intro: (rows) =>
    `${rows.length} target${rows.length === 1 ? ' was' : 's were'} adjusted with approval during the plan. An adjusted target applies from its effective year; earlier years are judged against the original, which stays as the plan printed it and is shown beside every adjusted target in the tables.`,
  headers: ['Item', 'Original target', 'Adjusted target', 'Effective from', 'Reason', 'Approvals'],
  sheet: 'Target adjustments',
  item: (r) =>
    `${r.itemKind === 'indicator' ? 'Indicator' : 'Major project'} ${r.itemNo}. ${r.nameEn ?? r.name} (${r.unitEn ?? r.unit})`,
  approval: (a) =>
    `${a.role === 'supervisor' ? 'lead department' : 'approver'}: ${a.name}${a.unit ? ` (${a.unit})` : ''}, ${day(a.at)}`,
  separator: '; ',
};

export const ADJUSTMENT_TEXT: Record<Locale, AdjustmentText> = { 'zh-CN': ZH, en: EN };

function rows(locale: Locale, f: CycleReportFigures): string[][] {
  const t = ADJUSTMENT_TEXT[locale];
  return (f.targetAdjustments ?? []).map((r) => [
    t.item(r),
    r.original,
    r.adjusted,
    String(r.effectiveYear),
    r.reason,
    r.approvals.map(t.approval).join(t.separator),
  ]);
}

/** The section's title and blocks, or nothing when no target is adjusted. */
export function adjustmentSection(
  locale: Locale,
  f: CycleReportFigures,
): Array<
  [string, Array<{ kind: 'paragraph'; text: string } | { kind: 'table'; headers: string[]; rows: string[][] }>]
> {
  if (!f.targetAdjustments?.length) return [];
  const t = ADJUSTMENT_TEXT[locale];
  return [
    [
      t.heading,
      [
        { kind: 'paragraph', text: t.intro(f.targetAdjustments) },
        { kind: 'table', headers: t.headers, rows: rows(locale, f) },
      ],
    ],
  ];
}

export function addAdjustmentSheet(wb: ExcelJS.Workbook, locale: Locale, f: CycleReportFigures): void {
  if (!f.targetAdjustments?.length) return;
  const t = ADJUSTMENT_TEXT[locale];
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Widths first: a streamed sheet writes its columns before its first row.
  t.headers.forEach((_h, i) => (ws.getColumn(i + 1).width = i === 0 || i >= 4 ? 36 : 16));
  ws.addRow(t.headers).font = { bold: true };
  rows(locale, f).forEach((r) => ws.addRow(r));
}
