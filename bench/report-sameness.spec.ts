import { Resvg } from '@resvg/resvg-js';
import { PngEncoder } from '@libs/report/chart-png';
import { samePixels } from './report-sameness';

/** A small chart-like picture, drawn by resvg and PNG-encoded by resvg itself (adaptive filters, its deflate). */
const drawn = (fill: string, width = 40) => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20"><rect x="5" y="5" width="20" height="10" fill="${fill}"/></svg>`;
  return new Resvg(svg, { background: 'white' }).render();
};

describe('samePixels (the report bench’s sameness check of chart images)', () => {
  it.each([
    { case: 'the same PNG', a: () => drawn('#e53935').asPng(), b: () => drawn('#e53935').asPng(), same: true },
    {
      case: 'the same pixels, encoded by resvg and by the report’s encoder',
      a: () => drawn('#e53935').asPng(),
      b: () => {
        const r = drawn('#e53935');
        return new PngEncoder().encode(r.pixels, r.width, r.height);
      },
      same: true,
    },
    { case: 'one colour changed', a: () => drawn('#e53935').asPng(), b: () => drawn('#e53936').asPng(), same: false },
    { case: 'another size', a: () => drawn('#e53935').asPng(), b: () => drawn('#e53935', 41).asPng(), same: false },
  ])('$case: $same', async ({ a, b, same }) => {
    const [x, y] = await Promise.all([a(), b()]);
    expect(samePixels(x, y)).toBe(same);
  });
});
