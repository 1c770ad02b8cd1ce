/** Labels the report formats share: zh-CN first, English beside. */
import type { CycleKind } from '../cycle/cycle-definition';
import { CYCLE_KIND_LABELS } from '../cycle/cycle-definition';
import { STATUS_LABELS, type ProgressStatus } from '../rules/progress';
import type { CycleReportFigures } from './cycle-report';

export const TIMELINESS_LABELS = { on_time: '按时 on time', late: '逾期 late', missing: '未报 missing' } as const;
export const TASK_PROGRESS_LABELS = { not_started: '未开始', in_progress: '推进中', completed: '已完成', delayed: '滞后' } as const;
export const CONSTRUCTION_LABELS = { not_started: '未开工', preparing: '前期工作', under_construction: '在建', completed: '已建成' } as const;

export function reportTitle(f: CycleReportFigures): { zh: string; en: string } {
  const period = f.cycle.fromYear === f.cycle.toYear ? `${f.cycle.toYear}` : `${f.cycle.fromYear}–${f.cycle.toYear}`;
  const kind = CYCLE_KIND_LABELS[f.cycle.kind as CycleKind];
  return { zh: `${f.plan.name}${period}年${kind.zh}报告`, en: `${kind.en} report ${period}` };
}

export const statusText = (s: ProgressStatus) => `${STATUS_LABELS[s].zh} ${STATUS_LABELS[s].en}`;
export const fmt = (n: number | null | boolean | undefined, digits = 2): string =>
  n === null || n === undefined ? '—' : typeof n === 'boolean' ? (n ? '是 yes' : '否 no') : String(Math.round(n * 10 ** digits) / 10 ** digits);
export const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 1000) / 10}%`);

/** The summary paragraph every format opens with. */
export function summaryText(f: CycleReportFigures): string {
  const s = f.summary.byStatus;
  const total = f.indicators.length;
  const binding = f.summary.bindingNotOnTrack;
  return (
    `本次评估共${total}项主要指标：已完成${s.achieved}项，符合进度${s.on_track}项，略滞后${s.slightly_behind}项，滞后${s.lagging}项，无数据${s.no_data}项。` +
    (binding.length ? `约束性指标中第${binding.join('、')}项未达到时序进度，须重点关注。` : '约束性指标均达到时序进度或已完成。') +
    (f.summary.bindingNoData.length ? `约束性指标第${f.summary.bindingNoData.join('、')}项无数据。` : '')
  );
}
