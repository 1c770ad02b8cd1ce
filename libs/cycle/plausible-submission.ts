/**
 * A value a department might report: on the planned path, bounds met, reasons
 * always given. What the demo's simulated departments and the benchmarks submit.
 */
import type { Submission, WorkItemSpec } from './submission';

export function plausibleSubmission(spec: WorkItemSpec): Submission {
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
    dataSource: '2023年统计年报',
    reasons: '受疫情影响部分工作推迟。',
    measures: '加快推进，确保完成规划目标。',
  };
}
