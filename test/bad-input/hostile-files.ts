/**
 * Hostile inputs built from real ones: the Heyuan plan's own workbook with a
 * cell, a sheet or a part changed (ExcelJS for cells, the zip itself for what
 * ExcelJS would refuse to write), a signed token with its payload changed,
 * and the database's state to compare before and after a refusal.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { DataSource } from 'typeorm';

export async function withCell(
  workbook: Buffer,
  sheet: string,
  cell: string,
  value: ExcelJS.CellValue,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(workbook as unknown as ArrayBuffer);
  wb.getWorksheet(sheet)!.getCell(cell).value = value;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A sheet's part (e.g. xl/worksheets/sheet7.xml) grown to `rows` rows with numbered one-cell rows, as Excel writes them. */
export async function withRowCount(workbook: Buffer, part: string, rows: number): Promise<Buffer> {
  return withPart(workbook, part, (xml) => {
    const first = 1000;
    const more = rows - (xml.match(/<row[\s>]/g) ?? []).length;
    return xml.replace(
      '</sheetData>',
      `${Array.from({ length: more }, (_, i) => `<row r="${first + i}"><c r="A${first + i}"><v>${i}</v></c></row>`).join('')}</sheetData>`,
    );
  });
}

/** A part of the workbook rewritten, packed again (fast deflate: the point is what it unpacks to). */
export async function withPart(workbook: Buffer, part: string, rewrite: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(workbook);
  zip.file(part, rewrite(await zip.file(part)!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}

/**
 * A part moved to another name, with what points at it following: the workbook's
 * relationships (their Target written as `target`) and the content types.
 */
export async function withPartMoved(workbook: Buffer, from: string, to: string, target: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(workbook);
  zip.file(to, await zip.file(from)!.async('nodebuffer'));
  zip.remove(from);
  const rels = 'xl/_rels/workbook.xml.rels';
  const relative = from.replace(/^xl\//, '');
  zip.file(
    rels,
    (await zip.file(rels)!.async('string'))
      .replace(`Target="${relative}"`, `Target="${target}"`)
      .replace(`Target="/${from}"`, `Target="${target}"`),
  );
  const types = '[Content_Types].xml';
  zip.file(types, (await zip.file(types)!.async('string')).replace(`PartName="/${from}"`, `PartName="/${to}"`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}

/** A copy of a part under another name that nothing in the workbook points at. */
export async function withPartCopied(workbook: Buffer, from: string, to: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(workbook);
  zip.file(to, await zip.file(from)!.async('nodebuffer'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}

/** A JWT with its payload changed and its header and signature kept. */
export function withClaims(
  token: string,
  change: (claims: Record<string, unknown>) => Record<string, unknown>,
): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  return [header, Buffer.from(JSON.stringify(change(claims))).toString('base64url'), signature].join('.');
}

/** A JWT that says it needs no signature (`alg: none`). */
export function unsigned(token: string): string {
  const payload = token.split('.')[1];
  return [Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'), payload, ''].join('.');
}

/** The text an HTML fragment shows: tags dropped, entities decoded. */
export function htmlText(html: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#'
        ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
        : (named[e.toLowerCase()] ?? m),
    );
}

/** Rows in every table: a refusal that wrote anything anywhere (an audit entry, half a plan) changes one. */
export async function rowCounts(ds: DataSource): Promise<Record<string, number>> {
  const tables: Array<{ name: string }> = await ds.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = Number((await ds.query(`SELECT count(*) AS n FROM "${name}"`))[0].n);
  return counts;
}
