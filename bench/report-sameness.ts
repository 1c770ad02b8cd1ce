/**
 * Whether two report versions written from the same figures say the same:
 * the JSON and the HTML byte for byte (but for the class names ECharts gives
 * an SVG's styles, numbered by how many charts the process drew before: they
 * are renumbered in order of appearance), the Word documents part for part
 * (their XML, and their images by their pixels, however the PNG compressed
 * them; the creation time in docProps/core.xml aside), the
 * workbooks cell for cell (value, number format, bold) with their sheets'
 * frozen panes, filters, merged cells, column widths and row heights: what
 * Excel shows, not how the file spells it (a streamed workbook writes its
 * strings inline, a buffered one in a shared table; an empty cell, formatted
 * or not, or holding an empty string, is no cell).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PNG } from 'pngjs';

const RENDITIONS = ['', '.en'];

export async function reportDifferences(before: string, after: string): Promise<string[]> {
  const file = (dir: string, name: string) => readFileSync(join(dir, name));
  const differences: string[] = [];
  if (!file(before, 'report-v1.json').equals(file(after, 'report-v1.json'))) differences.push('report-v1.json');
  for (const r of RENDITIONS) {
    const html = `report-v1${r}.html`;
    if (chartClassesRenumbered(file(before, html)) !== chartClassesRenumbered(file(after, html)))
      differences.push(html);
    const docx = `report-v1${r}.docx`;
    differences.push(...(await zipDifferences(file(before, docx), file(after, docx))).map((p) => `${docx}:${p}`));
    const xlsx = `report-v1${r}.xlsx`;
    const [a, b] = await Promise.all([workbookText(file(before, xlsx)), workbookText(file(after, xlsx))]);
    differences.push(...sheetDifferences(a, b).map((s) => `${xlsx}:${s}`));
  }
  return differences;
}

/** The page with ECharts' style classes (`zr15-cls-77`) numbered as they first appear. */
function chartClassesRenumbered(html: Buffer): string {
  const seen = new Map<string, number>();
  return html.toString('utf8').replace(/zr\d+-cls-\d+/g, (name) => {
    if (!seen.has(name)) seen.set(name, seen.size);
    return `chart-cls-${seen.get(name)}`;
  });
}

/** The parts that differ, or are in one file only; the document's creation time is left out. */
async function zipDifferences(a: Buffer, b: Buffer): Promise<string[]> {
  const [za, zb] = await Promise.all([JSZip.loadAsync(a), JSZip.loadAsync(b)]);
  const names = [...new Set([...Object.keys(za.files), ...Object.keys(zb.files)])].filter(
    (n) => n !== 'docProps/core.xml' && !n.endsWith('/'),
  );
  const differs = await Promise.all(
    names.map(async (n) => {
      const [x, y] = [za.file(n), zb.file(n)];
      if (!x || !y) return true;
      const [bx, by] = await Promise.all([x.async('nodebuffer'), y.async('nodebuffer')]);
      return !bx.equals(by) && !(n.endsWith('.png') && samePixels(bx, by));
    }),
  );
  return names.filter((_, i) => differs[i]);
}

/** Two PNGs show the same picture: same size, every pixel's colour and opacity the same (filters and deflate aside). */
export function samePixels(a: Buffer, b: Buffer): boolean {
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  return x.width === y.width && x.height === y.height && x.data.equals(y.data);
}

/** Each sheet as the lines of what Excel shows of it. */
async function workbookText(buffer: Buffer): Promise<Map<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheets = new Map<string, string[]>();
  wb.eachSheet((ws) => {
    const lines = [
      `views ${JSON.stringify((ws.views ?? []).map((v) => ({ state: v.state, ySplit: (v as { ySplit?: number }).ySplit })))}`,
      `autoFilter ${JSON.stringify(ws.autoFilter ?? null)}`,
      `merges ${JSON.stringify(Object.keys((ws as unknown as { _merges: object })._merges).sort())}`,
      `widths ${JSON.stringify(ws.columns?.map((c) => c.width ?? null) ?? [])}`,
    ];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      // An empty cell shows nothing whatever its format, and an empty string is no more than none.
      row.eachCell({ includeEmpty: true }, (c, col) => {
        if (c.value !== null && c.value !== '')
          cells.push(
            `${col}:${JSON.stringify([c.value, c.numFmt ?? null, c.font?.bold ?? false, c.alignment?.wrapText ?? false])}`,
          );
      });
      lines.push(`${n} h=${row.height ?? ''} ${cells.join(' ')}`);
    });
    sheets.set(ws.name, lines);
  });
  return sheets;
}

function sheetDifferences(a: Map<string, string[]>, b: Map<string, string[]>): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])];
  if (names.join() !== [...a.keys()].join() || names.join() !== [...b.keys()].join()) return ['sheets'];
  return names.flatMap((n) => {
    const [x, y] = [a.get(n)!, b.get(n)!];
    const line = x.findIndex((l, i) => l !== y[i]);
    return line >= 0 || x.length !== y.length
      ? [`${n} line ${line >= 0 ? line : Math.min(x.length, y.length)}: ${x[line] ?? '∅'} ≠ ${y[line] ?? '∅'}`]
      : [];
  });
}
