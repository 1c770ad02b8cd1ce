/**
 * The report's text blocks as WordprocessingML. A large report has tens of
 * thousands of paragraphs (a lead and an account per task, per project, per
 * indicator behind), and docx builds several objects for each and packs
 * them in memory. Each kind of paragraph is drawn by docx once, around a
 * marker, and the XML it writes is then filled with every paragraph's
 * escaped text (document-blocks.spec.ts sets the two side by side); tables
 * are written by libs/report/document-tables.ts.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { escapeXml, tableXml } from './document-tables';
import { FONTS, SIZE } from './document-typography';
import type { ReportBlock } from './report-outline';

const run = (text: string) => new TextRun({ text, font: FONTS.body, size: SIZE.body });

export const TEXT_PARAGRAPHS = {
  paragraph: (text: string) =>
    new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [run(text)] }),
  /** A bold line that introduces one item (an indicator behind, a project, a task). */
  lead: (text: string) =>
    new Paragraph({
      spacing: { before: 120 },
      children: [new TextRun({ text, font: FONTS.heading, size: SIZE.body })],
    }),
  section: (text: string) =>
    new Paragraph({
      spacing: { before: 120 },
      indent: { firstLine: 640 },
      children: [new TextRun({ text, font: FONTS.section, size: SIZE.body, bold: true })],
    }),
};
type TextKind = keyof typeof TEXT_PARAGRAPHS;
const KINDS = Object.keys(TEXT_PARAGRAPHS) as TextKind[];

/** Each kind's XML before and after its text, as docx writes it. */
type Templates = Record<TextKind, [string, string]>;

let templates: Promise<Templates> | undefined;
function textTemplates(): Promise<Templates> {
  const marker = (kind: TextKind) => `\u2063${kind}\u2063`;
  templates ??= Packer.toBuffer(
    new Document({ sections: [{ children: KINDS.map((k) => TEXT_PARAGRAPHS[k](marker(k))) }] }),
  ).then((packed) => {
    const xml = strFromU8(unzipSync(packed)['word/document.xml']);
    return Object.fromEntries(
      KINDS.map((k) => {
        const at = xml.indexOf(marker(k));
        const start = xml.lastIndexOf('<w:p>', at);
        const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
        return [k, [xml.slice(start, at), xml.slice(at + marker(k).length, end)]];
      }),
    ) as Templates;
  });
  return templates;
}

export type TextBlock = Exclude<ReportBlock, { kind: 'chart' | 'charts' }>;

/** Whether docx is spared the block: text and tables are written as XML, charts are left to docx. */
export const isTextBlock = (b: ReportBlock): b is TextBlock => b.kind !== 'chart' && b.kind !== 'charts';

/**
 * A writer of text blocks, once docx has drawn each kind: `write(blocks, width)` yields their XML, tables
 * `width` twips wide.
 */
export async function textBlockWriter(): Promise<(blocks: TextBlock[], width: number) => Generator<string>> {
  const t = await textTemplates();
  return function* write(blocks, width) {
    for (const b of blocks) {
      if (b.kind === 'table') yield* tableXml(b.headers, b.rows, width);
      else {
        const [open, close] = t[b.kind];
        yield open + escapeXml(b.kind === 'section' ? b.title : b.text) + close;
      }
    }
  };
}
