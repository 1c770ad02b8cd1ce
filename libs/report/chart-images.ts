/**
 * The report's charts as PNG images for the Word document: ECharts renders
 * each on the server to SVG (libs/report/report-charts.ts), resvg rasterises
 * the SVG and zlib deflates its pixels into a PNG (libs/report/chart-png.ts).
 * Word shows a chart's title as the caption above the image, so the image
 * holds no title: a chart whose content has no words (an indicator's series
 * against its target, in numbers) is the same image in both languages and is
 * rasterised once for the two renditions.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { renderAsync } from '@resvg/resvg-js';
import { subsetFontFiles } from './chart-font';
import { PngEncoder } from './chart-png';
import { chartSvg, type ReportChart } from './report-charts';

/**
 * CJK fonts as Debian installs them (scripts/tools.sh installs
 * fonts-wqy-microhei where none is present), with the family name the SVG
 * falls back to. resvg reads only these files: faster than loading every
 * system font, and the same glyphs on every machine that has them.
 */
const CJK_FONTS: ReadonlyArray<{ file: string; family: string }> = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
  { file: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf', family: 'Droid Sans Fallback' },
];

/** The first installed CJK font; without one, the system's fonts (Chinese may then show as boxes). */
export function chartFont(): { file: string; family: string } | null {
  return CJK_FONTS.find((f) => existsSync(f.file)) ?? null;
}

/** Characters ECharts may draw that no option names (numbers, separators, ellipses: all ASCII), and the SVG's line breaks. */
const ASCII = '\t\n\r' + Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');

/**
 * The characters of a text outside ASCII (which the cut always holds), each
 * once per occurrence: a regular expression finds the few among an SVG's
 * hundred thousand characters, where spreading the whole text into one-character
 * strings took 3 s of CPU at 10,000 indicators.
 */
function beyondAscii(text: string): string[] {
  return text.match(/[\u0080-\u{10ffff}]/gu) ?? [];
}

/**
 * Twice the chart's size in pixels. Word prints a 720-pixel chart across the 15.6 cm text width (the small ones,
 * 360, across half of it), its 1,440 pixels at about 234 dpi, and a 480-pixel one at its own 12.7 cm, about 192 dpi:
 * already under 300 dpi (1,843 pixels across the text width), so no fewer.
 */
const ZOOM = 2;

type FontOptions = { loadSystemFonts: boolean; fontFiles: string[]; sansSerifFamily?: string };

/**
 * Rasterises charts, each distinct image once: one instance serves both
 * renditions of a report, so a chart without words is drawn once for the two.
 * `prepare` cuts the CJK font to the characters of the charts to come
 * (libs/report/chart-font.ts); a chart with a character outside the cut is
 * drawn with the whole font, as without it. At most as many images are in
 * flight as there are cores: each holds its pixels (about 11 MB for a page-high
 * chart) until it is encoded.
 */
export class ChartImages {
  private readonly images = new Map<string, Promise<Buffer>>();
  /** The SVG of each distinct chart, drawn once for the HTML page and the image. */
  private readonly svgs = new Map<string, string>();
  private readonly keys = new WeakMap<ReportChart, string>();
  private readonly cjk = chartFont();
  private subset: Promise<{ chars: Set<string>; files: string[]; remove(): Promise<void> } | null> =
    Promise.resolve(null);
  private readonly slots = new Semaphore(availableParallelism());
  /** One encoder, with its buffer, for each image being encoded: no more than there are slots. */
  private readonly encoders: PngEncoder[] = [];

  /**
   * What is drawn, not the SVG, whose element ids ECharts numbers anew in
   * every chart it renders. Chart options hold data and strings only (a
   * function would be left out of the key).
   */
  static key({ option, width, height }: ReportChart): string {
    return createHash('sha256').update(JSON.stringify({ option, width, height })).digest('hex');
  }

  /** Cuts the font to the characters of these charts (and of those prepared before). */
  prepare(charts: ReportChart[]): Promise<void> {
    const cjk = this.cjk;
    if (!cjk) return Promise.resolve();
    const previous = this.subset;
    this.subset = previous.then(async (had) => {
      const chars = new Set(had?.chars ?? ASCII);
      for (const c of charts) for (const ch of beyondAscii(JSON.stringify(c.option))) chars.add(ch);
      if (had && chars.size === had.chars.size) return had;
      // A chart being drawn with the old cut keeps its files until it is done; they go with the instance.
      const files = await subsetFontFiles(cjk.file, [...chars].join(''));
      return { chars, ...files, remove: async () => (await had?.remove(), files.remove()) };
    });
    return this.subset.then(() => undefined);
  }

  /** A chart's key, hashed once however many times it is drawn. */
  private keyOf(chart: ReportChart): string {
    let key = this.keys.get(chart);
    if (key === undefined) {
      key = ChartImages.key(chart);
      this.keys.set(chart, key);
    }
    return key;
  }

  /**
   * The chart as SVG without its title, which every format captions (Word's
   * caption, the HTML page's figcaption): ECharts renders each distinct chart
   * once, for the page and for its image.
   */
  svg(chart: ReportChart): string {
    const key = this.keyOf(chart);
    let svg = this.svgs.get(key);
    if (svg === undefined) {
      svg = chartSvg(chart);
      this.svgs.set(key, svg);
    }
    return svg;
  }

  png(chart: ReportChart): Promise<Buffer> {
    const key = this.keyOf(chart);
    let image = this.images.get(key);
    if (!image) {
      image = this.draw(chart);
      this.images.set(key, image);
    }
    return image;
  }

  private async draw(chart: ReportChart): Promise<Buffer> {
    const subset = await this.subset;
    return this.slots.run(async () => {
      const svg = this.svg(chart);
      const font: FontOptions = !this.cjk
        ? { loadSystemFonts: true, fontFiles: [] }
        : {
            loadSystemFonts: false,
            fontFiles: subset && beyondAscii(svg).every((c) => subset.chars.has(c)) ? subset.files : [this.cjk.file],
            sansSerifFamily: this.cjk.family,
          };
      // resvg lays out and renders in libuv's pool, and zlib deflates the PNG there: resvg's own encoder would
      // take the main thread. The white background makes every pixel opaque, as PngEncoder needs.
      const rendered = await renderAsync(svg, { font, fitTo: { mode: 'zoom', value: ZOOM }, background: 'white' });
      const encoder = this.encoders.pop() ?? new PngEncoder();
      try {
        return await encoder.encode(rendered.pixels, rendered.width, rendered.height);
      } finally {
        this.encoders.push(encoder);
      }
    });
  }

  /** Distinct images rasterised so far. */
  get size(): number {
    return this.images.size;
  }

  /** Deletes the cut fonts once every image asked for is drawn. */
  async dispose(): Promise<void> {
    await Promise.allSettled(this.images.values());
    await (await this.subset)?.remove();
  }
}

/** At most `limit` tasks at once. */
class Semaphore {
  private waiting: Array<() => void> = [];
  constructor(private free: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}
