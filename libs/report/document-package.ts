/**
 * The Word document packed with the bulk of it written as a stream. docx lays
 * the document out and packs it in memory; what would be slow for it to build
 * and pack stands in it as a placeholder: the large tables
 * (libs/report/document-tables.ts) as paragraphs, the chart images as a few
 * bytes each. The small package docx gives is then zipped again into the
 * output, the placeholders replaced as it goes: word/document.xml a chunk at
 * a time, every part deflated by Node's zlib in its thread pool while the main
 * thread writes the next chunk.
 */
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createDeflateRaw } from 'node:zlib';
import { Packer, Paragraph, TextRun, type Document } from 'docx';
import { strFromU8, unzipSync, Zip, ZipPassThrough, type FlateError } from 'fflate';

const BODY = 'word/document.xml';
/** Text is encoded and deflated in pieces of about this many characters. */
const CHUNK = 1 << 16;
const NOTHING = new Uint8Array(0);

export class DocumentPlaceholders {
  private readonly id = randomUUID();
  private readonly blocks: Array<() => Iterable<string>> = [];
  /** Each distinct image once, as docx keeps it: by its placeholder, and the placeholder by the image's hash. */
  private readonly images = new Map<string, Buffer>();
  private readonly imagePlaceholders = new Map<string, Buffer>();

  /** A paragraph that the XML `write` yields replaces when the document is packed. */
  block(write: () => Iterable<string>): Paragraph {
    this.blocks.push(write);
    return new Paragraph({ children: [new TextRun(this.marker(this.blocks.length - 1))] });
  }

  /** The bytes to give docx for an image: `data` replaces them when the document is packed. */
  image(data: Buffer): Buffer {
    const hash = createHash('sha1').update(data).digest('hex');
    let placeholder = this.imagePlaceholders.get(hash);
    if (!placeholder) {
      placeholder = Buffer.from(`${this.id}/image/${this.images.size}`, 'latin1');
      this.imagePlaceholders.set(hash, placeholder);
      this.images.set(placeholder.toString('latin1'), data);
    }
    return placeholder;
  }

  private marker(n: number): string {
    return `${this.id}/${n}`;
  }

  /** The package of `doc`, its placeholders replaced, written to `out`: ended when whole, destroyed on failure. */
  async pack(doc: Document, out: Writable): Promise<void> {
    const parts = unzipSync(await Packer.toBuffer(doc));
    let failed: FlateError | null = null;
    const zip = new Zip((error, chunk, final) => {
      if (error) failed ??= error;
      else if (!out.destroyed) out.write(chunk);
      if (final) out.end();
    });
    try {
      for (const [path, data] of Object.entries(parts)) {
        const entry = new NativeDeflate(path);
        zip.add(entry);
        const chunks = path === BODY ? encoded(this.body(strFromU8(data))) : [this.images.get(latin1(data)) ?? data];
        for (const chunk of chunks) {
          entry.push(chunk);
          await entry.room();
          if (out.writableNeedDrain) await once(out, 'drain');
          if (failed) throw failed;
        }
        entry.push(NOTHING, true);
      }
      zip.end();
      await finished(out);
      if (failed) throw failed;
    } catch (e) {
      zip.terminate();
      out.destroy();
      throw e;
    }
  }

  /** The document's XML with each placeholder paragraph, as docx writes it, replaced by its block. */
  private *body(xml: string): Generator<string> {
    let from = 0;
    for (const [n, write] of this.blocks.entries()) {
      const paragraph = `<w:p><w:r><w:t xml:space="preserve">${this.marker(n)}</w:t></w:r></w:p>`;
      const at = xml.indexOf(paragraph, from);
      if (at < 0) throw new Error(`The Word document lost the place of block ${n}`);
      yield xml.slice(from, at);
      yield* write();
      from = at + paragraph.length;
    }
    yield xml.slice(from);
  }
}

/** A small part as text, to look it up among the image placeholders (an image is never that small). */
const latin1 = (data: Uint8Array) => (data.length <= 64 ? Buffer.from(data).toString('latin1') : '');

/**
 * A zip entry deflated by Node's zlib: native code in the thread pool, where
 * fflate's own deflate runs in JavaScript on the main thread.
 */
class NativeDeflate extends ZipPassThrough {
  private readonly zlib = createDeflateRaw();

  constructor(filename: string) {
    super(filename);
    this.compression = 8;
    // zlib's chunks are Buffers over plain (not shared) ArrayBuffers.
    this.zlib.on('data', (chunk: Buffer<ArrayBuffer>) => this.ondata(null, chunk, false));
    this.zlib.on('end', () => this.ondata(null, NOTHING, true));
    this.zlib.on('error', (e: Error) => this.ondata(Object.assign(e, { code: -1 }), NOTHING, true));
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    if (chunk.length) this.zlib.write(chunk);
    if (final) this.zlib.end();
  }

  /** Called by the zip when it is abandoned. */
  terminate(): void {
    this.zlib.destroy();
  }

  /** Once zlib has taken in what it was given. */
  async room(): Promise<void> {
    if (this.zlib.writableNeedDrain) await once(this.zlib, 'drain');
  }
}

/** Strings gathered into UTF-8 chunks of about CHUNK characters. */
function* encoded(pieces: Iterable<string>): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  let text = '';
  for (const piece of pieces) {
    text += piece;
    if (text.length >= CHUNK) {
      yield encoder.encode(text);
      text = '';
    }
  }
  if (text) yield encoder.encode(text);
}
