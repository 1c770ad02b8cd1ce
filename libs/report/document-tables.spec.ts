import { Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { columnWidths } from './column-widths';
import { escapeXml, tableXml } from './document-tables';
import { FONTS, SIZE, TEXT_WIDTH } from './document-typography';

/** The table as docx builds it from its objects: what tableXml must write, byte for byte. */
function docxTable(headers: string[], rows: string[][], width: number): Table {
  const row = (cells: string[], header = false) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map(
        (text) =>
          new TableCell({
            children: [
              new Paragraph({
                children: [
                  new TextRun({
                    text,
                    font: header ? FONTS.heading : FONTS.body,
                    size: SIZE.table,
                    bold: header,
                  }),
                ],
              }),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: columnWidths(headers, rows, width),
    layout: TableLayoutType.FIXED,
    rows: [row(headers, true), ...rows.map((r) => row(r))],
  });
}

async function docxXml(table: Table): Promise<string> {
  const doc = new Document({ sections: [{ children: [table] }] });
  const xml = strFromU8(unzipSync(await Packer.toBuffer(doc))['word/document.xml']);
  return xml.slice(xml.indexOf('<w:tbl>'), xml.lastIndexOf('</w:tbl>') + '</w:tbl>'.length);
}

describe('tableXml writes what docx writes for the table', () => {
  it.each<[string, string[], string[][], number]>([
    ['an indicator table', ['序号', '指标', '状态'], [['1', '常住人口（万人）', '符合进度']], TEXT_WIDTH],
    ['no rows', ['No.', 'Indicator'], [], TEXT_WIDTH],
    [
      'markup, quotes, control characters and spaces',
      ['A & B', '"quoted"'],
      [
        ['<b>bold</b>', "it's"],
        ['\u0001\u0008tab\there', '  leading and trailing  '],
        ['', 'line\nbreak'],
      ],
      TEXT_WIDTH,
    ],
    ['narrow columns widened to the width', ['一', '二'], [['1', '2']], 9000],
    [
      'long English text that gives way',
      ['Indicator', 'Lead department', 'Status'],
      [['Share of administrative villages with broadband', 'Municipal Bureau of Industry', 'slightly behind']],
      TEXT_WIDTH,
    ],
    ['characters outside the basic plane', ['名称'], [['𠀋𡈽 emoji 😀']], TEXT_WIDTH],
  ])('%s', async (_name, headers, rows, width) => {
    expect([...tableXml(headers, rows, width)].join('')).toBe(await docxXml(docxTable(headers, rows, width)));
  });
});

describe('escapeXml', () => {
  it.each([
    ['plain', '常住人口', '常住人口'],
    ['markup', '<a href="x">&</a>', '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;'],
    ['apostrophe', "it's", 'it&apos;s'],
    ['control characters left out, tab and line breaks kept', 'a\u0000b\u000bc\td\ne\rf', 'abc\td\ne\rf'],
  ])('%s', (_name, text, escaped) => expect(escapeXml(text)).toBe(escaped));
});
