/** Target adjustments (动态调整修订) as the API answers them, described for the OpenAPI document. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ADJUSTMENT_DECISIONS, ADJUSTMENT_STATES, type AdjustmentState } from '@libs/cycle/adjustment-approval';
import type { TargetAdjustment, TargetAdjustmentStep } from '@libs/persistence/entities';
import { ADJUSTED_ITEM_KINDS, type AdjustedItemKind } from '@libs/rules/target-in-force';

const STEP_KINDS = [...ADJUSTMENT_DECISIONS, 'revise'] as const;

export class AdjustmentStepView {
  @ApiProperty({ enum: STEP_KINDS })
  kind: (typeof STEP_KINDS)[number];

  @ApiProperty({
    enum: ['department', 'approver', 'bureau'],
    description: 'who took it: the lead department, the approver, the bureau',
  })
  stage: TargetAdjustmentStep['stage'];

  @ApiProperty({ enum: ADJUSTMENT_STATES, description: 'the state it left the adjustment in' })
  state: AdjustmentState;

  @ApiProperty()
  round: number;

  @ApiProperty({ description: 'who, by name' })
  actorName: string;

  @ApiProperty()
  actorEmail: string;

  @ApiProperty({ enum: ['bureau', 'supervisor', 'approver'] })
  actorRole: TargetAdjustmentStep['actorRole'];

  @ApiPropertyOptional({ type: String, nullable: true })
  actorDepartment: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  comment: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  at: Date;
}

export class AdjustmentView {
  @ApiProperty()
  id: number;

  @ApiProperty()
  planCode: string;

  @ApiProperty({ enum: ADJUSTED_ITEM_KINDS })
  itemKind: AdjustedItemKind;

  @ApiProperty({ description: 'the indicator’s or the major project’s number in the plan' })
  itemNo: number;

  @ApiProperty({ description: 'the item’s name in the plan' })
  itemName: string;

  @ApiProperty({ description: 'the department whose supervisor decides first' })
  leadDepartment: string;

  @ApiProperty({ description: 'the plan’s own target as printed (a project: its plan-period investment, 万元)' })
  originalTarget: string;

  @ApiProperty()
  adjustedTarget: string;

  @ApiProperty({ description: 'the first evaluated year judged against the adjusted target' })
  effectiveYear: number;

  @ApiProperty()
  reason: string;

  @ApiProperty({ description: 'the cycle whose evaluation it was proposed from' })
  cycleId: string;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'that cycle’s report version when proposed' })
  reportVersion: number | null;

  @ApiProperty()
  proposedBy: string;

  @ApiProperty()
  proposedByName: string;

  @ApiProperty({ enum: ADJUSTMENT_STATES })
  state: AdjustmentState;

  @ApiProperty({ description: '1, and one more for each resubmission after a return' })
  round: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  approvedAt: Date | null;

  @ApiPropertyOptional({
    type: [AdjustmentStepView],
    description: 'one adjustment’s answer only: every decision and revision',
  })
  steps?: AdjustmentStepView[];
}

export class AdjustmentListView {
  @ApiProperty()
  total: number;

  @ApiProperty({ type: [AdjustmentView] })
  items: AdjustmentView[];
}

export function adjustmentView(
  row: TargetAdjustment,
  itemName: string,
  steps?: TargetAdjustmentStep[],
): AdjustmentView {
  return {
    id: row.id,
    planCode: row.planCode,
    itemKind: row.itemKind,
    itemNo: row.itemNo,
    itemName,
    leadDepartment: row.leadDepartment,
    originalTarget: row.originalTarget,
    adjustedTarget: row.adjustedTarget,
    effectiveYear: row.effectiveYear,
    reason: row.reason,
    cycleId: row.cycleId,
    reportVersion: row.reportVersion,
    proposedBy: row.proposedBy,
    proposedByName: row.proposedByName,
    state: row.state,
    round: row.round,
    createdAt: row.createdAt,
    approvedAt: row.approvedAt,
    ...(steps
      ? {
          steps: steps.map((s) => ({
            kind: s.kind,
            stage: s.stage,
            state: s.state,
            round: s.round,
            actorName: s.actorName,
            actorEmail: s.actorId,
            actorRole: s.actorRole,
            actorDepartment: s.actorDepartment,
            comment: s.comment,
            at: s.at,
          })),
        }
      : {}),
  };
}
