/**
 * A value a department might report: on the planned path, bounds met, reasons
 * always given. What the demo's simulated departments and the benchmarks submit.
 */
import type { Submission, WorkItemSpec } from './submission';

/**
 * Where in the plan period a value is reported, for a series over the years
 * (the demo's annual cycles and its final evaluation): `elapsed` is the share
 * of the period, `annual` says a 〔〕 indicator reports the year's addition
 * rather than its total so far. Every seventh indicator falls short of its
 * path by a tenth, so a final evaluation has targets not met to report.
 */
export interface ReportingPoint {
  elapsed: number;
  annual: boolean;
}

/** The share of a 〔〕 total added in each year of a five-year path: rising a little, 1.0 in all. */
const ANNUAL_SHARES = [0.18, 0.19, 0.2, 0.21, 0.22];

export function plausibleSubmission(spec: WorkItemSpec, at?: ReportingPoint): Submission {
  if (spec.kind === 'task')
    return { kind: 'task', progress: 'in_progress', narrative: `${spec.title}：按计划推进，已完成年度重点工作。` };
  if (spec.kind === 'reserve') {
    // Some moved into the plan, some in preparation, the rest not yet started, as a real cycle finds them.
    const stage = (['moved_into_plan', 'preparing', 'not_started'] as const)[spec.no % 3];
    if (stage === 'not_started') return { kind: 'reserve', stage };
    const narrative =
      stage === 'preparing' ? '已完成项目建议书编制，正在办理用地预审。' : '已调入规划，列入本年度重点建设项目计划。';
    return { kind: 'reserve', stage, narrative: `${spec.title}：${narrative}` };
  }
  if (spec.kind === 'service') {
    // Most delivered to standard; every seventh in part and every eleventh not, so the report has each to show.
    if (spec.no % 11 === 0)
      return {
        kind: 'service',
        implementation: 'not_implemented',
        narrative: `${spec.title}：省级标准出台后配套资金尚未到位，服务暂未开展，计划下一年度启动。`,
      };
    if (spec.no % 7 === 0)
      return {
        kind: 'service',
        implementation: 'partly',
        narrative: `${spec.title}：城区已按标准提供，部分农村地区覆盖不足，正在补齐。`,
      };
    return { kind: 'service', implementation: 'implemented' };
  }
  if (spec.kind === 'project')
    return {
      kind: 'project',
      investmentInPeriod: 1000,
      investmentCumulative: 3000,
      constructionStatus: 'under_construction',
      landSecured: true,
    };
  const ind = spec.indicator!;
  const t = ind.target;
  const base = ind.baseline.kind === 'value' ? ind.baseline.value : 0;
  let value: number | boolean;
  if (at) {
    value = alongThePeriod(spec, at);
  } else
    switch (t.kind) {
      case 'qualitative':
        value = true;
        break;
      case 'cumulative':
        value = Math.round(t.total * 0.6 * 100) / 100;
        break;
      case 'range':
        value = t.min;
        break;
      case 'point':
        value = Math.round((base + (t.value - base) * 0.6) * 100) / 100;
        break;
      default:
        value = t.value + (t.kind === 'at_least' && t.strict ? 0.5 : t.kind === 'at_most' && t.strict ? -0.5 : 0);
    }
  if (typeof value === 'number' && ind.unit === '%') value = Math.min(value, 100);
  return {
    kind: 'indicator',
    value,
    dataSource: at ? '统计年报' : '2023年统计年报',
    reasons: '受疫情影响部分工作推迟。',
    measures: '加快推进，确保完成规划目标。',
  };
}

/** A value on the way from the baseline to one meeting the target, `at.elapsed` of the way (short for every seventh). */
function alongThePeriod(spec: WorkItemSpec, at: ReportingPoint): number | boolean {
  const ind = spec.indicator!;
  const t = ind.target;
  const short = spec.no % 7 === 3 ? 0.9 : 1;
  const round = (n: number) => Math.round(n * 100) / 100;
  if (t.kind === 'qualitative') return short === 1;
  if (t.kind === 'cumulative') {
    const year = Math.round(at.elapsed * ANNUAL_SHARES.length) - 1;
    const share = at.annual
      ? (ANNUAL_SHARES[year] ?? 0.2)
      : ANNUAL_SHARES.slice(0, year + 1).reduce((a, b) => a + b, 0);
    return round(t.total * share * short);
  }
  const goal =
    t.kind === 'range'
      ? t.min
      : t.kind === 'point'
        ? t.value
        : t.value + (t.kind === 'at_most' ? -0.5 : 0.5) * (t.kind === 'at_least' && !t.strict ? 0 : 1);
  // A level the base year already met is held there; otherwise the straight path to the goal.
  const base = ind.baseline.kind === 'value' ? ind.baseline.value : goal * 0.5;
  const met = t.kind === 'at_most' ? base <= goal : base >= goal;
  if (met && t.kind !== 'point' && t.kind !== 'range') return base;
  return round(base + (goal - base) * at.elapsed * short);
}
