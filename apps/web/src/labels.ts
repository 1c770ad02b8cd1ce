/** The words the portal shows for the domain's codes, zh-CN and English; the item states come from the domain itself. */
import {
  CYCLE_KIND_LABELS,
  cycleTitle,
  type CycleStatus,
  type ItemKind,
  type WorkItemKind,
} from '@libs/cycle/cycle-definition';
import { ITEM_STATUS_LABELS, type ItemStatus } from '@libs/cycle/department-state';
import type { NoticeStatus } from '@libs/cycle/notice-standing';
import type { TimelinessShown } from '@libs/cycle/timeliness';
import { STATUS_LABELS as PROGRESS_STATUS_LABELS, type ProgressStatus } from '@libs/rules/progress';
import { THRESHOLD_PRESET_LABELS, THRESHOLD_PRESETS, type ThresholdPreset } from '@libs/rules/thresholds';
import type { Schemas } from './api';
import type { Localized } from './i18n';

export { CYCLE_KIND_LABELS, ITEM_STATUS_LABELS, PROGRESS_STATUS_LABELS, cycleTitle };

export const STATUS_COLORS: Record<ItemStatus, string> = {
  assigned: 'default',
  draft: 'gold',
  submitted: 'processing',
  returned: 'error',
  approved: 'success',
  accepted: 'green',
};

export const ITEM_KIND_LABELS: Record<WorkItemKind, Localized> = {
  indicator: { zh: '主要指标', en: 'Indicator' },
  task: { zh: '主要任务', en: 'Task' },
  project: { zh: '重大项目', en: 'Project' },
  reserve: { zh: '储备项目', en: 'Reserve project' },
  service: { zh: '基本公共服务', en: 'Basic public service' },
};

/**
 * What a launch may ask for (the API's `itemKinds`): projects bring the reserve
 * projects with them; the basic public services need their departments assigned in the catalog first.
 */
export const LAUNCH_ITEM_KIND_LABELS: Record<ItemKind, Localized> = {
  indicator: ITEM_KIND_LABELS.indicator,
  task: ITEM_KIND_LABELS.task,
  project: { zh: '重大项目（含储备项目）', en: 'Projects (planned and reserve)' },
  service: { zh: '基本公共服务项目', en: 'Basic public service items' },
};

export const TASK_PROGRESS_LABELS: Record<string, Localized> = {
  not_started: { zh: '未开始', en: 'not started' },
  in_progress: { zh: '推进中', en: 'in progress' },
  completed: { zh: '已完成', en: 'completed' },
  delayed: { zh: '滞后', en: 'delayed' },
};

export const CONSTRUCTION_LABELS: Record<string, Localized> = {
  not_started: { zh: '未开工', en: 'not started' },
  preparing: { zh: '前期工作', en: 'preparatory work' },
  under_construction: { zh: '在建', en: 'under construction' },
  completed: { zh: '已建成', en: 'completed' },
};

/** A reserve project's (附件4) stage, as its unit reports it. */
export const RESERVE_STAGE_LABELS: Record<string, Localized> = {
  not_started: { zh: '未启动/未调入', en: 'not started or not moved' },
  preparing: { zh: '已开展前期工作', en: 'preparatory work under way' },
  moved_into_plan: { zh: '已调入规划', en: 'moved into the plan' },
};

/** A basic public service item's (专栏2) 落实情况, as its department reports it. */
export const SERVICE_IMPLEMENTATION_LABELS: Record<string, Localized> = {
  implemented: { zh: '按标准落实', en: 'delivered to standard' },
  partly: { zh: '部分落实', en: 'partly delivered' },
  not_implemented: { zh: '未落实', en: 'not delivered' },
};

export const TIMELINESS_LABELS: Record<TimelinessShown, Localized & { color: string }> = {
  on_time: { zh: '按时', en: 'on time', color: 'success' },
  late: { zh: '逾期', en: 'late', color: 'warning' },
  partly_missing: { zh: '部分未报', en: 'partly missing', color: 'volcano' },
  missing: { zh: '未报', en: 'missing', color: 'error' },
  pending: { zh: '进行中', en: 'in progress', color: 'processing' },
};

/** A submission against the expected path: behind it in warm colours, on or past it in green. */
export const PROGRESS_STATUS_COLORS: Record<ProgressStatus, string> = {
  achieved: 'success',
  requirement_met: 'success',
  on_track: 'green',
  slightly_behind: 'warning',
  lagging: 'error',
  no_data: 'default',
};

export const CYCLE_STATUS_LABELS: Record<CycleStatus, Localized & { color: string }> = {
  running: { zh: '进行中', en: 'running', color: 'processing' },
  closed: { zh: '已结束', en: 'closed', color: 'default' },
  cancelled: { zh: '已取消', en: 'cancelled', color: 'error' },
};

export const NOTICE_STATUS_LABELS: Record<NoticeStatus, Localized & { color: string }> = {
  pending: { zh: '待发送', en: 'pending', color: 'default' },
  sent: { zh: '已发送', en: 'sent', color: 'success' },
  undeliverable: { zh: '无法投递', en: 'undeliverable', color: 'error' },
  dropped: { zh: '未发送（事项已办理）', en: 'not sent: its items moved on', color: 'default' },
};

export const ROLE_LABELS: Record<string, Localized> = {
  admin: { zh: '市统计局', en: 'Statistics bureau' },
  viewer: { zh: '查看', en: 'Viewer' },
  approver: { zh: '审批', en: 'Approver' },
  submitter: { zh: '填报人', en: 'Submitter' },
  supervisor: { zh: '审核人', en: 'Supervisor' },
};

export const PURPOSE_LABELS: Record<string, Localized> = {
  submit: { zh: '填报', en: 'fill in and submit' },
  review: { zh: '审核', en: 'review' },
  contribute: { zh: '提供配合意见', en: 'contribute' },
  comment: { zh: '对评估报告提出意见', en: 'comment on the report' },
};

/** The inbox's two lists, by the department's part in an item (the API's `role=lead|cooperate`). */
export const INBOX_ROLE_LABELS: Record<'lead' | 'cooperate', Localized> = {
  lead: { zh: '我牵头的', en: 'Items we lead' },
  cooperate: { zh: '需我配合的', en: 'Items we co-operate on' },
};

export const EVENT_LABELS: Record<string, Localized> = {
  save_draft: { zh: '保存草稿', en: 'draft saved' },
  submit: { zh: '提交', en: 'submitted' },
  review: { zh: '审核', en: 'reviewed' },
  accept: { zh: '验收', en: 'accepted' },
  reopen: { zh: '重新打开', en: 'reopened' },
  contribute: { zh: '配合意见', en: 'contribution' },
};

/** 时序进度（1.0 / 0.8）: a threshold preset's name with its numbers, read from the preset itself. */
export function thresholdPresetLabel(preset: ThresholdPreset): Localized {
  const { onTrack, slightlyBehind } = THRESHOLD_PRESETS[preset];
  const numbers = `${onTrack.toFixed(1)} / ${slightlyBehind.toFixed(1)}`;
  const name = THRESHOLD_PRESET_LABELS[preset];
  return { zh: `${name.zh}（${numbers}）`, en: `${name.en} (${numbers})` };
}

/** A cycle as GET /api/cycles lists it. */
export type Cycle = Schemas['CycleView'];

export function itemLabel(kind: string, no: number): Localized {
  const k = ITEM_KIND_LABELS[kind as WorkItemKind] ?? { zh: kind, en: kind };
  return { zh: `${k.zh} ${no}`, en: `${k.en} ${no}` };
}

export const itemPath = (cycleId: string, itemKey: string) =>
  `/cycles/${encodeURIComponent(cycleId)}/items/${encodeURIComponent(itemKey)}`;
export const cyclePath = (cycleId: string) => `/cycles/${encodeURIComponent(cycleId)}`;
/** 征求意见: the report's review of a cycle (a comment link opens it). */
export const reviewPath = (cycleId: string) => `${cyclePath(cycleId)}/review`;
