import { crc32, inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { PngEncoder } from './chart-png';

/** The PNG's chunks, each CRC checked, and its pixels: IDAT inflated, each row's filter byte (0) taken off. */
function decode(png: Buffer): { width: number; height: number; colourType: number; pixels: Buffer; chunks: string[] } {
  const chunks: string[] = [];
  const idat: Buffer[] = [];
  let header: Buffer = Buffer.alloc(0);
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    chunks.push(type);
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const rows = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    expect(rows[y * (stride + 1)]).toBe(0);
    rows.copy(pixels, y * stride, y * (stride + 1) + 1, (y + 1) * (stride + 1));
  }
  return { width, height, colourType: header[9], pixels, chunks };
}

const rendered = (svg: string) => new Resvg(svg, { background: 'white' }).render();

describe('PngEncoder', () => {
  it.each([
    ['one pixel', 1, 1, [0xff, 0x00, 0x80, 0xff]],
    ['a row', 3, 1, [1, 2, 3, 255, 4, 5, 6, 255, 7, 8, 9, 255]],
    ['a column', 1, 3, [1, 2, 3, 255, 4, 5, 6, 255, 7, 8, 9, 255]],
    ['translucent pixels kept as given', 2, 2, [0, 0, 0, 0, 10, 20, 30, 40, 50, 60, 70, 80, 255, 255, 255, 255]],
    ['rows of varied bytes', 7, 5, Array.from({ length: 7 * 5 * 4 }, (_, i) => (i * 37) % 256)],
  ])('%s: the decoded pixels are those given', async (_name, width, height, bytes) => {
    const pixels = Buffer.from(bytes);
    const png = await new PngEncoder().encode(pixels, width, height);
    const decoded = decode(png);
    expect(png.subarray(0, 8)).toEqual(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'));
    expect(decoded).toEqual({ width, height, colourType: 6, pixels, chunks: ['IHDR', 'IDAT', 'IEND'] });
  });

  it('encodes a larger image, then smaller ones, each to its own pixels, with one encoder', async () => {
    const encoder = new PngEncoder();
    for (const [width, height] of [
      [9, 7],
      [2, 3],
      [9, 1],
    ]) {
      const pixels = Buffer.from(Array.from({ length: width * height * 4 }, (_, i) => (i * 11 + width) % 256));
      expect(decode(await encoder.encode(pixels, width, height))).toMatchObject({ width, height, pixels });
    }
  });

  it('refuses pixels that do not fill the size given', async () => {
    await expect(new PngEncoder().encode(Buffer.alloc(15), 2, 2)).rejects.toThrow(RangeError);
  });

  it.each([
    ['flat colour', '<rect x="10" y="10" width="100" height="50" fill="#5470c6"/>'],
    [
      'antialiased shapes and lines',
      '<circle cx="60" cy="40" r="33" fill="#91cc75"/><path d="M0 0L120 80" stroke="#ee6666" stroke-width="3"/>',
    ],
  ])('%s rendered by resvg: its PNG decodes to resvg’s pixels, as resvg reads it too', async (_name, shapes) => {
    const image = rendered(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80">${shapes}</svg>`);
    const png = await new PngEncoder().encode(image.pixels, image.width, image.height);
    expect(decode(png).pixels.equals(image.pixels)).toBe(true);
    // Another decoder (resvg's, drawing the PNG pixel for pixel) sees the same picture.
    const href = `data:image/png;base64,${png.toString('base64')}`;
    const redrawn = rendered(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${image.width}" height="${image.height}">` +
        `<image width="${image.width}" height="${image.height}" image-rendering="optimizeSpeed" href="${href}"/></svg>`,
    );
    expect(redrawn.pixels.equals(image.pixels)).toBe(true);
  });
});
