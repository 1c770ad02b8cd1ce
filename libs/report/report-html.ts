/**
 * The report as one HTML page with charts rendered on the server by Apache
 * ECharts (SVG, no script in the page). Every text is escaped.
 */
import * as echarts from 'echarts';
import { escapeHtml } from '../common/escape-html';
import { STATUS_LABELS, type ProgressStatus } from '../rules/progress';
import type { CycleReportFigures } from './cycle-report';
import { fmt, pct, reportTitle, statusText, summaryText, TIMELINESS_LABELS } from './report-text';

const STATUSES: ProgressStatus[] = ['achieved', 'on_track', 'slightly_behind', 'lagging', 'no_data'];
const COLORS = ['#2e7d32', '#66bb6a', '#ffa726', '#e53935', '#9e9e9e'];

function chart(option: echarts.EChartsOption, width = 720, height = 320): string {
  const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  c.setOption({ animation: false, color: COLORS, ...option });
  const svg = c.renderToSVGString();
  c.dispose();
  return svg;
}

export function renderReportHtml(f: CycleReportFigures): string {
  const title = reportTitle(f);
  const categories = [...new Set(f.indicators.map((i) => i.category))];
  const byCategory = chart({
    title: { text: '各类别指标状态 Status by category', textStyle: { fontSize: 14 } },
    legend: { bottom: 0 },
    grid: { left: 110, right: 20, top: 40, bottom: 50 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: categories },
    series: STATUSES.map((s) => ({ type: 'bar', stack: 'all', name: STATUS_LABELS[s].zh, data: categories.map((c) => f.indicators.filter((i) => i.category === c && i.status === s).length) })),
  });
  const projects = f.projects.filter((p) => p.completionShare !== null);
  const projectChart = chart(
    {
      title: { text: '重大项目投资完成比例 Project investment completed', textStyle: { fontSize: 14 } },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: projects.map((p) => String(p.no)) },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: [{ type: 'bar', data: projects.map((p) => Math.round((p.completionShare ?? 0) * 1000) / 10), itemStyle: { color: '#1e88e5' } }],
    },
    720,
    280,
  );
  const timelinessChart = chart(
    {
      title: { text: '部门报送及时性 Timeliness', textStyle: { fontSize: 14 } },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: '60%', data: (['on_time', 'late', 'missing'] as const).map((t) => ({ name: TIMELINESS_LABELS[t], value: f.timeliness.filter((x) => x.timeliness === t).length })) }],
    },
    480,
    300,
  );
  const row = (cells: Array<string | number>) => `<tr>${cells.map((c) => `<td>${escapeHtml(String(c))}</td>`).join('')}</tr>`;
  const indicatorRows = (rows: CycleReportFigures['indicators']) =>
    rows.map((i) => row([i.no, i.name, i.baseline, fmt(i.value), i.target, fmt(i.expected), i.ratio === null ? '—' : fmt(i.ratio, 3), statusText(i.status)])).join('');
  const head = `<tr>${['序号', '指标', '基期', '本期值', '目标', '预期值', '进度比', '状态'].map((h) => `<th>${h}</th>`).join('')}</tr>`;
  const behind = f.indicators.filter((i) => i.status === 'lagging' || i.status === 'slightly_behind');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title.zh)}</title>
<style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:980px;margin:2em auto;color:#222}table{border-collapse:collapse;width:100%;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 6px;font-size:13px}th{background:#f3f3f3}h1{text-align:center}</style>
</head><body>
<h1>${escapeHtml(title.zh)}</h1><p style="text-align:center">${escapeHtml(title.en)}</p>
<h2>一、总体情况 Overview</h2><p>${escapeHtml(summaryText(f))}</p>
${byCategory}
<h2>二、约束性指标 Binding indicators</h2><table>${head}${indicatorRows(f.indicators.filter((i) => i.attribute === 'binding'))}</table>
<h2>三、主要指标 All indicators</h2><table>${head}${indicatorRows(f.indicators)}</table>
<h2>四、滞后指标 Items behind</h2>${behind.length ? behind.map((i) => `<p><b>${escapeHtml(`${i.no}. ${i.name}`)}</b>（${escapeHtml(i.leadDepartment)}）<br>原因分析：${escapeHtml(i.reasons ?? '未填报')}<br>下一步措施：${escapeHtml(i.measures ?? '未填报')}</p>`).join('') : '<p>无滞后指标。</p>'}
<h2>五、重大项目 Projects</h2>${projectChart}
<table><tr><th>序号</th><th>项目</th><th>计划投资（万元）</th><th>累计完成（万元）</th><th>完成比例</th></tr>${f.projects.map((p) => row([p.no, p.name, fmt(p.planPeriodInvestment), fmt(p.investmentCumulative), pct(p.completionShare)])).join('')}</table>
<h2>六、报送及时性 Timeliness</h2>${timelinessChart}
<table><tr><th>部门</th><th>及时性</th><th>完成/事项</th></tr>${f.timeliness.map((t) => row([t.name, TIMELINESS_LABELS[t.timeliness], `${t.done}/${t.total}`])).join('')}</table>
</body></html>
`;
}
