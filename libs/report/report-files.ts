/** Writes one report version in every format, side by side: JSON figures, Excel annex, Word document, HTML page. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CycleReportFigures } from './cycle-report';
import { writeReportDocument } from './report-document';
import { renderReportHtml } from './report-html';
import { writeReportWorkbook } from './report-workbook';

export interface ReportFiles {
  json: string;
  xlsx: string;
  docx: string;
  html: string;
}

export async function writeReportFiles(dir: string, version: number, figures: CycleReportFigures, contentHash: string): Promise<ReportFiles> {
  await mkdir(dir, { recursive: true });
  const base = join(dir, `report-v${version}`);
  const files: ReportFiles = { json: `${base}.json`, xlsx: `${base}.xlsx`, docx: `${base}.docx`, html: `${base}.html` };
  await writeFile(files.json, JSON.stringify({ contentHash, ...figures }, null, 2));
  await writeFile(files.xlsx, await writeReportWorkbook(figures));
  await writeFile(files.docx, await writeReportDocument(figures));
  await writeFile(files.html, renderReportHtml(figures));
  return files;
}
