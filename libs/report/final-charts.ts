/**
 * The final evaluation's small charts: one per indicator with figures, its
 * series from the base year to the plan's end against its target (a dashed
 * line at each figure the target names). Its title names the indicator in the
 * report's language; the image itself holds only numbers and the unit (the
 * y axis's name; the x axis is labelled by its years), so where the unit
 * reads the same in both languages (%) it is one image for the two.
 */
import type { CycleReportFigures } from './cycle-report';
import type { FinalIndicator } from './final-evaluation';
import type { ReportChart } from './report-charts';
import { PLAN_NAMES } from './report-names';
import type { ReportText } from './report-text';

type Indicator = CycleReportFigures['indicators'][number];

const VERDICT_COLOR: Record<FinalIndicator['verdict'], string> = {
  met: '#2e7d32',
  not_met: '#e53935',
  no_data: '#9e9e9e',
};

/**
 * The values drawn: the series as reported; for a 〔〕 total, the running
 * total from 0 in the base year, broken after a year without a value, ending
 * at the final evaluation's own total where it gave one.
 */
export function chartedSeries(x: FinalIndicator): Array<number | null> {
  if (x.targetKind !== 'cumulative') return x.series.map((v) => (typeof v === 'number' ? v : null));
  let sum: number | null = 0;
  const running = x.series.map((v, n) => {
    if (n === 0) return 0;
    sum = sum !== null && typeof v === 'number' ? sum + v : null;
    return sum;
  });
  if (x.totalFrom === 'final_submission' && typeof x.value === 'number') running[running.length - 1] = x.value;
  return running;
}

export function finalIndicatorChart(
  t: ReportText,
  years: number[],
  x: FinalIndicator,
  i: Indicator,
  title: string,
): ReportChart {
  const names = PLAN_NAMES[t.locale];
  const values = chartedSeries(x);
  const shown = (n: number) => Number(n.toFixed(i.decimals));
  const color = VERDICT_COLOR[x.verdict];
  return {
    id: `final-${x.no}`,
    title,
    width: 360,
    height: 220,
    option: {
      grid: { left: 56, right: 52, top: 30, bottom: 28 },
      xAxis: { type: 'category', boundaryGap: false, data: years.map(String) },
      // Not from zero: the change is what matters. The target lines are series so that the axis takes them in.
      yAxis: {
        type: 'value',
        scale: true,
        name: i.unit === '—' ? '' : names.unit(i),
        nameTextStyle: { fontSize: 11, align: 'left' },
      },
      series: [
        {
          type: 'line',
          data: values.map((v) => (v === null ? null : shown(v))),
          connectNulls: false,
          itemStyle: { color },
          lineStyle: { color, width: 2 },
          label: { show: true, fontSize: 10, position: 'top' },
        },
        ...x.targetLines.map((v) => ({
          type: 'line' as const,
          data: years.map(() => v),
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#555', type: 'dashed' as const, width: 1 },
          endLabel: { show: true, formatter: String(v) },
        })),
      ],
    },
  };
}
