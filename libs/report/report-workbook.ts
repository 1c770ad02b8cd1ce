/**
 * The report's Excel annex: a summary sheet first (the statuses counted by
 * kind of item, and the report's own sentences), then every figure, one sheet
 * per table, each row traceable to its submission; every table's header row
 * frozen and filterable. Written as a stream (exceljs' WorkbookWriter): each
 * row is written out once it is whole, so a sheet of 10,000 indicators is
 * never held whole, and zlib deflates the package in its thread pool. A
 * streamed sheet's columns are written before its first row, so their widths
 * and formats are set first.
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CycleReportFigures } from './cycle-report';
import type { ProgressStatus } from '../rules/progress';
import { PLAN_NAMES } from './report-names';
import { REPORT_TEXT, type Locale, type ReportText } from './report-text';
import { SERVICE_TEXT, serviceSheetRow } from './report-services';
import { addAdjustmentSheet } from './report-adjustments';
import { addAssessmentSheet, shownAssessment } from './report-assessment';

type Source = CycleReportFigures['indicators'][number]['source'];
type Signature = NonNullable<Source>['submitter'];
/** Times as the bureau reads them, in Beijing time: 2026-03-15 14:02. */
const BEIJING_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'short',
});

type Cells = Array<string | number | null>;

/** The workbook in memory (see streamReportWorkbook). */
export async function writeReportWorkbook(f: CycleReportFigures, locale: Locale = 'zh-CN'): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk), done()) });
  await streamReportWorkbook(out, f, locale);
  return Buffer.concat(chunks);
}

/** Writes the workbook to `out`, which it ends. */
export async function streamReportWorkbook(out: Writable, f: CycleReportFigures, locale: Locale): Promise<void> {
  const t = REPORT_TEXT[locale];
  const names = PLAN_NAMES[locale];
  const signed = (s: Signature) => [
    s?.name ?? null,
    s?.unit ? t.name(f, s.unit) : null,
    s ? BEIJING_TIME.format(new Date(s.at)) : null,
  ];
  /** A figure's version, then who submitted and who approved it (the columns of t.headers.source). */
  const traced = (s: Source) => [
    s?.version ?? null,
    ...(s?.submitter ? signed(s.submitter) : [s?.submittedBy ?? null, null, null]),
    ...(s?.approver ? signed(s.approver) : [s?.approvedBy ?? null, null, null]),
  ];
  const sep = locale === 'en' ? '; ' : '；';
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'plan-eval';
  wb.title = t.title(f);
  /**
   * A sheet of `items`, a row each. `formats`: number formats by column (1-based); `style`: what a row shows
   * beyond its values, set before it is written.
   */
  const sheet = <T>(
    name: string,
    headers: string[],
    items: Iterable<T>,
    row: (x: T) => Cells,
    { formats = {}, style }: { formats?: Record<number, string>; style?: (row: ExcelJS.Row, x: T) => void } = {},
  ) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    headers.forEach((_h, i) => (ws.getColumn(i + 1).width = i === 1 ? 36 : 16));
    for (const [column, format] of Object.entries(formats)) ws.getColumn(Number(column)).numFmt = format;
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
    const header = ws.addRow(headers);
    header.font = { bold: true };
    header.commit();
    for (const x of items) {
      const r = ws.addRow(row(x));
      style?.(r, x);
      r.commit();
    }
    // Ends the sheet's part, so the zip takes it in before the next is written.
    ws.commit();
  };
  summarySheet(wb, f, t);
  sheet(
    t.sheets.indicators,
    [...t.headers.indicatorSheet, ...t.headers.source],
    f.indicators,
    (i) => [
      i.no,
      names.indicator(i),
      t.name(f, i.category),
      names.unit(i),
      t.attribute(i.attribute),
      t.baselineCell(i),
      names.target(i),
      typeof i.value === 'boolean' ? t.yesNo(i.value) : i.value,
      i.expected,
      i.ratio,
      t.status(i.status),
      t.name(f, i.leadDepartment),
      i.warnings?.map(t.warning).join(sep) ?? null,
      i.notes.map(t.note).join(sep) || null,
      i.reasons,
      i.measures,
      i.dataSource,
      ...traced(i.source),
    ],
    {
      // Value and expected value shown at the precision the plan prints the indicator's figures at (5.00, not 5); ratios to four places.
      formats: { 10: '0.0000' },
      style: (row, i) => {
        const format = i.decimals ? `0.${'0'.repeat(i.decimals)}` : '0';
        row.getCell(8).numFmt = format;
        row.getCell(9).numFmt = format;
      },
    },
  );
  sheet(t.sheets.tasks, [...t.headers.taskSheet, ...t.headers.source], f.tasks, (x) => [
    x.no,
    names.task(x),
    t.name(f, x.leadDepartment),
    t.taskProgress(x.progress),
    t.status(x.status),
    x.narrative,
    x.contributions.length ? t.contributions(f, x) : null,
    ...traced(x.source),
  ]);
  sheet(t.sheets.targets, t.headers.targets, f.targets, (x) => [
    x.no,
    names.mainTarget(x),
    t.names(f, x.departments),
    x.indicators.join(sep),
    t.targetStatus(x.status),
  ]);
  const p = f.summary.projects;
  const total: Cells = [null, t.total, null, p.planPeriodInvestment, p.investmentCumulative, p.completionShare];
  sheet(
    t.sheets.projects,
    [...t.headers.projectSheet, ...t.headers.source],
    [...f.projects, null],
    (x) =>
      x === null
        ? total
        : [
            x.no,
            names.item(x),
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
          ],
    {
      // Money in 万元 to the cent as the plan prints it, shares as percentages, ratios to four places as for indicators.
      formats: { 4: '#,##0.00', 5: '#,##0.00', 6: '0.0%', 8: '0.0000' },
      // The total, last, in bold.
      style: (row, x) => {
        if (x === null) row.font = { bold: true };
      },
    },
  );
  sheet(t.sheets.reserve, [...t.headers.reserveSheet, ...t.headers.source], f.reserveProjects, (x) => [
    x.no,
    names.item(x),
    names.reserveGroup(x),
    t.name(f, x.leadDepartment),
    t.reserveStage(x.stage),
    x.narrative,
    ...traced(x.source),
  ]);
  sheet(
    SERVICE_TEXT[locale].sheet,
    [...SERVICE_TEXT[locale].sheetHeaders, ...t.headers.source],
    f.serviceItems,
    (x) => [...serviceSheetRow(locale, f, x), ...traced(x.source)],
  );
  sheet(t.sheets.timeliness, t.headers.timelinessSheet, f.timeliness, (x) => [
    t.name(f, x.name),
    x.department,
    t.timeliness(x.timeliness),
    x.done,
    x.total,
  ]);
  addAdjustmentSheet(wb, locale, f);
  if (f.assessment) addAssessmentSheet(wb, locale, shownAssessment(locale, f));
  await wb.commit();
}

/** The first sheet: how many items of each kind stand where, then the report's summary sentences. */
function summarySheet(wb: ExcelJS.Workbook, f: CycleReportFigures, t: ReportText): void {
  const ws = wb.addWorksheet(t.sheets.summary);
  const statuses = Object.keys(f.summary.byStatus) as ProgressStatus[];
  const columns = statuses.length + 1;
  for (let c = 1; c <= columns; c++) ws.getColumn(c).width = 16;
  ws.addRow([t.title(f)]).font = { bold: true, size: 14 };
  ws.addRow([t.subtitle(f)]);
  ws.addRow([]);
  const counted: Array<[string, Record<ProgressStatus, number>]> = [
    [t.sheets.indicators, f.summary.byStatus],
    [t.sheets.tasks, f.summary.tasksByStatus],
    [t.sheets.projects, f.summary.projects.byStatus],
  ];
  ws.addRow(['', ...statuses.map((s) => t.status(s))]).font = { bold: true };
  for (const [kind, byStatus] of counted) ws.addRow([kind, ...statuses.map((s) => byStatus[s] ?? 0)]);
  ws.addRow([]);
  const services = SERVICE_TEXT[t.locale].summary(f);
  for (const sentence of [t.summary(f), t.projectTotals(f), t.reserveTotals(f), services, t.method(f)]) {
    const row = ws.addRow([sentence]);
    ws.mergeCells(row.number, 1, row.number, columns);
    row.alignment = { wrapText: true, vertical: 'top' };
    // Excel does not size a merged cell's row to its wrapped text: about 50 Chinese characters a line across the table.
    row.height = Math.ceil(sentence.length / 50) * 18;
  }
  ws.commit();
}
