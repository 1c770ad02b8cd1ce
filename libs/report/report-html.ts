/**
 * The report as one HTML page: the chapters of the report's outline
 * (libs/report/report-outline.ts), with its charts rendered on the server by
 * Apache ECharts as inline SVG (no script in the page), each captioned by its
 * title as in the Word document: the same SVG is rasterised for Word, so
 * ECharts draws each chart once (libs/report/chart-images.ts). Every text is
 * escaped.
 */
import { escapeHtml } from '../common/escape-html';
import type { CycleReportFigures } from './cycle-report';
import { ChartImages } from './chart-images';
import type { ReportChart } from './report-charts';
import { reportOutline, type ReportBlock, type ReportChapter } from './report-outline';
import { REPORT_TEXT, type Locale } from './report-text';

const STYLE =
  'body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:980px;margin:2em auto;color:#222}' +
  'table{border-collapse:collapse;width:100%;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 6px;font-size:13px}' +
  'th{background:#f3f3f3}h1{text-align:center}figure{margin:1em 0}.chart>figcaption{font-weight:bold;text-align:center}' +
  '.charts{display:flex;flex-wrap:wrap;gap:0 12px}.charts figcaption{font-size:13px;max-width:360px;font-weight:normal;text-align:left}' +
  '.drafted{border-left:4px solid #ffa726;padding-left:1em}';

function block(b: ReportBlock, charts: ChartImages): string {
  const figure = (c: ReportChart) =>
    `<figure class="chart" id="chart-${c.id}"><figcaption>${escapeHtml(c.title)}</figcaption>${charts.svg(c)}</figure>`;
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'lead':
      return `<p><b>${escapeHtml(b.text)}</b></p>`;
    case 'section':
      return `<h3>${escapeHtml(b.title)}</h3>`;
    case 'table':
      return `<table><tr>${b.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
        .join('')}</table>`;
    case 'chart':
      return figure(b.chart);
    case 'charts':
      return `<div class="charts">${b.charts.map(figure).join('')}</div>`;
  }
}

/**
 * `outline`: the report's outline in `locale`, when the caller has it already; `charts`: shared with the Word
 * document, which rasterises the SVG drawn for the page.
 */
export function renderReportHtml(
  f: CycleReportFigures,
  locale: Locale = 'zh-CN',
  outline: ReportChapter[] = reportOutline(REPORT_TEXT[locale], f),
  charts = new ChartImages(),
): string {
  const t = REPORT_TEXT[locale];
  const title = t.title(f);
  const chapters = outline
    .map(
      (c) =>
        `<section${c.drafted ? ' class="drafted"' : ''}><h2>${escapeHtml(c.title)}</h2>\n${c.blocks.map((b) => block(b, charts)).join('\n')}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head><body>
<h1>${escapeHtml(title)}</h1><p style="text-align:center">${escapeHtml(t.subtitle(f))}</p>
${chapters}
</body></html>
`;
}
