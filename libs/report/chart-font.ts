/**
 * The chart font cut down to the characters a report's charts use. resvg
 * (resvg-js 2.6, built without memory-mapped fonts) reads the whole font file
 * again for every glyph it lays out: with a 5 MB CJK font that was ~2 ms a
 * glyph, most of a report's rasterising. A subset of a few hundred glyphs
 * reads in microseconds and draws the same outlines.
 *
 * HarfBuzz's subsetter (its WebAssembly build, from harfbuzzjs) keeps
 * everything but the glyphs not asked for: every table, name and layout
 * feature, so resvg finds the same families and shapes the text alike. Each
 * face of a collection (.ttc) is cut to a file of its own, in the
 * collection's order, so resvg's font database holds the faces it held.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A global of Node that this project's TypeScript libraries (no DOM) leave undeclared. */
declare const WebAssembly: { instantiate(bytes: Uint8Array): Promise<{ instance: { exports: unknown } }> };

interface HarfBuzz {
  memory: { buffer: ArrayBuffer };
  malloc(bytes: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_keep_everything(input: number): void;
  hb_subset_input_glyph_set(input: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;

let harfBuzz: Promise<HarfBuzz> | undefined;
function loadHarfBuzz(): Promise<HarfBuzz> {
  harfBuzz ??= readFile(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'))
    .then((wasm) => WebAssembly.instantiate(wasm))
    .then(({ instance }) => {
      const hb = instance.exports as unknown as HarfBuzz & { _initialize(): void };
      hb._initialize();
      return hb;
    });
  return harfBuzz;
}

/** Faces in a font file: a collection says how many in its header ('ttcf'); any other file holds one. */
export function faceCount(font: Buffer): number {
  return font.toString('latin1', 0, 4) === 'ttcf' ? font.readUInt32BE(8) : 1;
}

/** Each face of `font` with only the glyphs of `text`'s characters (and those they compose with). */
export async function subsetFaces(font: Buffer, text: string): Promise<Buffer[]> {
  const hb = await loadHarfBuzz();
  const fontPtr = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, fontPtr);
  const blob = hb.hb_blob_create(fontPtr, font.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
  const codepoints = new Set([...text].map((c) => c.codePointAt(0)!));
  try {
    return Array.from({ length: faceCount(font) }, (_, index) => {
      const face = hb.hb_face_create(blob, index);
      const input = hb.hb_subset_input_create_or_fail();
      try {
        if (!input) throw new Error('HarfBuzz could not create a subset input');
        // Everything kept, then the glyphs narrowed to the characters asked for.
        hb.hb_subset_input_keep_everything(input);
        hb.hb_set_clear(hb.hb_subset_input_glyph_set(input));
        const unicodes = hb.hb_subset_input_unicode_set(input);
        hb.hb_set_clear(unicodes);
        for (const c of codepoints) hb.hb_set_add(unicodes, c);
        const subset = hb.hb_subset_or_fail(face, input);
        if (!subset) throw new Error(`HarfBuzz could not subset face ${index} of the chart font`);
        const result = hb.hb_face_reference_blob(subset);
        const length = hb.hb_blob_get_length(result);
        // The view is taken after subsetting: the WebAssembly memory may have grown meanwhile.
        const bytes = Buffer.from(new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(result, 0), length));
        hb.hb_blob_destroy(result);
        hb.hb_face_destroy(subset);
        return bytes;
      } finally {
        if (input) hb.hb_subset_input_destroy(input);
        hb.hb_face_destroy(face);
      }
    });
  } finally {
    hb.hb_blob_destroy(blob);
    hb.free(fontPtr);
  }
}

/** The subset faces written to a temporary folder for resvg, which reads fonts from files; `remove` deletes them. */
export async function subsetFontFiles(
  file: string,
  text: string,
): Promise<{ files: string[]; remove(): Promise<void> }> {
  const faces = await subsetFaces(await readFile(file), text);
  const dir = await mkdtemp(join(tmpdir(), 'plan-eval-chart-font-'));
  const files = faces.map((_, i) => join(dir, `face-${i}.ttf`));
  await Promise.all(faces.map((face, i) => writeFile(files[i], face)));
  return { files, remove: () => rm(dir, { recursive: true, force: true }) };
}
