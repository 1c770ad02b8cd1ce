/**
 * The report as a Word document, the form a bureau circulates: a cover with
 * the plan, the evaluation and its period, the issuing organ, the date and
 * the stage (征求意见稿 until the report is finalised); a table of contents;
 * page numbers (第 X 页 共 Y 页) in the footer; then the chapters of the
 * report's outline (libs/report/report-outline.ts), each block drawn as a
 * Word paragraph or table, in the typography of official documents
 * (libs/report/document-typography.ts). The text and tables, most of a
 * large report, are written as XML while the package is zipped
 * (libs/report/document-blocks.ts, document-tables.ts, document-package.ts);
 * docx draws the cover, the contents, the headings and the charts.
 */
import { Writable } from 'node:stream';
import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  HeadingLevel,
  LeaderType,
  PageNumber,
  PageReference,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TextRun,
  type IRunOptions,
} from 'docx';
import { localize, type Localized } from '../plan/localized';
import { ChartImages } from './chart-images';
import type { CycleReportFigures } from './cycle-report';
import { chartFigure, chartGallery, chartPngs } from './document-charts';
import { DocumentPlaceholders } from './document-package';
import { isTextBlock, textBlockWriter, type TextBlock } from './document-blocks';
import { FONTS, SIZE, TEXT_WIDTH } from './document-typography';
import { outlineCharts, reportOutline, type ReportBlock, type ReportChapter } from './report-outline';
import { REPORT_TEXT, type Locale, type ReportText } from './report-text';

/** Who issues the report, when, and at which stage: the cover and the document's metadata say so. */
export interface ReportIssue {
  issuer: Localized;
  issuedAt: Date;
  stage: 'draft' | 'final';
}

const run = (text: string, options: Omit<IRunOptions, 'text'> = {}) =>
  new TextRun({ text, font: FONTS.body, size: SIZE.body, ...options });
/** A section heading, bookmarked so the contents can give its page. */
const heading = (text: string, id: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_1,
    spacing: { before: 240, after: 120 },
    children: [new Bookmark({ id, children: [new TextRun({ text, font: FONTS.heading, size: SIZE.heading })] })],
  });

/**
 * The contents, written out rather than left to a TOC field: each section with
 * a page reference to its heading's bookmark, which Word and LibreOffice both
 * resolve when they lay the document out (a TOC field stays empty until
 * someone updates it, and LibreOffice's conversion gives it no page numbers).
 */
const contentsEntry = (text: string, id: string) =>
  new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
    spacing: { line: 480 },
    children: [
      run(text),
      new TextRun({ font: FONTS.body, size: SIZE.body, children: [new Tab(), new PageReference(id)] }),
    ],
  });
const centred = (text: string, options: Omit<IRunOptions, 'text'> = {}, spacing = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: spacing }, children: [run(text, options)] });

/** GB/T 9704's margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (in twentieths of a point). */
const PAGE_MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 };

const STAGE: Record<ReportIssue['stage'], Localized> = {
  draft: { zh: '（征求意见稿）', en: '(draft for comments)' },
  final: { zh: '（定稿）', en: '(final)' },
};
const CONTENTS: Localized = { zh: '目录', en: 'Contents' };

function dateLine(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'long',
  }).format(at);
}

/** The cover: the report's title and stage, the issuing organ and the date, alone on its page. */
function cover(t: ReportText, f: CycleReportFigures, issue: ReportIssue): Paragraph[] {
  return [
    centred(t.title(f), { font: FONTS.title, size: SIZE.title }, 2400),
    centred(localize(STAGE[issue.stage], t.locale), { font: FONTS.heading }, 240),
    centred(t.subtitle(f), { size: SIZE.table, color: '666666' }, 480),
    centred(localize(issue.issuer, t.locale), { font: FONTS.heading }, 4800),
    centred(dateLine(issue.issuedAt, t.locale), {}, 240),
  ];
}

/** 第 X 页 共 Y 页 under every page after the cover (which is counted, not numbered). */
function pageFooter(t: ReportText): Footer {
  const words = t.locale === 'en' ? ['Page ', ' of ', ''] : ['第 ', ' 页 共 ', ' 页'];
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            font: FONTS.body,
            size: SIZE.footer,
            children: [words[0], PageNumber.CURRENT, words[1], PageNumber.TOTAL_PAGES, words[2]],
          }),
        ],
      }),
    ],
  });
}

/** A chart's title above it, as figures are captioned in official documents. */
const caption = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 120 },
    children: [new TextRun({ text, font: FONTS.heading, size: SIZE.table })],
  });

/** The Word document in memory (see packReportDocument). */
export async function writeReportDocument(
  f: CycleReportFigures,
  locale: Locale,
  issue: ReportIssue,
  charts?: ChartImages,
  outline?: ReportChapter[],
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk), done()),
  });
  await packReportDocument(out, f, locale, issue, charts, outline);
  return Buffer.concat(chunks);
}

/**
 * Writes the Word document to `out`, which it ends. `charts`: shared by the
 * two renditions of a report, so that a chart without words is rasterised
 * once (the caller then disposes of it); `outline`: the report's outline in
 * `locale`, when the caller has it already.
 */
export async function packReportDocument(
  out: Writable,
  f: CycleReportFigures,
  locale: Locale,
  issue: ReportIssue,
  charts?: ChartImages,
  outline: ReportChapter[] = reportOutline(REPORT_TEXT[locale], f),
): Promise<void> {
  const t = REPORT_TEXT[locale];
  const title = t.title(f);
  const issuer = localize(issue.issuer, locale);
  const images = charts ?? new ChartImages();
  const placeholders = new DocumentPlaceholders();
  const drawn = await chartPngs(outlineCharts(outline), images).finally(() => (charts ? undefined : images.dispose()));
  const pngs = new Map([...drawn].map(([c, png]) => [c, placeholders.image(png)]));
  const writeText = await textBlockWriter();
  // Each run of text blocks between two charts stands in docx as one placeholder for its XML.
  const body = (blocks: ReportBlock[]): Array<Paragraph | Table> => {
    const drawn: Array<Paragraph | Table> = [];
    for (let i = 0; i < blocks.length;) {
      const text: TextBlock[] = [];
      for (let b = blocks[i]; i < blocks.length && isTextBlock(b); b = blocks[++i]) text.push(b);
      if (text.length) drawn.push(placeholders.block(() => writeText(text, TEXT_WIDTH)));
      const b = blocks[i++];
      if (b?.kind === 'chart') drawn.push(...chartFigure(b.chart, pngs.get(b.chart)!, TEXT_WIDTH, caption));
      else if (b?.kind === 'charts') drawn.push(chartGallery(b.charts, pngs, TEXT_WIDTH, caption));
    }
    return drawn;
  };
  const sections = outline.map((c) => ({ title: c.title, body: body(c.blocks) }));

  const doc = new Document({
    creator: issuer,
    lastModifiedBy: issuer,
    title,
    description: `${title}${locale === 'en' ? ' ' : ''}${localize(STAGE[issue.stage], locale)}`,
    // The contents' page references are fields: Word updates them on opening.
    features: { updateFields: true },
    styles: {
      default: { document: { run: { font: FONTS.body, size: SIZE.body } } },
      paragraphStyles: [
        {
          id: 'Heading1',
          name: 'Heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: FONTS.heading, size: SIZE.heading, bold: false },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
      ],
    },
    sections: [
      { properties: { page: { margin: PAGE_MARGIN } }, children: cover(t, f, issue) },
      {
        properties: { page: { margin: PAGE_MARGIN } },
        footers: { default: pageFooter(t) },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: localize(CONTENTS, locale), font: FONTS.heading, size: SIZE.heading })],
          }),
          ...sections.map((x, i) => contentsEntry(x.title, `section-${i + 1}`)),
          new Paragraph({
            pageBreakBefore: true,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: title, font: FONTS.title, size: SIZE.title })],
          }),
          ...sections.flatMap((x, i) => [heading(x.title, `section-${i + 1}`), ...x.body]),
        ],
      },
    ],
  });
  await placeholders.pack(doc, out);
}
