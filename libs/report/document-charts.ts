/**
 * Charts in the Word document: each a captioned PNG (libs/report/chart-images.ts)
 * scaled to the text width; small charts two to a row in a borderless table.
 * The caption carries the chart's title, which the image leaves out.
 */
import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import type { ChartImages } from './chart-images';
import type { ReportChart } from './report-charts';

/** Twips per pixel at 96 to the inch: Word sizes a drawing in pixels. */
const TWIPS_PER_PX = 15;
const SMALL_PER_ROW = 2;

export type Caption = (text: string) => Paragraph;

/** Every chart's image, rasterised before the document is put together (docx builds synchronously). */
export async function chartPngs(charts: ReportChart[], images: ChartImages): Promise<Map<ReportChart, Buffer>> {
  await images.prepare(charts);
  return new Map(await Promise.all(charts.map(async (c) => [c, await images.png(c)] as const)));
}

function image(c: ReportChart, png: Buffer, maxWidthPx: number): Paragraph {
  const width = Math.min(c.width, maxWidthPx);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepLines: true,
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width, height: Math.round((c.height * width) / c.width) },
        altText: { name: c.id, title: c.title, description: c.title },
      }),
    ],
  });
}

/** One chart across the text width, its caption above it (kept on the same page). */
export function chartFigure(c: ReportChart, png: Buffer, textWidth: number, caption: Caption): Paragraph[] {
  return [caption(c.title), image(c, png, Math.floor(textWidth / TWIPS_PER_PX))];
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/** Small charts, two to a row, each captioned. */
export function chartGallery(
  charts: ReportChart[],
  pngs: Map<ReportChart, Buffer>,
  textWidth: number,
  caption: Caption,
): Table {
  const cellWidth = Math.floor(textWidth / SMALL_PER_ROW);
  const rows: TableRow[] = [];
  for (let n = 0; n < charts.length; n += SMALL_PER_ROW) {
    const row = charts.slice(n, n + SMALL_PER_ROW);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: Array.from({ length: SMALL_PER_ROW }, (_, k) => {
          const c = row[k];
          return new TableCell({
            width: { size: cellWidth, type: WidthType.DXA },
            children: c
              ? [caption(c.title), image(c, pngs.get(c)!, Math.floor((cellWidth - 230) / TWIPS_PER_PX))]
              : [new Paragraph({})],
          });
        }),
      }),
    );
  }
  return new Table({
    width: { size: cellWidth * SMALL_PER_ROW, type: WidthType.DXA },
    columnWidths: Array(SMALL_PER_ROW).fill(cellWidth),
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows,
  });
}
