/**
 * The report's tables as WordprocessingML text. A table of 10,000 indicators
 * has over 100,000 cells, and docx builds several objects for each (the cell,
 * its paragraph, its run and their properties), all held until the document
 * is packed: most of the Word document's time and memory. The tables are
 * written here instead, a row at a time while the package is zipped
 * (libs/report/document-package.ts), in the very XML docx writes for them
 * (document-tables.spec.ts sets the two side by side): the header row
 * repeated on every page in bold 黑体, the cells in 仿宋 at 10.5 pt, no row
 * split across pages, the columns fixed at the widths their content asks for
 * (libs/report/column-widths.ts).
 */
import { columnWidths } from './column-widths';
import { FONTS, SIZE, type Font } from './document-typography';

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text escaped as docx escapes it: markup characters as entities; control characters, which XML 1.0 cannot hold, left out. */
export const escapeXml = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');

const font = (f: Font) =>
  `<w:rFonts w:ascii="${escapeXml(f.ascii)}" w:eastAsia="${escapeXml(f.eastAsia)}" w:hint="${f.hint}"/>`;
const BOLD = { header: '<w:b/><w:bCs/>', cell: '<w:b w:val="false"/><w:bCs w:val="false"/>' };
const BORDER = 'w:val="single" w:color="auto" w:sz="4"';
const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} ${BORDER}/>`).join('');

/** What opens each cell of a row up to its text: the cell's width and the run's font, size and weight. */
function cellOpenings(widths: number[], header: boolean): string[] {
  const size = `<w:sz w:val="${SIZE.table}"/><w:szCs w:val="${SIZE.table}"/>`;
  const run = `<w:rPr>${font(header ? FONTS.heading : FONTS.body)}${header ? BOLD.header : BOLD.cell}${size}</w:rPr>`;
  return widths.map(
    (w) => `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${w}"/></w:tcPr><w:p><w:r>${run}<w:t xml:space="preserve">`,
  );
}
const CELL_END = '</w:t></w:r></w:p></w:tc>';

/**
 * The table `width` twips wide: a header row and a row for each of `rows`,
 * each with as many cells as there are headers. Yields the table's XML a
 * row at a time.
 */
export function* tableXml(headers: string[], rows: string[][], width: number): Generator<string> {
  const grid = columnWidths(headers, rows, width);
  // Columns that leave part of the width unused are widened in proportion, cell by cell, as Word lays them out.
  const total = grid.reduce((sum, w) => sum + w, 0);
  const scale = total > 0 && width > total ? width / total : 1;
  const cellWidths = grid.map((w) => Math.round(w * scale));
  yield `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${width}"/><w:tblBorders>${BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const row = (properties: string, openings: string[], cells: string[]) =>
    `<w:tr><w:trPr><w:cantSplit/>${properties}</w:trPr>${openings.map((o, i) => o + escapeXml(cells[i]) + CELL_END).join('')}</w:tr>`;
  yield row('<w:tblHeader/>', cellOpenings(cellWidths, true), headers);
  const openings = cellOpenings(cellWidths, false);
  for (const r of rows) yield row('<w:tblHeader w:val="off"/>', openings, r);
  yield '</w:tbl>';
}
