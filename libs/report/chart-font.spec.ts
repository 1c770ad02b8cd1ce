import { readFileSync, statSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { chartFont, ChartImages } from './chart-images';
import { faceCount, subsetFontFiles } from './chart-font';
import { PngEncoder } from './chart-png';
import { chartSvg, type ReportChart } from './report-charts';

const font = (head: string, count = 0) => {
  const b = Buffer.alloc(12);
  b.write(head, 0, 'latin1');
  b.writeUInt32BE(count, 8);
  return b;
};

describe('faceCount', () => {
  it.each([
    ['a collection of two', font('ttcf', 2), 2],
    ['a collection of ten (Noto Sans CJK)', font('ttcf', 10), 10],
    ['a TrueType font', font('\0\x01\0\0'), 1],
    ['an OpenType (CFF) font', font('OTTO'), 1],
  ])('%s', (_name, bytes, faces) => expect(faceCount(bytes)).toBe(faces));
});

const chart = (axis: string): ReportChart => ({
  id: 'c',
  title: 'title',
  width: 360,
  height: 200,
  option: {
    xAxis: { type: 'category', name: axis, nameLocation: 'middle', data: ['2021', '2022'] },
    yAxis: { type: 'value', name: '万元' },
    series: [{ type: 'bar', data: [1.5, 2.25], label: { show: true } }],
  },
});

const cjk = chartFont();
(cjk ? describe : describe.skip)('the chart font cut to a chart’s characters', () => {
  const rendered = (svg: string, fontFiles: string[]) =>
    new Resvg(svg, {
      font: { loadSystemFonts: false, fontFiles, sansSerifFamily: cjk!.family },
      fitTo: { mode: 'zoom', value: 2 },
      background: 'white',
    }).render();
  const png = (svg: string, fontFiles: string[]) => rendered(svg, fontFiles).asPng();

  it('draws the same image as the whole font, in files far smaller', async () => {
    const svg = chartSvg(chart('年份 Year'));
    const subset = await subsetFontFiles(cjk!.file, svg);
    try {
      expect(subset.files).toHaveLength(faceCount(readFileSync(cjk!.file)));
      for (const f of subset.files) expect(statSync(f).size).toBeLessThan(200_000);
      expect(png(svg, subset.files).equals(png(svg, [cjk!.file]))).toBe(true);
    } finally {
      await subset.remove();
    }
  });

  it('draws a chart with a character outside the prepared cut with the whole font', async () => {
    const images = new ChartImages();
    await images.prepare([chart('年份')]);
    const other = chart('季度'); // characters the cut does not hold
    try {
      const whole = rendered(chartSvg(other), [cjk!.file]);
      expect(
        (await images.png(other)).equals(await new PngEncoder().encode(whole.pixels, whole.width, whole.height)),
      ).toBe(true);
    } finally {
      await images.dispose();
    }
  });
});
