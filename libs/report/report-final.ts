/**
 * The final evaluation's (总结评估) part of the indicators chapter, zh-CN and
 * English: the achievement rates (达标率) per category in the plan's order and
 * for the binding indicators; every indicator's series from the base year to
 * the plan's end beside its target, final value and verdict; and a small
 * chart per indicator with figures. Figures come from
 * libs/report/final-evaluation.ts; verdicts from libs/rules/final-verdict.ts.
 */
import type { Locale } from '../plan/localized';
import { FINAL_VERDICT_LABELS, type AchievementRate } from '../rules/final-verdict';
import type { CycleReportFigures } from './cycle-report';
import { finalIndicatorChart } from './final-charts';
import type { FinalEvaluation, FinalIndicator } from './final-evaluation';
import type { ReportBlock } from './report-outline';
import { PLAN_NAMES } from './report-names';
import { atPrecision, pct, type ReportText } from './report-text';

type Indicator = CycleReportFigures['indicators'][number];

interface FinalText {
  /** The sections: the rates, the series table, the charts. */
  rates: string;
  series: string;
  charts: string;
  summary(f: FinalEvaluation, endYear: number): string;
  rateHeaders: string[];
  binding: string;
  total: string;
  seriesHeaders(years: number[]): string[];
  verdict(x: FinalIndicator): string;
  chartTitle(no: number, name: string, target: string, cumulative: boolean): string;
  chartsNote: string;
}

const rateLine = (r: AchievementRate) => [
  String(r.count),
  String(r.met),
  String(r.notMet),
  String(r.noData),
  pct(r.rate),
];

const ZH: FinalText = {
  rates: '规划目标实现情况',
  series: '主要指标历年完成情况',
  charts: '主要指标历年走势',
  summary: (f, endYear) =>
    `截至规划期末（${endYear}年），${f.overall.count}项主要指标中已实现${f.overall.met}项、未实现${f.overall.notMet}项、无数据${f.overall.noData}项，达标率${pct(f.overall.rate)}；` +
    `其中约束性指标${f.binding.count}项，已实现${f.binding.met}项，达标率${pct(f.binding.rate)}。` +
    `达标率为已实现指标数占指标总数的比例，期末无数据的指标按未实现计；累计指标以总结评估报送的五年合计为准，未报送的按各年度值合计。`,
  rateHeaders: ['类别', '指标数', '已实现', '未实现', '无数据', '达标率'],
  binding: '约束性指标',
  total: '合计',
  seriesHeaders: (years) => ['序号', '指标名称', '单位', ...years.map((y) => `${y}年`), '目标', '期末值', '结论'],
  verdict: (x) => {
    const notes = [
      x.brokenYears ? `${x.brokenYears.join('、')}年未达到` : '',
      x.totalFrom === 'final_submission' ? '期末报送合计' : x.totalFrom === 'annual_sum' ? '各年度值合计' : '',
      x.missingYears ? `缺${x.missingYears.join('、')}年数据` : '',
    ].filter(Boolean);
    return `${FINAL_VERDICT_LABELS[x.verdict].zh}${notes.length ? `（${notes.join('，')}）` : ''}`;
  },
  chartTitle: (no, name, target, cumulative) => `${no}. ${name}：${cumulative ? '累计值' : '历年值'}与目标${target}`,
  chartsNote:
    '各图横轴为年份，纵轴为指标单位；虚线为目标值，折线颜色绿色为已实现、红色为未实现、灰色为无数据。定性指标见上表。',
};

const EN: FinalText = {
  rates: "Targets met at the plan's end",
  series: 'Main indicators year by year',
  charts: 'Main indicators: series against targets',
  summary: (f, endYear) =>
    `At the plan's end (${endYear}), of ${f.overall.count} main indicators ${f.overall.met} met their targets, ${f.overall.notMet} did not and ${f.overall.noData} have no data: an achievement rate of ${pct(f.overall.rate)}. ` +
    `Of ${f.binding.count} binding indicators, ${f.binding.met} met their targets (${pct(f.binding.rate)}). ` +
    `The rate is the share of indicators that met their targets, an indicator without data at the plan's end counting as not met; a cumulative indicator's total is the one submitted in the final evaluation, or else the sum of its annual values.`,
  rateHeaders: ['Category', 'Indicators', 'Met', 'Not met', 'No data', 'Achievement rate'],
  binding: 'Binding indicators',
  total: 'Total',
  seriesHeaders: (years) => ['No.', 'Indicator', 'Unit', ...years.map(String), 'Target', 'Final value', 'Verdict'],
  verdict: (x) => {
    const notes = [
      x.brokenYears ? `not held in ${x.brokenYears.join(', ')}` : '',
      x.totalFrom === 'final_submission'
        ? 'total as submitted'
        : x.totalFrom === 'annual_sum'
          ? 'sum of annual values'
          : '',
      x.missingYears ? `no data for ${x.missingYears.join(', ')}` : '',
    ].filter(Boolean);
    return `${FINAL_VERDICT_LABELS[x.verdict].en}${notes.length ? ` (${notes.join('; ')})` : ''}`;
  },
  chartTitle: (no, name, target, cumulative) =>
    `${no}. ${name}: ${cumulative ? 'running total' : 'series'} against the target ${target}`,
  chartsNote:
    'In each chart the x axis gives the years and the y axis the unit; the dashed line is the target, the series green where met, red where not, grey without data. Qualitative indicators are in the table above.',
};

export const FINAL_TEXT: Record<Locale, FinalText> = { 'zh-CN': ZH, en: EN };

/** The final evaluation's sections of the indicators chapter, as the outline's [title, blocks] pairs. */
export function finalSections(
  t: ReportText,
  f: CycleReportFigures,
  final: FinalEvaluation,
): Array<[string, ReportBlock[]]> {
  const x = FINAL_TEXT[t.locale];
  const names = PLAN_NAMES[t.locale];
  const byNo = new Map(f.indicators.map((i) => [i.no, i]));
  const rows = final.indicators.map((r) => [r, byNo.get(r.no)!] as const);
  const value = (v: number | boolean | null, i: Indicator) => (v === null ? '' : atPrecision(v, i.decimals, t.yesNo));
  const charts = rows
    .filter(([r]) => r.targetKind !== 'qualitative')
    .map(([r, i]) =>
      finalIndicatorChart(
        t,
        final.years,
        r,
        i,
        x.chartTitle(r.no, names.indicator(i), names.target(i), r.targetKind === 'cumulative'),
      ),
    );
  return [
    [
      x.rates,
      [
        { kind: 'paragraph', text: x.summary(final, f.plan.endYear) },
        {
          kind: 'table',
          headers: x.rateHeaders,
          rows: [
            ...final.byCategory.map((c) => [t.name(f, c.category), ...rateLine(c)]),
            [x.binding, ...rateLine(final.binding)],
            [x.total, ...rateLine(final.overall)],
          ],
        },
      ],
    ],
    [
      x.series,
      [
        {
          kind: 'table',
          headers: x.seriesHeaders(final.years),
          rows: rows.map(([r, i]) => [
            String(r.no),
            names.indicator(i),
            i.unit === '—' ? '' : names.unit(i),
            ...r.series.map((v) => value(v, i)),
            names.target(i),
            value(r.value, i),
            x.verdict(r),
          ]),
        },
      ],
    ],
    [
      x.charts,
      [
        { kind: 'paragraph', text: x.chartsNote },
        { kind: 'charts', charts },
      ],
    ],
  ];
}
