import { Document, Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { TEXT_PARAGRAPHS, textBlockWriter, type TextBlock } from './document-blocks';
import { tableXml } from './document-tables';
import { TEXT_WIDTH } from './document-typography';

/** The body docx writes for these paragraphs: what the block writer must write, byte for byte. */
async function docxBody(paragraphs: ReturnType<(typeof TEXT_PARAGRAPHS)['paragraph']>[]): Promise<string> {
  const xml = strFromU8(
    unzipSync(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })))['word/document.xml'],
  );
  return xml.slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.lastIndexOf('<w:sectPr'));
}

const TEXTS: Array<[string, string]> = [
  ['Chinese', '（一）主要指标完成情况'],
  ['markup and quotes', '<b>"A & B"</b> it\'s'],
  ['control characters, tabs and line breaks', 'a\u0000b\u000bc\td\ne'],
  ['empty', ''],
  ['leading and trailing spaces', '  spaced  '],
  ['outside the basic plane', '𠀋𡈽 😀'],
];

describe('the text block writer writes what docx writes', () => {
  it.each(TEXTS)('%s', async (_name, text) => {
    const write = await textBlockWriter();
    const blocks: TextBlock[] = [
      { kind: 'paragraph', text },
      { kind: 'lead', text },
      { kind: 'section', title: text },
    ];
    expect([...write(blocks, TEXT_WIDTH)].join('')).toBe(
      await docxBody([TEXT_PARAGRAPHS.paragraph(text), TEXT_PARAGRAPHS.lead(text), TEXT_PARAGRAPHS.section(text)]),
    );
  });

  it('writes a table as document-tables does, in its place among the paragraphs', async () => {
    const write = await textBlockWriter();
    const headers = ['序号', '指标'];
    const rows = [['1', '常住人口']];
    const xml = [
      ...write(
        [
          { kind: 'lead', text: '1. 人口' },
          { kind: 'table', headers, rows },
        ],
        TEXT_WIDTH,
      ),
    ].join('');
    expect(xml).toBe(
      (await docxBody([TEXT_PARAGRAPHS.lead('1. 人口')])) + [...tableXml(headers, rows, TEXT_WIDTH)].join(''),
    );
  });
});
