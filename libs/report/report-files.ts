/**
 * Writes one report version in every format, side by side: the JSON figures,
 * and the Excel annex, Word document and HTML page in zh-CN (the default,
 * `report-v<N>.xlsx`) and in English (`report-v<N>.en.xlsx`). Both renditions
 * come from the same figures, so they share the content hash.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { ChartImages } from './chart-images';
import type { CycleReportFigures } from './cycle-report';
import { packReportDocument, type ReportIssue } from './report-document';
import { reportTextHash, type TextEdits } from './report-edits';
import { renderReportHtml } from './report-html';
import { outlineCharts, reportOutline, type ReportChapter } from './report-outline';
import { REPORT_LOCALES, REPORT_TEXT, type Locale } from './report-text';
import { streamReportWorkbook } from './report-workbook';

export interface RenditionFiles {
  xlsx: string;
  docx: string;
  html: string;
}

export interface ReportFiles extends RenditionFiles {
  json: string;
  /** The hash of the drafted chapters' text as written, the bureau's edits in place (libs/report/report-edits.ts). */
  textHash: string;
  /** The English rendition. */
  en: RenditionFiles;
}

/** A file written through a stream, under a temporary name until it is whole: a failed write leaves no file. */
async function writeStreamed(path: string, write: (out: Writable) => Promise<void>): Promise<void> {
  const part = `${path}.part`;
  try {
    await write(createWriteStream(part));
    await rename(part, path);
  } catch (e) {
    await rm(part, { force: true });
    throw e;
  }
}

async function writeRendition(
  base: string,
  figures: CycleReportFigures,
  locale: Locale,
  outline: ReportChapter[],
  issue: ReportIssue,
  charts: ChartImages,
): Promise<RenditionFiles> {
  const files: RenditionFiles = { xlsx: `${base}.xlsx`, docx: `${base}.docx`, html: `${base}.html` };
  await writeStreamed(files.xlsx, (out) => streamReportWorkbook(out, figures, locale));
  await writeFile(files.html, renderReportHtml(figures, locale, outline, charts));
  await writeStreamed(files.docx, (out) => packReportDocument(out, figures, locale, issue, charts, outline));
  return files;
}

/**
 * `issue`: who issues this version, when and at which stage (the Word document's cover; the figures and their
 * hash do not depend on it). `edits`: the bureau's text of the drafted sections it edited, written in place of
 * the drafted text; the JSON keeps them beside the figures, with the text's own hash.
 */
export async function writeReportFiles(
  dir: string,
  version: number,
  figures: CycleReportFigures,
  contentHash: string,
  issue: ReportIssue,
  edits: TextEdits = {},
): Promise<ReportFiles> {
  await mkdir(dir, { recursive: true });
  const base = join(dir, `report-v${version}`);
  const textHash = reportTextHash(figures, edits);
  await writeFile(`${base}.json`, JSON.stringify({ contentHash, textHash, edits, ...figures }, null, 2));
  const outlines = Object.fromEntries(REPORT_LOCALES.map((l) => [l, reportOutline(REPORT_TEXT[l], figures, edits)]));
  // One rasteriser for both renditions: a chart whose image has no words is drawn once for the two. The
  // charts are drawn off the main thread while the workbooks and pages are written.
  const charts = new ChartImages();
  const all = REPORT_LOCALES.flatMap((l) => outlineCharts(outlines[l]));
  await charts.prepare(all);
  for (const c of all) charts.png(c).catch(() => undefined); // awaited by the documents, which report a failure
  try {
    const zh = await writeRendition(base, figures, 'zh-CN', outlines['zh-CN'], issue, charts);
    const en = await writeRendition(`${base}.en`, figures, 'en', outlines.en, issue, charts);
    return { json: `${base}.json`, textHash, ...zh, en };
  } finally {
    await charts.dispose();
  }
}
