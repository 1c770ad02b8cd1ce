import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { Document, ImageRun, Packer, Paragraph, TextRun, type FileChild } from 'docx';
import { unzipSync } from 'fflate';
import { DocumentPlaceholders } from './document-package';

/** A PNG's signature and a few bytes: docx takes the image as given. */
const png = (n: number) => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(2_000, n)]);
const image = (data: Buffer) =>
  new Paragraph({ children: [new ImageRun({ type: 'png', data, transformation: { width: 20, height: 10 } })] });
const text = (t: string) => new Paragraph({ children: [new TextRun(t)] });
const xmlOf = (p: Paragraph): Promise<string> =>
  Packer.toString(new Document({ sections: [{ children: [p] }] })).then((zip) => {
    const xml = Buffer.from(unzipSync(Buffer.from(zip, 'binary'))['word/document.xml']).toString('utf8');
    return xml.slice(xml.indexOf('<w:body>') + 8, xml.indexOf('<w:sectPr'));
  });

async function packed(children: (p: DocumentPlaceholders) => FileChild[]): Promise<Record<string, Uint8Array>> {
  const placeholders = new DocumentPlaceholders();
  const out = new PassThrough();
  const [zip] = await Promise.all([
    buffer(out),
    placeholders.pack(new Document({ sections: [{ children: children(placeholders) }] }), out),
  ]);
  return unzipSync(zip);
}

/**
 * The parts as text (images in hex) but for the creation time; docx numbers
 * drawings across every document of the process, so they are renumbered from 1.
 */
const parts = (zip: Record<string, Uint8Array>) =>
  Object.fromEntries(
    Object.entries(zip)
      .filter(([path]) => path !== 'docProps/core.xml')
      .map(([path, data]) => {
        if (path.endsWith('.png')) return [path, Buffer.from(data).toString('hex')];
        let drawing = 0;
        return [
          path,
          Buffer.from(data)
            .toString('utf8')
            .replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++drawing}"`),
        ];
      }),
  );

describe('DocumentPlaceholders', () => {
  it('packs the document docx packs, each block and image in its placeholder’s place', async () => {
    const [a, b] = [png(1), png(2)];
    const expected = unzipSync(
      await Packer.toBuffer(
        new Document({
          sections: [{ children: [text('before'), text('first'), image(a), text('second'), image(b), image(a)] }],
        }),
      ),
    );
    const [first, second] = await Promise.all([xmlOf(text('first')), xmlOf(text('second'))]);
    const zip = await packed((p) => [
      text('before'),
      p.block(() => [first]),
      image(p.image(a)),
      p.block(function* () {
        yield second.slice(0, 10);
        yield second.slice(10);
      }),
      image(p.image(b)),
      image(p.image(Buffer.from(a))),
    ]);
    expect(parts(zip)).toEqual(parts(expected));
  });

  it('writes a body larger than a chunk, and text in any script', async () => {
    const line = '<w:p><w:r><w:t xml:space="preserve">常住人口 Population 𠀋</w:t></w:r></w:p>';
    const zip = await packed((p) => [p.block(() => Array<string>(20_000).fill(line))]);
    const xml = Buffer.from(zip['word/document.xml']).toString('utf8');
    expect(xml.split(line)).toHaveLength(20_001);
  });

  it('fails, ending the output, when a block cannot be written', async () => {
    const placeholders = new DocumentPlaceholders();
    const out = new PassThrough();
    const doc = new Document({
      sections: [
        {
          children: [
            placeholders.block(() => {
              throw new Error('no figures');
            }),
          ],
        },
      ],
    });
    await expect(placeholders.pack(doc, out)).rejects.toThrow('no figures');
    expect(out.destroyed).toBe(true);
  });
});
