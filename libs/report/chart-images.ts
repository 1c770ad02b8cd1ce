/**
 * The report's charts as PNG images for the Word document: ECharts renders
 * each on the server to SVG (libs/report/report-charts.ts), resvg rasterises
 * the SVG. Word shows a chart's title as the caption above the image, so the
 * image holds no title: a chart whose content has no words (an indicator's
 * series against its target, in numbers) is the same image in both languages
 * and is rasterised once for the two renditions.
 */
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { renderAsync } from '@resvg/resvg-js';
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

function fontOptions(): { loadSystemFonts: boolean; fontFiles: string[]; sansSerifFamily?: string } {
  const cjk = chartFont();
  return cjk
    ? { loadSystemFonts: false, fontFiles: [cjk.file], sansSerifFamily: cjk.family }
    : { loadSystemFonts: true, fontFiles: [] };
}

/** Twice the chart's size in pixels: sharp when Word scales it to the text width. */
const ZOOM = 2;

/**
 * Rasterises charts, each distinct image once: one instance serves both
 * renditions of a report, so a chart without words is drawn once for the two.
 */
export class ChartImages {
  private readonly images = new Map<string, Promise<Buffer>>();
  private readonly font = fontOptions();

  /**
   * What is drawn, not the SVG, whose element ids ECharts numbers anew in
   * every chart it renders. Chart options hold data and strings only (a
   * function would be left out of the key).
   */
  static key({ option, width, height }: ReportChart): string {
    return createHash('sha256').update(JSON.stringify({ option, width, height })).digest('hex');
  }

  png(chart: ReportChart): Promise<Buffer> {
    const key = ChartImages.key(chart);
    let image = this.images.get(key);
    if (!image) {
      const svg = chartSvg(chart, { title: false });
      // resvg renders off the main thread (libuv's pool): the charts of a report are drawn in parallel.
      image = renderAsync(svg, { font: this.font, fitTo: { mode: 'zoom', value: ZOOM }, background: 'white' }).then(
        (r) => r.asPng(),
      );
      this.images.set(key, image);
    }
    return image;
  }

  /** Distinct images rasterised so far. */
  get size(): number {
    return this.images.size;
  }
}
