/**
 * What the bureau launches: which plan, which kind of evaluation, which period,
 * when it is due, how chasing goes. Pure and shared by the API, the CLI, the
 * worker and the workflows.
 */
import { isOneOf } from '../common/one-of';
import { DEFAULT_ASSESSMENT_WEIGHTS, type AssessmentWeights } from '../rules/department-assessment';
import { THRESHOLD_PRESETS, type ThresholdPreset, type Thresholds } from '../rules/thresholds';

/** The kinds of evaluation: the one list the API, the CLI, the calendar and the portal take them from. */
export const CYCLE_KINDS = ['annual', 'midterm', 'final'] as const;
export type CycleKind = (typeof CYCLE_KINDS)[number];

/** Where a launched cycle stands (the `evaluation_cycle.status` column). */
export const CYCLE_STATUSES = ['running', 'closed', 'cancelled'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export const CYCLE_KIND_LABELS: Record<CycleKind, { zh: string; en: string }> = {
  annual: { zh: '年度监测分析', en: 'annual monitoring' },
  midterm: { zh: '中期评估', en: 'mid-term evaluation' },
  final: { zh: '总结评估', en: 'final evaluation' },
};

/** A cycle as people name it (2022年年度监测分析, mid-term evaluation 2021–2023): its ID is for machines. */
export function cycleTitle(c: { kind: CycleKind; fromYear: number; toYear: number }): { zh: string; en: string } {
  const period = c.fromYear === c.toYear ? `${c.toYear}` : `${c.fromYear}–${c.toYear}`;
  const label = CYCLE_KIND_LABELS[c.kind];
  return { zh: `${period}年${label.zh}`, en: `${label.en} ${period}` };
}

/**
 * What a work item is. A reserve project is reported on differently from a
 * planned one (its stage, not its investment), so it is a kind of its own:
 * its submission is of that kind, as every item's is, and its key
 * (`reserve-3`) cannot collide with planned project 3's.
 */
export const WORK_ITEM_KINDS = ['indicator', 'task', 'project', 'reserve', 'service'] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

/**
 * What a launch asks for: `project` brings the plan's major projects, planned
 * (附件3) and reserve (附件4) alike; `service` the basic public service items
 * (专栏2), which every kind of cycle (annual, mid-term, final) evaluates for
 * their 落实情况, each reported by the department the bureau assigned it to.
 */
export type ItemKind = Exclude<WorkItemKind, 'reserve'>;
/** What a launch may ask for, and asks for when it does not say: everything the plan promised. */
export const LAUNCH_ITEM_KINDS: readonly ItemKind[] = WORK_ITEM_KINDS.filter((k): k is ItemKind => k !== 'reserve');

/**
 * Durations are strings Temporal understands ('7 days', '90s', '36 hours'), so
 * the same policy runs a real cycle over months and the demo in minutes.
 */
export interface ChasingPolicy {
  /** Reminders before the deadline, e.g. ['7 days', '1 day']. */
  remindBefore: string[];
  /** The first overdue notice this long after the deadline, then every `overdueEvery`. */
  overdueAfter: string;
  overdueEvery: string;
  /** Escalation to the department's supervisor, then to the bureau, measured from the deadline. */
  escalateToSupervisorAfter: string;
  escalateToBureauAfter: string;
  /** Supervisors are chased the same way for submissions waiting for review. */
  reviewReminderAfter: string;
  reviewReminderEvery: string;
  /**
   * Notices caused by people's actions wait this long so that several actions
   * (five submissions in a row) reach the recipient as one digest. Optional:
   * cycles launched before it existed use five minutes.
   */
  digestWindow?: string;
}

/** The digest window of cycles whose policy does not set one (and of those launched before it existed). */
export const DEFAULT_DIGEST_WINDOW = '5 minutes';

export const DEFAULT_CHASING_POLICY: ChasingPolicy = {
  remindBefore: ['7 days', '1 day'],
  overdueAfter: '1 day',
  overdueEvery: '3 days',
  escalateToSupervisorAfter: '3 days',
  escalateToBureauAfter: '7 days',
  reviewReminderAfter: '3 days',
  reviewReminderEvery: '3 days',
  digestWindow: DEFAULT_DIGEST_WINDOW,
};

export interface CycleDefinition {
  planCode: string;
  kind: CycleKind;
  /** The years covered: one year for annual monitoring, e.g. 2021–2023 for a mid-term evaluation. */
  fromYear: number;
  toYear: number;
  /** ISO-8601 instants. */
  deadline: string;
  hardClose: string;
  policy: ChasingPolicy;
  itemKinds: ItemKind[];
  /** Second-level acceptance by the bureau after the supervisor approves. */
  requireBureauAcceptance: boolean;
  /** Concrete departments for each group the plan names (`相关行业主管部门` → […]). */
  groupResolution: Record<string, string[]>;
  /**
   * How progress ratios turn into statuses in this cycle's report (recorded with
   * the report). Optional: `time_elapsed` where not given, as for cycles launched before it existed.
   */
  thresholdPreset?: ThresholdPreset;
  /**
   * Saved with the cycle at launch (`launchedDefinition`): the preset's
   * numbers and the plan's period as they were then, so that a preset edited
   * or a plan re-imported later never changes this cycle's checks, report or replay.
   */
  thresholds?: Thresholds;
  planPeriod?: PlanPeriod;
  /** The departments' assessment (监督考核) weights; saved at launch like the thresholds. Absent: the default. */
  assessmentWeights?: AssessmentWeights;
}

/** The plan's baseline and final years: progress is measured along the path between them. */
export interface PlanPeriod {
  baselineYear: number;
  endYear: number;
}

export const DEFAULT_THRESHOLD_PRESET: ThresholdPreset = 'time_elapsed';

/** The thresholds a cycle judges by: those saved at launch; before launch, its preset's (or the default's). */
export function cycleThresholds(d: Pick<CycleDefinition, 'thresholdPreset' | 'thresholds'>): Thresholds {
  return d.thresholds ?? THRESHOLD_PRESETS[d.thresholdPreset ?? DEFAULT_THRESHOLD_PRESET];
}

/** The weights a cycle's departments are assessed by: those saved at launch, else the default. */
export function cycleAssessmentWeights(d: Pick<CycleDefinition, 'assessmentWeights'>): AssessmentWeights {
  return d.assessmentWeights ?? DEFAULT_ASSESSMENT_WEIGHTS;
}

/** The definition as a cycle is saved at launch: its thresholds, assessment weights and the plan's period fixed (kept if already fixed). */
export function launchedDefinition(d: CycleDefinition, plan: PlanPeriod): CycleDefinition {
  return {
    ...d,
    thresholds: cycleThresholds(d),
    assessmentWeights: cycleAssessmentWeights(d),
    planPeriod: d.planPeriod ?? { baselineYear: plan.baselineYear, endYear: plan.endYear },
  };
}

/** One cycle per plan, kind and period: the workflow ID makes a second launch impossible. */
export function cycleWorkflowId(d: Pick<CycleDefinition, 'planCode' | 'kind' | 'fromYear' | 'toYear'>): string {
  const period = d.fromYear === d.toYear ? String(d.toYear) : `${d.fromYear}-${d.toYear}`;
  return `cycle/${d.planCode}/${d.kind}/${period}`;
}

/** Children are addressed by an ID derived from the parent's, so a retry never makes a second one. */
export function departmentWorkflowId(cycleId: string, departmentCode: string): string {
  return `${cycleId}/dept/${departmentCode}`;
}

/**
 * Work items are keyed `indicator-13`, `task-49`, `project-7` (planned projects),
 * `reserve-3` (reserve projects), `service-12` (basic public service items):
 * built by `itemKey` and read back by `parseItemKey` only, so the form lives here.
 */
export function itemKey(kind: WorkItemKind, no: number): string {
  return `${kind}-${no}`;
}

const ITEM_KEY = /^([a-z]+)-(0|[1-9]\d{0,8})$/;

/** An item key's kind and number; null for anything `itemKey` does not make (unknown kind, `07`, `indicator-`). */
export function parseItemKey(key: string): { kind: WorkItemKind; no: number } | null {
  const [, kind, no] = ITEM_KEY.exec(key) ?? [];
  if (!isOneOf(WORK_ITEM_KINDS, kind)) return null;
  return { kind, no: Number(no) };
}
