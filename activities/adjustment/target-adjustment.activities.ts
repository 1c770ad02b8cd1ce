/**
 * The I/O of a target adjustment's approval: its steps written to PostgreSQL
 * (idempotent on the request ID) and its notices put into the outbox through
 * the cycles' own `sendNotice`, under the cycle the adjustment was proposed
 * from, so they are sent, retried and listed as that cycle's notices are.
 */
import type { DataSource } from 'typeorm';
import type { NoticeResult } from '../../libs/cycle/activities-contract';
import type {
  AdjustmentActivities,
  AdjustmentNoticeEvent,
  AdjustmentNoticeInput,
} from '../../libs/cycle/adjustment-activities';
import type { AdjustmentStep } from '../../libs/cycle/adjustment-approval';
import type { TargetAdjustment } from '../../libs/persistence/entities';
import { TargetAdjustmentRepository } from '../../libs/persistence/repositories/target-adjustment.repository';
import type { CycleActivitiesService } from '../cycle/cycle.activities';

/** Who each notice reaches: the one to decide next, or the bureau that proposed it. */
const AUDIENCE: Record<AdjustmentNoticeEvent, 'supervisor' | 'approver' | 'bureau'> = {
  adjustment_proposed: 'supervisor',
  adjustment_for_approval: 'approver',
  adjustment_returned: 'bureau',
  adjustment_approved: 'bureau',
};

/**
 * The outbox key's sequence: unique per adjustment and round, so a resubmission
 * is a new notice and a retried activity finds the one it queued (rounds stay far below 1,000).
 */
export const adjustmentNoticeSeq = (adjustmentId: number, round: number) => adjustmentId * 1000 + round;

/** What the mail says of the adjustment, in both languages: the recipient's language picks the subject and lead. */
export function adjustmentSummary(a: TargetAdjustment, comment?: string): string {
  const item =
    a.itemKind === 'indicator' ? `指标${a.itemNo} / indicator ${a.itemNo}` : `项目${a.itemNo} / project ${a.itemNo}`;
  const unit = a.itemKind === 'project' ? '（万元 / 10k yuan）' : '';
  return (
    `${item}${unit}：${a.originalTarget} → ${a.adjustedTarget}（${a.effectiveYear}年起 / from ${a.effectiveYear}）。` +
    `理由 / reason：${a.reason}` +
    (comment ? `\n意见 / comment：${comment}` : '')
  );
}

export class TargetAdjustmentActivitiesService implements AdjustmentActivities {
  private readonly adjustments: TargetAdjustmentRepository;

  constructor(
    ds: DataSource,
    private readonly cycleActivities: Pick<CycleActivitiesService, 'sendNotice'>,
  ) {
    this.adjustments = new TargetAdjustmentRepository(ds);
  }

  recordAdjustmentStep({ adjustmentId, step }: { adjustmentId: number; step: AdjustmentStep }): Promise<void> {
    return this.adjustments.recordStep(adjustmentId, step);
  }

  async sendAdjustmentNotice({
    adjustmentId,
    event,
    round,
    comment,
    at,
  }: AdjustmentNoticeInput): Promise<NoticeResult> {
    const a = await this.adjustments.byId(adjustmentId);
    return this.cycleActivities.sendNotice({
      cycleId: a.cycleId,
      department: a.leadDepartment,
      audience: AUDIENCE[event],
      event,
      seq: adjustmentNoticeSeq(adjustmentId, round),
      items: [],
      deadline: at,
      at,
      reason: adjustmentSummary(a, comment),
    });
  }
}
