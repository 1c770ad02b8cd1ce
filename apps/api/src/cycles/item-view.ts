/**
 * Items of a cycle as the API answers them (the inbox, an item with its
 * versions and evidence, its history, the guide beside its input, its context,
 * the judged review queue, a command's result), described for the OpenAPI
 * document so that the portal's item pages are typed from it. A submission's
 * payload differs by item kind: it is a free-form object here, typed in the
 * portal by libs/cycle/submission.
 */
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { WORK_ITEM_KINDS, type WorkItemKind } from '@libs/cycle/cycle-definition';
import type { ItemCommandResult } from '@libs/cycle/department-run';
import { ITEM_STATUSES, type ItemStatus } from '@libs/cycle/department-state';
import { CONSTRUCTION_STATUSES, type PlanYears, type Submission } from '@libs/cycle/submission';
import type { EvidenceFile, ItemAttention, SubmissionVersion } from '@libs/persistence/entities';
import { PROGRESS_STATUSES, type ProgressStatus } from '@libs/rules/progress';
import { THRESHOLD_PRESET_NAMES, type Thresholds } from '@libs/rules/thresholds';
import { AuditChangeView } from '../audit/audit-view';
import { freeForm } from '../common/free-form';
import { DepartmentNameView, LocalizedView } from '../common/localized-view';
import { PageOf } from '../common/page-view';
import { CycleView } from './cycle-view';
import type { ItemContextView, PreviousReport, ReviewRow } from './item-context.service';

const PAYLOAD = 'the submission as sent, by item kind (libs/cycle/submission)';

class ItemAttentionView implements ItemAttention {
  @ApiProperty({ enum: ['record_refused'] })
  reason: 'record_refused';

  @ApiProperty()
  requestId: string;

  @ApiProperty()
  command: string;

  @ApiProperty()
  error: string;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class ItemSummaryView {
  @ApiProperty()
  cycleId: string;

  @ApiProperty({ example: 'indicator-5' })
  itemKey: string;

  @ApiProperty({ enum: WORK_ITEM_KINDS })
  kind: WorkItemKind;

  @ApiProperty({ description: 'its number in the plan' })
  no: number;

  @ApiProperty()
  title: string;

  @ApiProperty({ example: 'city-education', description: 'the lead department’s code' })
  department: string;

  @ApiProperty({ type: [String], description: 'co-operating departments’ codes' })
  coDepartments: string[];

  @ApiProperty({ enum: ITEM_STATUSES })
  status: ItemStatus;

  @ApiProperty({ description: 'its latest submitted version; 0 before the first' })
  version: number;

  @ApiProperty({
    type: ItemAttentionView,
    nullable: true,
    description: 'why it needs the bureau’s attention (its record could not be stored); null: it does not',
  })
  attention: ItemAttentionView | null;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}

/** An inbox row; with role=cooperate, also the lead department and the department's own contribution. */
export class InboxItemView extends ItemSummaryView {
  @ApiPropertyOptional({ type: DepartmentNameView, description: 'role=cooperate: the lead department' })
  leadDepartment?: DepartmentNameView;

  @ApiPropertyOptional({ description: 'role=cooperate: whether the department has contributed' })
  contributed?: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'role=cooperate: its latest contribution',
  })
  contributedAt?: Date | null;
}

export class InboxPage extends PageOf(InboxItemView) {}

export class VersionView implements Omit<SubmissionVersion, 'id' | 'cycleId' | 'itemKey'> {
  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty(freeForm(PAYLOAD))
  payload: unknown;

  @ApiProperty({ description: 'who submitted it (email)' })
  submittedBy: string;

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt: Date;

  @ApiProperty({ type: String, nullable: true })
  approvedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  approvedAt: Date | null;
}

class SpecView {
  @ApiProperty({ example: 'indicator-5' })
  key: string;

  @ApiProperty({ enum: WORK_ITEM_KINDS })
  kind: WorkItemKind;

  @ApiProperty()
  no: number;

  @ApiProperty()
  title: string;

  @ApiProperty({ description: 'department code' })
  leadDepartment: string;

  @ApiProperty({ type: [String] })
  coDepartments: string[];

  @ApiPropertyOptional(
    freeForm('an indicator’s unit, target, baseline, polarity and precision (libs/cycle/submission WorkItemSpec)'),
  )
  indicator?: unknown;
}

class EvidenceView implements Pick<
  EvidenceFile,
  'id' | 'name' | 'mediaType' | 'size' | 'sha256' | 'uploadedBy' | 'uploadedAt'
> {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ example: 'application/pdf' })
  mediaType: string;

  @ApiProperty({ description: 'bytes' })
  size: number;

  @ApiProperty()
  sha256: string;

  @ApiProperty()
  uploadedBy: string;

  @ApiProperty({ type: String, format: 'date-time' })
  uploadedAt: Date;
}

export class ItemDetailView extends ItemSummaryView {
  @ApiProperty({ type: SpecView, description: 'what it asks for' })
  spec: SpecView;

  @ApiProperty({ type: [VersionView] })
  versions: VersionView[];

  @ApiProperty(freeForm('the draft saved since its last submission; null: none', true))
  draft: unknown;

  @ApiProperty({ type: [EvidenceView] })
  evidence: EvidenceView[];
}

class ItemEventView {
  @ApiProperty({ type: String, format: 'date-time' })
  at: Date;

  @ApiProperty({ example: 'submit' })
  type: string;

  @ApiProperty(freeForm('who acted: name, id, department, role'))
  actor: unknown;

  @ApiProperty({ enum: ITEM_STATUSES })
  statusBefore: string;

  @ApiProperty({ enum: ITEM_STATUSES })
  statusAfter: string;

  @ApiProperty(freeForm('the command’s reason, text, decision or submission'))
  detail: unknown;
}

export class ItemHistoryView {
  @ApiProperty({ type: [ItemEventView], description: 'oldest first' })
  events: ItemEventView[];

  @ApiProperty({ type: [VersionView] })
  versions: VersionView[];

  @ApiProperty({ type: [AuditChangeView] })
  audit: AuditChangeView[];
}

export class CommandResultView implements ItemCommandResult {
  @ApiProperty({ example: 'indicator-5' })
  itemKey: string;

  @ApiProperty({ enum: ITEM_STATUSES })
  status: ItemStatus;

  @ApiProperty()
  version: number;

  @ApiProperty({ type: [LocalizedView], description: 'data-quality warnings the supervisor will see beside the value' })
  warnings: LocalizedView[];
}

export class CommandResultsView {
  @ApiProperty({ type: [CommandResultView] })
  results: CommandResultView[];
}

/** Where last year's value comes from: the base year's printed figure, or the previous annual cycle's approved version. */
export const PREVIOUS_VALUE_SOURCES = ['baseline', 'cycle'] as const;

class GuideCycleView extends PickType(CycleView, ['id', 'kind', 'fromYear', 'toYear', 'deadline', 'status'] as const) {}

class GuideBaselineView {
  @ApiProperty({ description: 'the plan’s base year' })
  year: number;

  @ApiProperty({ type: String, nullable: true, description: 'as printed' })
  printed: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'null: not a number (a qualitative baseline)' })
  value: number | null;
}

class GuideTargetView {
  @ApiProperty({ description: 'the plan’s end year' })
  year: number;

  @ApiProperty({ type: String, nullable: true, description: 'as printed' })
  printed: string | null;

  @ApiProperty({ type: LocalizedView, description: 'the target in words' })
  text: LocalizedView;

  @ApiProperty({ description: 'the target’s form (libs/rules/target)' })
  kind: string;
}

class PreviousValueView {
  @ApiProperty()
  year: number;

  @ApiProperty()
  value: number;

  @ApiProperty({ enum: PREVIOUS_VALUE_SOURCES })
  source: (typeof PREVIOUS_VALUE_SOURCES)[number];
}

class GuideIndicatorView {
  @ApiProperty()
  unit: string;

  @ApiProperty({ type: LocalizedView, nullable: true })
  category: LocalizedView | null;

  @ApiProperty({ description: '约束性' })
  binding: boolean;

  @ApiProperty({ type: GuideBaselineView })
  baseline: GuideBaselineView;

  @ApiProperty({ type: GuideTargetView })
  target: GuideTargetView;

  @ApiProperty({ type: Number, nullable: true, description: 'the value expected this year on the straight path' })
  expected: number | null;

  @ApiProperty({ type: PreviousValueView, nullable: true, description: 'last year’s approved value' })
  previous: PreviousValueView | null;
}

class WarningView extends LocalizedView {
  @ApiProperty({ description: 'the data-quality rule' })
  rule: string;
}

class GuideWarningView extends WarningView {
  @ApiProperty({ description: 'whether it stops a submission' })
  blocking: boolean;
}

export class GuideView {
  @ApiProperty({ description: 'the year the value is for' })
  year: number;

  @ApiProperty({ enum: WORK_ITEM_KINDS })
  kind: WorkItemKind;

  @ApiProperty({ type: GuideCycleView })
  cycle: GuideCycleView;

  @ApiProperty({ type: DepartmentNameView, description: 'the lead department' })
  department: DepartmentNameView;

  @ApiProperty({ type: GuideIndicatorView, nullable: true, description: 'null: not an indicator' })
  indicator: GuideIndicatorView | null;

  @ApiProperty(freeForm(`its latest version: ${PAYLOAD}; null: none`, true))
  latest: unknown;

  @ApiProperty({ type: [GuideWarningView], description: 'on the latest submission' })
  warnings: GuideWarningView[];
}

class PlanYearsView implements PlanYears {
  @ApiProperty()
  baselineYear: number;

  @ApiProperty()
  endYear: number;

  @ApiProperty({ description: 'the year judged' })
  year: number;
}

class ThresholdsView implements Thresholds {
  @ApiProperty({ enum: [...THRESHOLD_PRESET_NAMES, 'custom'] })
  preset: Thresholds['preset'];

  @ApiProperty({ description: 'ratio ≥ onTrack: on track' })
  onTrack: number;

  @ApiProperty({ description: 'onTrack > ratio ≥ slightlyBehind: slightly behind; below: lagging' })
  slightlyBehind: number;

  @ApiProperty({
    type: [Number],
    minItems: 2,
    maxItems: 2,
    description: 'projections: |ratio − 1| within the first on track, within the second slightly off',
  })
  projectionTolerance: [number, number];

  @ApiPropertyOptional({ description: 'the share of a floor or ceiling within which meeting it is warned' })
  limitMargin?: number;
}

class IndicatorContextView {
  @ApiProperty({ type: PlanYearsView })
  years: PlanYearsView;

  @ApiProperty({ type: ThresholdsView })
  thresholds: ThresholdsView;
}

class ContributorView extends DepartmentNameView {
  @ApiProperty()
  contributed: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'its latest contribution' })
  contributedAt: Date | null;
}

class TaskContextView {
  @ApiProperty({ type: LocalizedView, description: 'the task’s text from the plan' })
  text: LocalizedView;

  @ApiProperty({ type: [ContributorView] })
  coDepartments: ContributorView[];
}

class PreviousReportView {
  @ApiProperty()
  year: number;

  @ApiProperty({ description: '万元, cumulative within the plan period' })
  investmentCumulative: number;

  @ApiProperty({ enum: CONSTRUCTION_STATUSES })
  constructionStatus: PreviousReport['constructionStatus'];
}

class ProjectContextView {
  @ApiProperty({ description: '建设内容' })
  content: string;

  @ApiProperty({ description: '万元' })
  totalInvestment: number;

  @ApiProperty({ type: Number, nullable: true, description: '万元 within the plan period' })
  planPeriodInvestment: number | null;

  @ApiProperty({ type: PreviousReportView, nullable: true, description: 'its previous approved report' })
  previous: PreviousReportView | null;
}

export class ItemContextResponse implements ItemContextView {
  @ApiProperty({
    type: IndicatorContextView,
    nullable: true,
    description: 'what an indicator’s value is judged by; null: not an indicator',
  })
  indicator: IndicatorContextView | null;

  @ApiProperty({ type: TaskContextView, nullable: true })
  task: TaskContextView | null;

  @ApiProperty({ type: ProjectContextView, nullable: true })
  project: ProjectContextView | null;
}

class ReviewPreviousView {
  @ApiProperty()
  year: number;

  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'boolean' }], description: 'true/false for qualitative targets' })
  value: number | boolean;
}

export class ReviewRowView
  extends PickType(ItemSummaryView, ['cycleId', 'itemKey', 'kind', 'no', 'title', 'department', 'version'] as const)
  implements ReviewRow
{
  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt: Date;

  @ApiProperty(freeForm(PAYLOAD))
  payload: Submission;

  @ApiProperty({ type: Boolean, nullable: true, description: '约束性; null for what is not an indicator' })
  binding: boolean | null;

  @ApiProperty({ type: String, nullable: true })
  unit: string | null;

  @ApiProperty({ type: LocalizedView, nullable: true })
  target: LocalizedView | null;

  @ApiProperty({ enum: PROGRESS_STATUSES, nullable: true, description: 'judged against the expected path' })
  status: ProgressStatus | null;

  @ApiProperty({ type: Number, nullable: true })
  expected: number | null;

  @ApiProperty({ type: ReviewPreviousView, nullable: true, description: 'the last approved value' })
  previous: ReviewPreviousView | null;

  @ApiProperty({ type: Number, nullable: true, description: 'change from the last approved value' })
  change: number | null;

  @ApiProperty({ type: String, nullable: true, description: '原因分析' })
  reasons: string | null;

  @ApiProperty({ type: String, nullable: true, description: '下一步措施' })
  measures: string | null;

  @ApiProperty({ description: 'evidence files attached' })
  evidence: number;

  @ApiProperty({ type: [WarningView] })
  warnings: WarningView[];
}

export class ReviewPage extends PageOf(ReviewRowView) {}
