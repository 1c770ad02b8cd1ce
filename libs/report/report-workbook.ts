/**
 * The report's Excel annex: a summary sheet first (the statuses counted by
 * kind of item, and the report's own sentences), then every figure, one sheet
 * per table, each row traceable to its submission; every table's header row
 * frozen and filterable.
 */
import ExcelJS from 'exceljs';
import type { CycleReportFigures } from './cycle-report';
import type { ProgressStatus } from '../rules/progress';
import { REPORT_TEXT, type Locale, type ReportText } from './report-text';
import { SERVICE_TEXT, serviceSheetRow } from './report-services';

type Source = CycleReportFigures['indicators'][number]['source'];
const traced = (s: Source) => [s?.version ?? null, s?.submittedBy ?? null, s?.approvedBy ?? null];

export async function writeReportWorkbook(f: CycleReportFigures, locale: Locale = 'zh-CN'): Promise<Buffer> {
  const t = REPORT_TEXT[locale];
  const sep = locale === 'en' ? '; ' : '；';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'plan-eval';
  wb.title = t.title(f);
  const sheet = (name: string, headers: string[], rows: Array<Array<string | number | null>>) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(headers).font = { bold: true };
    rows.forEach((r) => ws.addRow(r));
    headers.forEach((_h, i) => (ws.getColumn(i + 1).width = i === 1 ? 36 : 16));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
    return ws;
  };
  summarySheet(wb, f, t);
  const indicators = sheet(
    t.sheets.indicators,
    t.headers.indicatorSheet,
    f.indicators.map((i) => [
      i.no,
      i.name,
      t.name(f, i.category),
      i.unit,
      t.attribute(i.attribute),
      t.baselineCell(i),
      i.target,
      typeof i.value === 'boolean' ? t.yesNo(i.value) : i.value,
      i.expected,
      i.ratio,
      t.status(i.status),
      t.name(f, i.leadDepartment),
      ...traced(i.source),
      i.warnings?.map(t.warning).join(sep) ?? null,
      i.notes.map(t.note).join(sep) || null,
    ]),
  );
  // Value and expected value shown at the precision the plan prints the indicator's figures at (5.00, not 5); ratios to four places.
  f.indicators.forEach((i, index) => {
    const row = indicators.getRow(index + 2);
    const format = i.decimals ? `0.${'0'.repeat(i.decimals)}` : '0';
    row.getCell(8).numFmt = format;
    row.getCell(9).numFmt = format;
  });
  indicators.getColumn(10).numFmt = '0.0000';
  sheet(
    t.sheets.tasks,
    t.headers.taskSheet,
    f.tasks.map((x) => [
      x.no,
      x.title,
      t.name(f, x.leadDepartment),
      t.taskProgress(x.progress),
      t.status(x.status),
      x.narrative,
      x.contributions.length ? t.contributions(f, x) : null,
      ...traced(x.source),
    ]),
  );
  sheet(
    t.sheets.targets,
    t.headers.targets,
    f.targets.map((x) => [x.no, x.text, x.departments, x.indicators.join(sep), t.targetStatus(x.status)]),
  );
  const p = f.summary.projects;
  const projects = sheet(t.sheets.projects, t.headers.projectSheet, [
    ...f.projects.map((x) => [
      x.no,
      x.name,
      t.name(f, x.leadDepartment),
      x.planPeriodInvestment,
      x.investmentCumulative,
      x.completionShare,
      t.construction(x.constructionStatus),
      x.ratio,
      t.status(x.status),
      x.flags.map(t.projectFlag).join('；') || null,
      x.narrative,
      ...traced(x.source),
    ]),
    [
      null,
      t.total,
      null,
      p.planPeriodInvestment,
      p.investmentCumulative,
      p.completionShare,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ],
  ]);
  projects.getColumn(6).numFmt = '0.0%';
  projects.lastRow!.font = { bold: true };
  sheet(
    t.sheets.reserve,
    t.headers.reserveSheet,
    f.reserveProjects.map((x) => [
      x.no,
      x.name,
      x.group,
      t.name(f, x.leadDepartment),
      t.reserveStage(x.stage),
      x.narrative,
      ...traced(x.source),
    ]),
  );
  sheet(
    SERVICE_TEXT[locale].sheet,
    SERVICE_TEXT[locale].sheetHeaders,
    f.serviceItems.map((x) => [...serviceSheetRow(locale, f, x), ...traced(x.source)]),
  );
  sheet(
    t.sheets.timeliness,
    t.headers.timelinessSheet,
    f.timeliness.map((x) => [t.name(f, x.name), x.department, t.timeliness(x.timeliness), x.done, x.total]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The first sheet: how many items of each kind stand where, then the report's summary sentences. */
function summarySheet(wb: ExcelJS.Workbook, f: CycleReportFigures, t: ReportText): void {
  const ws = wb.addWorksheet(t.sheets.summary);
  ws.addRow([t.title(f)]).font = { bold: true, size: 14 };
  ws.addRow([t.subtitle(f)]);
  ws.addRow([]);
  const statuses = Object.keys(f.summary.byStatus) as ProgressStatus[];
  const counted: Array<[string, Record<ProgressStatus, number>]> = [
    [t.sheets.indicators, f.summary.byStatus],
    [t.sheets.tasks, f.summary.tasksByStatus],
    [t.sheets.projects, f.summary.projects.byStatus],
  ];
  ws.addRow(['', ...statuses.map((s) => t.status(s))]).font = { bold: true };
  for (const [kind, byStatus] of counted) ws.addRow([kind, ...statuses.map((s) => byStatus[s] ?? 0)]);
  ws.addRow([]);
  const columns = statuses.length + 1;
  ws.columns.forEach((c) => (c.width = 16));
  const services = SERVICE_TEXT[t.locale].summary(f);
  for (const sentence of [t.summary(f), t.projectTotals(f), t.reserveTotals(f), services, t.method(f)]) {
    const row = ws.addRow([sentence]);
    ws.mergeCells(row.number, 1, row.number, columns);
    row.alignment = { wrapText: true, vertical: 'top' };
    // Excel does not size a merged cell's row to its wrapped text: about 50 Chinese characters a line across the table.
    row.height = Math.ceil(sentence.length / 50) * 18;
  }
}
