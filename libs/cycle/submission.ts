/**
 * What a department submits for each kind of item, and the checks a value must
 * pass before it is accepted. Messages are what the submitter reads.
 */
import { isOneOf } from '../common/one-of';
import type { Localized } from '../plan/localized';
import { checkValueQuality, DEFAULT_QUALITY_CONFIG, type QualityFinding } from '../rules/data-quality';
import { isBehind } from '../rules/cycle-judgement';
import { evaluateIndicator, type Polarity } from '../rules/progress';
import type { Baseline, Target } from '../rules/target';
import type { Thresholds } from '../rules/thresholds';
import type { WorkItemKind } from './cycle-definition';

export interface EvidenceRef {
  fileId: string;
  name: string;
  sha256: string;
}

export interface IndicatorSubmission {
  kind: 'indicator';
  /** The period's value; true/false for qualitative targets (应保尽保, 动态清零). */
  value: number | boolean;
  dataSource: string;
  /** 原因分析 and 下一步措施: required when the value is behind the path. */
  reasons?: string;
  measures?: string;
  evidence?: EvidenceRef[];
}

export type TaskProgress = 'not_started' | 'in_progress' | 'completed' | 'delayed';
export interface TaskSubmission {
  kind: 'task';
  progress: TaskProgress;
  narrative: string;
  evidence?: EvidenceRef[];
}

export const CONSTRUCTION_STATUSES = ['not_started', 'preparing', 'under_construction', 'completed'] as const;
export type ConstructionStatus = (typeof CONSTRUCTION_STATUSES)[number];
export interface ProjectSubmission {
  kind: 'project';
  /** 万元 */
  investmentInPeriod: number;
  investmentCumulative: number;
  constructionStatus: ConstructionStatus;
  landSecured: boolean;
  narrative?: string;
  evidence?: EvidenceRef[];
}

/**
 * Where a reserve project (附件4) stands: not started or not moved (未启动/未调入),
 * preparatory work under way (已开展前期工作), or moved into the plan (已调入规划),
 * i.e. become a project under way. Its money is reported once it is a planned project.
 */
export type ReserveStage = 'not_started' | 'preparing' | 'moved_into_plan';
export const RESERVE_STAGES: ReserveStage[] = ['not_started', 'preparing', 'moved_into_plan'];
export interface ReserveSubmission {
  kind: 'reserve';
  stage: ReserveStage;
  /** What was done, or when and how the project was moved into the plan: required unless nothing has started. */
  narrative?: string;
  evidence?: EvidenceRef[];
}

/**
 * How a basic public service item (专栏2) is delivered against its national and
 * provincial standard (落实情况): to standard (按标准落实), in part (部分落实),
 * or not (未落实).
 */
export type ServiceImplementation = 'implemented' | 'partly' | 'not_implemented';
export const SERVICE_IMPLEMENTATIONS: ServiceImplementation[] = ['implemented', 'partly', 'not_implemented'];
export interface ServiceSubmission {
  kind: 'service';
  implementation: ServiceImplementation;
  /** What falls short and why: required unless the item is delivered to standard. */
  narrative?: string;
  evidence?: EvidenceRef[];
}

export type Submission =
  IndicatorSubmission | TaskSubmission | ProjectSubmission | ReserveSubmission | ServiceSubmission;

/** What the workflow knows of an item, enough to check a submission without I/O. */
export interface WorkItemSpec {
  key: string;
  kind: WorkItemKind;
  no: number;
  title: string;
  /** Department codes. */
  leadDepartment: string;
  coDepartments: string[];
  /** `decimals`: how the plan prints its figures, so a submission is judged as the report will judge it (absent in older specs). */
  indicator?: {
    unit: string;
    target: Target;
    baseline: Baseline;
    polarity: Polarity;
    previousValue: number | null;
    cumulative: boolean;
    decimals?: number;
  };
}

export interface PlanYears {
  baselineYear: number;
  endYear: number;
  year: number;
}

/** A refusal, naming the submission's field where there is one (the portal shows it beside that input). */
export type SubmissionError = Localized & { field?: string };

export type SubmissionCheck = { ok: true; warnings: QualityFinding[] } | { ok: false; errors: SubmissionError[] };

const TASK_PROGRESS: TaskProgress[] = ['not_started', 'in_progress', 'completed', 'delayed'];
const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

/** `thresholds`: the cycle's, so that "behind the path" means here what it will mean in the report. */
export function checkSubmission(
  item: WorkItemSpec,
  s: Submission,
  years: PlanYears,
  thresholds: Thresholds,
): SubmissionCheck {
  const errors: SubmissionError[] = [];
  const err = (zh: string, en: string, field?: string) => errors.push(field ? { zh, en, field } : { zh, en });
  let warnings: QualityFinding[] = [];
  if (!s || s.kind !== item.kind) {
    return {
      ok: false,
      errors: [
        {
          zh: `填报内容与事项“${item.title}”的类型不符`,
          en: `the submission does not fit the kind of item “${item.title}”`,
        },
      ],
    };
  }
  if (s.kind === 'indicator') {
    const spec = item.indicator!;
    const qualitative = spec.target.kind === 'qualitative';
    if (qualitative && typeof s.value !== 'boolean')
      err('定性指标请选择“已实现”或“未实现”', 'a qualitative target takes achieved yes/no', 'value');
    if (!qualitative && (typeof s.value !== 'number' || !Number.isFinite(s.value)))
      err(`请填写数值（单位：${spec.unit}）`, `enter a number (unit: ${spec.unit})`, 'value');
    if (blank(s.dataSource)) err('请填写数据来源', 'give the data source', 'dataSource');
    if (errors.length === 0 && typeof s.value === 'number') {
      warnings = checkValueQuality(
        { no: item.no, unit: spec.unit },
        s.value,
        spec.previousValue,
        DEFAULT_QUALITY_CONFIG,
      );
      for (const w of warnings.filter((f) => f.blocking)) errors.push({ ...w.message, field: 'value' });
    }
    if (errors.length === 0 && behindPath(spec, s.value, years, thresholds)) {
      // Behind the path: the reasons (原因分析) and next measures (下一步措施) are part of the submission.
      if (blank(s.reasons) || blank(s.measures)) {
        err(
          '数值落后于进度，请填写原因分析和下一步措施',
          'the value is behind the path: give the reasons and the next measures',
          blank(s.reasons) ? 'reasons' : 'measures',
        );
      }
    }
  } else if (s.kind === 'task') {
    if (!TASK_PROGRESS.includes(s.progress))
      err(
        `进展状态应为：${TASK_PROGRESS.join('、')}`,
        `progress must be one of ${TASK_PROGRESS.join(', ')}`,
        'progress',
      );
    if (blank(s.narrative)) err('请填写进展情况说明', 'describe the progress', 'narrative');
  } else if (s.kind === 'reserve') {
    if (!RESERVE_STAGES.includes(s.stage))
      err(
        `储备项目进展应为：${RESERVE_STAGES.join('、')}`,
        `the reserve project's stage must be one of ${RESERVE_STAGES.join(', ')}`,
        'stage',
      );
    else if (s.stage !== 'not_started' && blank(s.narrative)) {
      err(
        '已开展前期工作或已调入规划的储备项目，请说明进展情况',
        'a reserve project in preparation or moved into the plan needs a short account of it',
        'narrative',
      );
    }
  } else if (s.kind === 'service') {
    if (!SERVICE_IMPLEMENTATIONS.includes(s.implementation))
      err(
        `落实情况应为：${SERVICE_IMPLEMENTATIONS.join('、')}`,
        `implementation must be one of ${SERVICE_IMPLEMENTATIONS.join(', ')}`,
        'implementation',
      );
    else if (s.implementation !== 'implemented' && blank(s.narrative)) {
      err(
        '部分落实或未落实的服务项目，请说明差距和原因',
        'a service item not delivered to standard needs an account of the shortfall and its reasons',
        'narrative',
      );
    }
  } else {
    const money = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
    if (!money(s.investmentInPeriod))
      err(
        '本期完成投资应为不小于0的数值（万元）',
        'investment in the period must be a number ≥ 0 (10k yuan)',
        'investmentInPeriod',
      );
    if (!money(s.investmentCumulative))
      err(
        '累计完成投资应为不小于0的数值（万元）',
        'cumulative investment must be a number ≥ 0 (10k yuan)',
        'investmentCumulative',
      );
    if (money(s.investmentInPeriod) && money(s.investmentCumulative) && s.investmentCumulative < s.investmentInPeriod) {
      err(
        '累计完成投资不能小于本期完成投资',
        'cumulative investment cannot be less than the period’s',
        'investmentCumulative',
      );
    }
    if (!isOneOf(CONSTRUCTION_STATUSES, s.constructionStatus))
      err(
        `建设状态应为：${CONSTRUCTION_STATUSES.join('、')}`,
        `construction status must be one of ${CONSTRUCTION_STATUSES.join(', ')}`,
        'constructionStatus',
      );
    if (typeof s.landSecured !== 'boolean') err('请说明用地是否落实', 'say whether the land is secured', 'landSecured');
  }
  return errors.length ? { ok: false, errors } : { ok: true, warnings };
}

/**
 * Whether an indicator's value is behind the time-elapsed path this year (a
 * cumulative total is judged at the close): then, and only then, the portal's
 * form asks for the reasons and next measures.
 */
export function behindPath(
  spec: NonNullable<WorkItemSpec['indicator']>,
  value: number | boolean,
  years: PlanYears,
  thresholds: Thresholds,
): boolean {
  if (spec.target.kind === 'cumulative') return false;
  return isBehind(evaluateIndicator(spec, new Map([[years.year, value]]), years.year, years, thresholds).status);
}

/**
 * The submission as kept: an indicator's reasons and next measures only while
 * its value is behind the path, so a corrected value that meets it does not
 * carry the reasons written for the one it replaces (a returned version's
 * text is in the form it is corrected in).
 */
export function withReasonsOnlyWhenBehind(
  item: WorkItemSpec,
  s: Submission,
  years: PlanYears,
  thresholds: Thresholds,
): Submission {
  if (s.kind !== 'indicator' || !item.indicator || behindPath(item.indicator, s.value, years, thresholds)) return s;
  const { reasons: _reasons, measures: _measures, ...kept } = s;
  return kept;
}
