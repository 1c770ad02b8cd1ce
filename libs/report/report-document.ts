/**
 * The report as a Word document, the form a bureau circulates: summary,
 * binding indicators first, the full indicator table, lagging items with the
 * departments' reasons and measures, tasks, projects, timeliness, appendix.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { CycleReportFigures } from './cycle-report';
import { behindPath, projectsToDiscuss, REPORT_TEXT, reportRows, type Locale } from './report-text';

const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });

function table(headers: string[], rows: string[][]): Table {
  const row = (cells: string[], bold = false) =>
    new TableRow({ tableHeader: bold, children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, bold })] })] })) });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(headers, true), ...rows.map((r) => row(r))] });
}

export async function writeReportDocument(f: CycleReportFigures, locale: Locale = 'zh-CN'): Promise<Buffer> {
  const t = REPORT_TEXT[locale];
  const title = t.title(f);
  const indicatorTable = (rows: CycleReportFigures['indicators']) => table(t.headers.indicators, rows.map((i) => reportRows.indicator(t, i)));
  const behind = behindPath(f);
  const discussed = projectsToDiscuss(f);

  const doc = new Document({
    creator: 'plan-eval',
    title,
    styles: { default: { document: { run: { font: { ascii: 'Times New Roman', eastAsia: 'SimSun' }, size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
          new Paragraph({ text: t.subtitle(f), alignment: AlignmentType.CENTER }),
          heading(t.headings.overview),
          para(t.summary(f)),
          para(t.method(f)),
          heading(t.headings.binding),
          indicatorTable(f.indicators.filter((i) => i.attribute === 'binding')),
          heading(t.headings.indicators),
          indicatorTable(f.indicators),
          heading(t.headings.behind),
          ...(behind.length
            ? behind.flatMap((i) => [new Paragraph({ children: [new TextRun({ text: t.behindItem(f, i), bold: true })] }), para(t.reasons(i.reasons)), para(t.measures(i.measures))])
            : [para(t.noneBehind)]),
          heading(t.headings.tasks),
          table(t.headers.tasks, f.tasks.map((x) => reportRows.task(t, f, x))),
          heading(t.headings.projects),
          para(t.projectTotals(f)),
          table(t.headers.projects, [...f.projects.map((p) => reportRows.project(t, f, p)), reportRows.projectTotal(t, f)]),
          ...(discussed.length
            ? discussed.flatMap((p) => [new Paragraph({ children: [new TextRun({ text: t.projectItem(f, p), bold: true })] }), para(t.projectNarrative(p.narrative))])
            : [para(t.noneProjectsBehind)]),
          heading(t.headings.timeliness),
          table(t.headers.timeliness, f.timeliness.map((x) => reportRows.timeliness(t, f, x))),
          heading(t.headings.appendix),
          para(t.appendix),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
