import JSZip from 'jszip';
import { checkWorkbookLimits } from './workbook-limits';

const LIMITS = { maxRowsPerSheet: 3, maxUnpackedBytes: 1024 * 1024 };
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET = `${RELS}/worksheet`;

/** A sheet part of `rows` rows, written the way Excel writes them. */
const sheet = (rows: number, row = (i: number) => `<row r="${i}"><c r="A${i}"><v>${i}</v></c></row>`) =>
  `<worksheet xmlns="${MAIN}"><sheetData>${Array.from({ length: rows }, (_, i) => row(i + 1)).join('')}</sheetData></worksheet>`;

interface Layout {
  /** Sheet name → the relationship's Target as written. */
  sheets: Record<string, string>;
  /** Part name in the zip → its XML. */
  parts: Record<string, string>;
  /** How the relationships are written: Excel's double quotes, or single quotes and a prefix. */
  quote?: '"' | "'";
  stored?: boolean;
}

async function workbook({ sheets, parts, quote = '"', stored = false }: Layout): Promise<Buffer> {
  const q = (v: string) => `${quote}${v}${quote}`;
  const names = Object.keys(sheets);
  const zip = new JSZip();
  zip.file(
    'xl/workbook.xml',
    `<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets>${names.map((n, i) => `<sheet name=${q(n)} sheetId="${i + 1}" r:id=${q(`rId${i + 1}`)}/>`).join('')}</sheets></workbook>`,
  );
  const rel = quote === '"' ? 'Relationship' : 'pr:Relationship';
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships" xmlns:pr="http://schemas.openxmlformats.org/package/2006/relationships">${names
      .map((n, i) => `<${rel} Id=${q(`rId${i + 1}`)} Type=${q(WORKSHEET)} Target=${q(sheets[n])}/>`)
      .join('')}</Relationships>`,
  );
  for (const [name, xml] of Object.entries(parts)) zip.file(name, xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: stored ? 'STORE' : 'DEFLATE' });
}

describe('checkWorkbookLimits', () => {
  // name, the workbook, where each refusal points (empty: within the limits).
  it.each<[string, Layout, string[]]>([
    [
      'sheets where Excel puts them, at the limit',
      { sheets: { 主要任务: 'worksheets/sheet1.xml' }, parts: { 'xl/worksheets/sheet1.xml': sheet(3) } },
      [],
    ],
    [
      'a sheet where Excel puts it, one row over',
      { sheets: { 主要任务: 'worksheets/sheet1.xml' }, parts: { 'xl/worksheets/sheet1.xml': sheet(4) } },
      ['主要任务'],
    ],
    [
      'a sheet moved to a path of its own, the relationship following',
      { sheets: { 主要任务: 'other/s.xml' }, parts: { 'xl/other/s.xml': sheet(4) } },
      ['主要任务'],
    ],
    [
      'a sheet moved, pointed at by an absolute target',
      { sheets: { 主要任务: '/xl/other/s.xml' }, parts: { 'xl/other/s.xml': sheet(4) } },
      ['主要任务'],
    ],
    [
      'a sheet moved out of xl/, pointed at with ../',
      { sheets: { 主要任务: '../elsewhere/./s.xml' }, parts: { 'elsewhere/s.xml': sheet(4) } },
      ['主要任务'],
    ],
    [
      'a sheet under a percent-encoded name',
      { sheets: { 主要任务: 'other/my%20sheet.xml' }, parts: { 'xl/other/my sheet.xml': sheet(4) } },
      ['主要任务'],
    ],
    [
      'relationships in single quotes with a prefix',
      { sheets: { 主要任务: 'other/s.xml' }, parts: { 'xl/other/s.xml': sheet(4) }, quote: "'" },
      ['主要任务'],
    ],
    [
      'a sheet stored, not deflated',
      { sheets: { 主要任务: 'other/s.xml' }, parts: { 'xl/other/s.xml': sheet(4) }, stored: true },
      ['主要任务'],
    ],
    [
      'a part nothing points at, named so ExcelJS still reads it',
      {
        sheets: { 主要任务: 'worksheets/sheet1.xml' },
        parts: { 'xl/worksheets/sheet1.xml': sheet(1), 'x/xl/worksheets/sheet9.xml.bak': sheet(4) },
      },
      ['x/xl/worksheets/sheet9.xml.bak'],
    ],
    [
      'a part nothing points at, anywhere',
      { sheets: {}, parts: { 'customXml/item1.xml': sheet(4) } },
      ['customXml/item1.xml'],
    ],
    [
      'two sheets over, each named',
      {
        sheets: { 主要指标: 'worksheets/sheet1.xml', 主要任务: 'other/s.xml' },
        parts: { 'xl/worksheets/sheet1.xml': sheet(5), 'xl/other/s.xml': sheet(4) },
      },
      ['主要指标', '主要任务'],
    ],
    [
      'self-closing rows count; rowBreaks and prefixed rows do not',
      {
        sheets: { s: 'worksheets/sheet1.xml' },
        parts: {
          'xl/worksheets/sheet1.xml': sheet(3, (i) =>
            i === 1 ? '<row/><rowBreaks/>' : `<row\nr="${i}"/><xdr:row>1</xdr:row>`,
          ),
        },
      },
      [],
    ],
    [
      'rows split by tabs and newlines count',
      {
        sheets: { s: 'worksheets/sheet1.xml' },
        parts: { 'xl/worksheets/sheet1.xml': sheet(4, (i) => `<row\tr="${i}"></row>`) },
      },
      ['s'],
    ],
  ])('%s', async (_, layout, where) => {
    const issues = checkWorkbookLimits(await workbook(layout), LIMITS);
    expect(issues.map((i) => i.where).sort()).toEqual([...where].sort());
    for (const issue of issues) expect(issue.message).toEqual({ zh: '工作表行数超过上限3', en: 'more than 3 rows' });
  });

  it('refuses bytes that are no zip, naming the workbook', () => {
    expect(checkWorkbookLimits(Buffer.from('not a workbook'), LIMITS)).toEqual([
      expect.objectContaining({ where: '(workbook)' }),
    ]);
  });
});
