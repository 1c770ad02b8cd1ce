/**
 * The report's charts as Apache ECharts options, built once from the figures
 * and drawn by each format: the HTML page inlines them as SVG rendered on the
 * server (no script in the page). Each chart has a title and labelled axes.
 */
import * as echarts from 'echarts';
import { PROGRESS_STATUSES, type ProgressStatus } from '../rules/progress';
import type { CycleReportFigures } from './cycle-report';
import { categoriesInPlanOrder, type ReportText } from './report-text';

export interface ReportChart {
  id: string;
  title: string;
  option: echarts.EChartsOption;
  width: number;
  height: number;
}

const STATUS_COLOR: Record<ProgressStatus, string> = {
  achieved: '#2e7d32',
  requirement_met: '#00897b',
  on_track: '#66bb6a',
  slightly_behind: '#ffa726',
  lagging: '#e53935',
  no_data: '#9e9e9e',
};
const AXIS_NAME = { nameLocation: 'middle' as const, nameTextStyle: { fontSize: 12 } };

/**
 * The chart as an SVG document (fonts are the reader's: CJK fonts named
 * first), without its title: every format captions the chart with it (Word's
 * caption, the HTML page's figcaption).
 */
export function chartSvg(c: ReportChart): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: c.width, height: c.height });
  chart.setOption({
    animation: false,
    color: PROGRESS_STATUSES.map((s) => STATUS_COLOR[s]),
    textStyle: { fontFamily: "'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif" },
    ...c.option,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** Indicators by category and status, categories in the plan's order. */
export function statusByCategory(t: ReportText, f: CycleReportFigures): ReportChart {
  const categories = categoriesInPlanOrder(f);
  // Counted in one pass: a search of every indicator per category and status was a second at 10,000 indicators.
  const counts = new Map<string, number>();
  for (const i of f.indicators)
    counts.set(`${i.status} ${i.category}`, (counts.get(`${i.status} ${i.category}`) ?? 0) + 1);
  return {
    id: 'status-by-category',
    title: t.charts.byCategory,
    width: 720,
    height: 360,
    option: {
      legend: { bottom: 0 },
      grid: { left: t.locale === 'en' ? 220 : 110, right: 20, top: 40, bottom: 70 },
      xAxis: { type: 'value', minInterval: 1, name: t.charts.indicatorCount, nameGap: 25, ...AXIS_NAME },
      yAxis: { type: 'category', inverse: true, data: categories.map((c) => t.name(f, c)) },
      series: PROGRESS_STATUSES.map((s) => ({
        type: 'bar' as const,
        stack: 'all',
        name: t.status(s),
        data: categories.map((c) => counts.get(`${s} ${c}`) ?? 0),
      })),
    },
  };
}

/**
 * Every binding indicator: those judged on a path by their progress ratio, a
 * bar coloured by status against the on-track and slightly-behind lines of the
 * report's thresholds; those judged met or not (bounds, qualitative) at 1 when
 * met and 0 when not, coloured the same way, so none is left out. A plan with
 * more binding indicators than a page holds gets one chart per page's worth.
 */
export function bindingRatios(t: ReportText, f: CycleReportFigures): ReportChart[] {
  const all = f.indicators.filter((i) => i.attribute === 'binding');
  const parts = Math.max(1, Math.ceil(all.length / BINDING_PER_CHART));
  return Array.from({ length: parts }, (_, n) =>
    bindingChart(t, f, all.slice(n * BINDING_PER_CHART, (n + 1) * BINDING_PER_CHART), n + 1, parts),
  );
}

/** Bars of 28 pixels: 30 of them and the axes make a chart that fits a page of the Word document. */
const BINDING_PER_CHART = 30;

function bindingChart(
  t: ReportText,
  f: CycleReportFigures,
  binding: CycleReportFigures['indicators'],
  part: number,
  parts: number,
): ReportChart {
  const barValue = (i: (typeof binding)[number]) =>
    i.ratio !== null
      ? Math.round(i.ratio * 1000) / 1000
      : i.status === 'achieved' || i.status === 'requirement_met' || i.status === 'on_track'
        ? 1
        : 0;
  const line = (name: string, x: number, color: string) => ({
    name,
    xAxis: x,
    lineStyle: { color, type: 'dashed' as const },
    label: { formatter: `${name} ${x}` },
  });
  const of = parts === 1 ? '' : t.locale === 'en' ? ` (${part}/${parts})` : `（${part}/${parts}）`;
  return {
    id: part === 1 ? 'binding' : `binding-${part}`,
    title: `${t.charts.binding}${of}`,
    width: 720,
    height: Math.max(200, 110 + binding.length * 28),
    option: {
      grid: { left: 60, right: 60, top: 40, bottom: 50 },
      xAxis: { type: 'value', min: 0, name: t.charts.ratioAxis, nameGap: 25, ...AXIS_NAME },
      yAxis: {
        type: 'category',
        inverse: true,
        name: t.charts.indicatorNo,
        nameGap: 35,
        ...AXIS_NAME,
        data: binding.map((i) => String(i.no)),
      },
      series: [
        {
          type: 'bar',
          data: binding.map((i) => ({ value: barValue(i), itemStyle: { color: STATUS_COLOR[i.status] } })),
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
  };
}

export function projectCompletion(t: ReportText, f: CycleReportFigures): ReportChart {
  const projects = f.projects.filter((p) => p.completionShare !== null);
  return {
    id: 'projects',
    title: t.charts.projects,
    width: 720,
    height: 300,
    option: {
      grid: { left: 60, right: 20, top: 40, bottom: 50 },
      xAxis: {
        type: 'category',
        name: t.charts.projectNo,
        nameGap: 25,
        ...AXIS_NAME,
        data: projects.map((p) => String(p.no)),
      },
      yAxis: {
        type: 'value',
        name: t.charts.completionAxis,
        nameGap: 40,
        ...AXIS_NAME,
        axisLabel: { formatter: '{value}%' },
      },
      series: [
        {
          type: 'bar',
          data: projects.map((p) => Math.round((p.completionShare ?? 0) * 1000) / 10),
          itemStyle: { color: '#1e88e5' },
          markLine: {
            symbol: 'none',
            data: [{ yAxis: Math.round(f.summary.projects.elapsed * 1000) / 10, name: t.charts.elapsedLine }],
            label: { formatter: `${t.charts.elapsedLine} {c}%` },
            lineStyle: { color: '#e53935', type: 'dashed' },
          },
        },
      ],
    },
  };
}

export function timelinessShares(t: ReportText, f: CycleReportFigures): ReportChart {
  return {
    id: 'timeliness',
    title: t.charts.timeliness,
    width: 480,
    height: 300,
    option: {
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: '60%',
          label: { formatter: '{b}: {c}' },
          data: (['on_time', 'late', 'missing'] as const).map((x) => ({
            name: t.timeliness(x),
            value: f.timeliness.filter((d) => d.timeliness === x).length,
          })),
        },
      ],
    },
  };
}
