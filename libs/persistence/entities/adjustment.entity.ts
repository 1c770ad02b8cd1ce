import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type {
  AdjustmentDecision,
  AdjustmentRevision,
  AdjustmentState,
  AdjustmentStep,
} from '../../cycle/adjustment-approval';
import type { AdjustedItemKind } from '../../rules/target-in-force';

/**
 * A proposed adjustment of a plan's target (动态调整修订), from one cycle's
 * evaluation. The plan's own target stays as it was; `original_target` is it as
 * printed when the adjustment was proposed.
 */
@Entity('target_adjustment')
@Index('IDX_target_adjustment_plan_item', ['planCode', 'itemKind', 'itemNo'])
export class TargetAdjustment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'plan_code' })
  planCode: string;

  @Column({ name: 'item_kind', type: 'varchar' })
  itemKind: AdjustedItemKind;

  /** The indicator's or the project's number in the plan. */
  @Column({ name: 'item_no', type: 'int' })
  itemNo: number;

  /** The department whose supervisor decides first: the item's lead department. */
  @Column({ name: 'lead_department' })
  leadDepartment: string;

  @Column({ name: 'original_target' })
  originalTarget: string;

  @Column({ name: 'adjusted_target' })
  adjustedTarget: string;

  @Column({ name: 'effective_year', type: 'int' })
  effectiveYear: number;

  @Column({ type: 'text' })
  reason: string;

  /** The cycle whose evaluation it was proposed from, and the report version then current. */
  @Column({ name: 'cycle_id' })
  cycleId: string;

  @Column({ name: 'report_version', type: 'int', nullable: true })
  reportVersion: number | null;

  @Column({ name: 'proposed_by' })
  proposedBy: string;

  @Column({ name: 'proposed_by_name' })
  proposedByName: string;

  @Column({ type: 'varchar', default: 'proposed' })
  state: AdjustmentState;

  @Column({ type: 'int', default: 1 })
  round: number;

  @Column({ name: 'workflow_id' })
  workflowId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;
}

/** One step of an adjustment's approval: a decision, or the bureau's revision after a return. */
@Entity('target_adjustment_step')
@Unique('UQ_target_adjustment_step_request', ['adjustmentId', 'requestId'])
export class TargetAdjustmentStep {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'adjustment_id', type: 'int' })
  adjustmentId: number;

  @Column({ name: 'request_id' })
  requestId: string;

  @Column({ type: 'varchar' })
  kind: AdjustmentDecision | 'revise';

  @Column({ type: 'varchar' })
  stage: AdjustmentStep['stage'];

  /** The state the step left the adjustment in. */
  @Column({ type: 'varchar' })
  state: AdjustmentState;

  @Column({ type: 'int' })
  round: number;

  @Column({ name: 'actor_id' })
  actorId: string;

  @Column({ name: 'actor_name' })
  actorName: string;

  @Column({ name: 'actor_role', type: 'varchar' })
  actorRole: AdjustmentStep['actor']['role'];

  @Column({ name: 'actor_department', type: 'varchar', nullable: true })
  actorDepartment: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'jsonb', nullable: true })
  revision: AdjustmentRevision | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}
