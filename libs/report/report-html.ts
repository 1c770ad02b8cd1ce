/**
 * The report as one HTML page with charts rendered on the server by Apache
 * ECharts (SVG, no script in the page): status by category, binding
 * indicators against the on-track line, projects' investment completed,
 * departments' timeliness. Every text is escaped.
 */
import * as echarts from 'echarts';
import { escapeHtml } from '../common/escape-html';
import { PROGRESS_STATUSES, type ProgressStatus } from '../rules/progress';
import type { CycleReportFigures } from './cycle-report';
import {
  behindPath,
  indicatorFindings,
  movedIntoPlan,
  projectsToDiscuss,
  REPORT_TEXT,
  reportRows,
  type Locale,
  type ReportText,
} from './report-text';

const STATUSES = PROGRESS_STATUSES;
const STATUS_COLOR: Record<ProgressStatus, string> = {
  achieved: '#2e7d32',
  requirement_met: '#00897b',
  on_track: '#66bb6a',
  slightly_behind: '#ffa726',
  lagging: '#e53935',
  no_data: '#9e9e9e',
};
const COLORS = STATUSES.map((s) => STATUS_COLOR[s]);
const TITLE_STYLE = { fontSize: 14 };

function chart(id: string, option: echarts.EChartsOption, width = 720, height = 320): string {
  const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  c.setOption({ animation: false, color: COLORS, ...option });
  const svg = c.renderToSVGString();
  c.dispose();
  return `<figure class="chart" id="chart-${id}">${svg}</figure>`;
}

function statusByCategory(t: ReportText, f: CycleReportFigures): string {
  const categories = [...new Set(f.indicators.map((i) => i.category))];
  return chart('status-by-category', {
    title: { text: t.charts.byCategory, textStyle: TITLE_STYLE },
    legend: { bottom: 0 },
    grid: { left: t.locale === 'en' ? 220 : 110, right: 20, top: 40, bottom: 50 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: categories.map((c) => t.name(f, c)) },
    series: STATUSES.map((s) => ({
      type: 'bar',
      stack: 'all',
      name: t.status(s),
      data: categories.map((c) => f.indicators.filter((i) => i.category === c && i.status === s).length),
    })),
  });
}

/**
 * Each binding indicator judged on a path, its progress ratio as a bar coloured
 * by status, against the on-track and slightly-behind lines of the report's
 * thresholds. Those judged met or not (bounds, qualitative) have no ratio and
 * appear in the table under the chart.
 */
function bindingRatios(t: ReportText, f: CycleReportFigures): string {
  const binding = f.indicators.filter((i) => i.attribute === 'binding' && i.ratio !== null);
  const line = (name: string, x: number, color: string) => ({
    name,
    xAxis: x,
    lineStyle: { color, type: 'dashed' as const },
    label: { formatter: `${name} ${x}` },
  });
  return chart(
    'binding',
    {
      title: { text: t.charts.binding, textStyle: TITLE_STYLE },
      grid: { left: 60, right: 40, top: 40, bottom: 30 },
      xAxis: { type: 'value', min: 0 },
      yAxis: { type: 'category', inverse: true, data: binding.map((i) => String(i.no)) },
      series: [
        {
          type: 'bar',
          data: binding.map((i) => ({
            value: Math.round(i.ratio! * 1000) / 1000,
            itemStyle: { color: STATUS_COLOR[i.status] },
          })),
          label: { show: true, position: 'right' },
          markLine: {
            symbol: 'none',
            data: [
              line(t.charts.onTrackLine, f.thresholds.onTrack, STATUS_COLOR.on_track),
              line(t.charts.slightlyBehindLine, f.thresholds.slightlyBehind, STATUS_COLOR.lagging),
            ],
          },
        },
      ],
    },
    720,
    Math.max(160, 80 + binding.length * 28),
  );
}

function projectCompletion(t: ReportText, f: CycleReportFigures): string {
  const projects = f.projects.filter((p) => p.completionShare !== null);
  return chart(
    'projects',
    {
      title: { text: t.charts.projects, textStyle: TITLE_STYLE },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: projects.map((p) => String(p.no)) },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          data: projects.map((p) => Math.round((p.completionShare ?? 0) * 1000) / 10),
          itemStyle: { color: '#1e88e5' },
        },
      ],
    },
    720,
    280,
  );
}

function timeliness(t: ReportText, f: CycleReportFigures): string {
  return chart(
    'timeliness',
    {
      title: { text: t.charts.timeliness, textStyle: TITLE_STYLE },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: '60%',
          data: (['on_time', 'late', 'missing'] as const).map((x) => ({
            name: t.timeliness(x),
            value: f.timeliness.filter((d) => d.timeliness === x).length,
          })),
        },
      ],
    },
    480,
    300,
  );
}

export function renderReportHtml(f: CycleReportFigures, locale: Locale = 'zh-CN'): string {
  const t = REPORT_TEXT[locale];
  const title = t.title(f);
  const table = (headers: string[], rows: string[][]) =>
    `<table><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</table>`;
  const indicatorTable = (rows: CycleReportFigures['indicators']) =>
    table(
      t.headers.indicators,
      rows.map((i) => reportRows.indicator(t, i)),
    );
  const behind = behindPath(f);
  const discussed = projectsToDiscuss(f);
  const moved = movedIntoPlan(f);
  const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:980px;margin:2em auto;color:#222}table{border-collapse:collapse;width:100%;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 6px;font-size:13px}th{background:#f3f3f3}h1{text-align:center}figure{margin:1em 0}</style>
</head><body>
<h1>${escapeHtml(title)}</h1><p style="text-align:center">${escapeHtml(t.subtitle(f))}</p>
<h2>${escapeHtml(t.headings.overview)}</h2>${p(t.summary(f))}${p(t.method(f))}
${statusByCategory(t, f)}
<h2>${escapeHtml(t.headings.binding)}</h2>
${bindingRatios(t, f)}
${indicatorTable(f.indicators.filter((i) => i.attribute === 'binding'))}
<h2>${escapeHtml(t.headings.indicators)}</h2>${indicatorTable(f.indicators)}
<h2>${escapeHtml(t.headings.behind)}</h2>${behind.length ? behind.map((i) => `<p><b>${escapeHtml(t.behindItem(f, i))}</b><br>${escapeHtml(t.reasons(i.reasons))}<br>${escapeHtml(t.measures(i.measures))}</p>`).join('') : p(t.noneBehind)}
${indicatorFindings(t, f, (heading) => `<h3>${escapeHtml(heading)}</h3>`, p).join('')}
<h2>${escapeHtml(t.headings.tasks)}</h2>${table(
    t.headers.tasks,
    f.tasks.map((x) => reportRows.task(t, f, x)),
  )}
<h2>${escapeHtml(t.headings.projects)}</h2>${p(t.projectTotals(f))}
${projectCompletion(t, f)}
${table(t.headers.projects, [...f.projects.map((x) => reportRows.project(t, f, x)), reportRows.projectTotal(t, f)])}
${discussed.length ? discussed.map((x) => `<p><b>${escapeHtml(t.projectItem(f, x))}</b><br>${escapeHtml(t.projectNarrative(x.narrative))}</p>`).join('') : p(t.noneProjectsBehind)}
<h2>${escapeHtml(t.headings.reserve)}</h2>${p(t.reserveTotals(f))}
<h3>${escapeHtml(t.headings.moved)}</h3>${moved.length ? moved.map((r) => p(t.movedItem(f, r))).join('') : p(t.noneMoved)}
<h2>${escapeHtml(t.headings.timeliness)}</h2>
${timeliness(t, f)}
${table(
  t.headers.timeliness,
  f.timeliness.map((x) => reportRows.timeliness(t, f, x)),
)}
<h2>${escapeHtml(t.headings.appendix)}</h2>${p(t.appendix)}
</body></html>
`;
}
