/**
 * Target adjustments (target_adjustment) and the steps of their approval
 * (target_adjustment_step). A proposal is written in the transaction that
 * starts its approval workflow, so a refused start leaves no row; each step is
 * written by the workflow's activity, keyed by its request ID, so a retried
 * activity writes it once.
 */
import type { AdjustmentStep } from '../../cycle/adjustment-approval';
import type { AdjustmentOfRecord } from '../../rules/target-in-force';
import { TargetAdjustment, TargetAdjustmentStep } from '../entities';
import type { Database } from './transactions';

export type ProposedAdjustment = Pick<
  TargetAdjustment,
  | 'planCode'
  | 'itemKind'
  | 'itemNo'
  | 'leadDepartment'
  | 'originalTarget'
  | 'adjustedTarget'
  | 'effectiveYear'
  | 'reason'
  | 'cycleId'
  | 'reportVersion'
  | 'proposedBy'
  | 'proposedByName'
>;

export type AdjustmentRecord = TargetAdjustment & { steps: TargetAdjustmentStep[] };

/** The workflow that carries an adjustment's approval. */
export const adjustmentWorkflowId = (planCode: string, id: number) => `adjustment/${planCode}/${id}`;

export class TargetAdjustmentRepository {
  constructor(private readonly db: Database) {}

  /** The row, then `start` (the approval's workflow) in the same transaction: both or neither. */
  propose(p: ProposedAdjustment, start: (row: TargetAdjustment) => Promise<void>): Promise<TargetAdjustment> {
    return this.db.transaction(async (em) => {
      const [{ id }]: Array<{ id: number }> = await em.query(
        `SELECT nextval(pg_get_serial_sequence('target_adjustment', 'id'))::int AS id`,
      );
      const row = await em.getRepository(TargetAdjustment).save({
        ...p,
        id,
        workflowId: adjustmentWorkflowId(p.planCode, id),
        state: 'proposed' as const,
        round: 1,
        approvedAt: null,
      });
      await start(row);
      return row;
    });
  }

  /** A step and the state it left the adjustment in; once per request ID. */
  recordStep(adjustmentId: number, step: AdjustmentStep): Promise<void> {
    return this.db.transaction(async (em) => {
      const inserted: unknown[] = await em.query(
        `INSERT INTO target_adjustment_step (adjustment_id, request_id, kind, stage, state, round, actor_id, actor_name,
           actor_role, actor_department, comment, revision, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, to_timestamp($13 / 1000.0))
         ON CONFLICT (adjustment_id, request_id) DO NOTHING RETURNING id`,
        [
          adjustmentId,
          step.requestId,
          step.kind,
          step.stage,
          step.state,
          step.round,
          step.actor.id,
          step.actor.name,
          step.actor.role,
          step.actor.department,
          step.comment,
          step.revision,
          step.at,
        ],
      );
      if (inserted.length === 0) return;
      const r = step.revision;
      await em.query(
        `UPDATE target_adjustment SET state = $2::varchar, round = $3, updated_at = now(),
           approved_at = CASE WHEN $2::varchar = 'approved' THEN to_timestamp($4 / 1000.0) END,
           adjusted_target = coalesce($5::varchar, adjusted_target), effective_year = coalesce($6::int, effective_year),
           reason = coalesce($7::text, reason)
         WHERE id = $1`,
        [adjustmentId, step.state, step.round, step.at, r?.adjustedTarget, r?.effectiveYear, r?.reason],
      );
    });
  }

  /** A plan's adjustments, newest first; `state` narrows them. */
  list(planCode: string, state?: TargetAdjustment['state']): Promise<TargetAdjustment[]> {
    return this.db.getRepository(TargetAdjustment).find({
      where: { planCode, ...(state ? { state } : {}) },
      order: { id: 'DESC' },
    });
  }

  byId(id: number): Promise<TargetAdjustment> {
    return this.db.getRepository(TargetAdjustment).findOneByOrFail({ id });
  }

  async find(planCode: string, id: number): Promise<AdjustmentRecord | null> {
    const row = await this.db.getRepository(TargetAdjustment).findOneBy({ planCode, id });
    if (!row) return null;
    const steps = await this.db
      .getRepository(TargetAdjustmentStep)
      .find({ where: { adjustmentId: id }, order: { at: 'ASC', id: 'ASC' } });
    return { ...row, steps };
  }

  /** Every approved adjustment of a plan, as evaluations judge against them, with who approved it in its last round. */
  async approved(planCode: string): Promise<AdjustmentOfRecord[]> {
    const rows = await this.list(planCode, 'approved');
    const steps = rows.length
      ? await this.db
          .getRepository(TargetAdjustmentStep)
          .createQueryBuilder('s')
          .where('s.adjustment_id = ANY(:ids)', { ids: rows.map((r) => r.id) })
          .orderBy('s.at', 'ASC')
          .addOrderBy('s.id', 'ASC')
          .getMany()
      : [];
    return rows
      .sort((a, b) => a.id - b.id)
      .map((r) => ({
        id: r.id,
        itemKind: r.itemKind,
        itemNo: r.itemNo,
        originalTarget: r.originalTarget,
        adjustedTarget: r.adjustedTarget,
        effectiveYear: r.effectiveYear,
        reason: r.reason,
        approvedAt: r.approvedAt!.toISOString(),
        approvals: steps
          .filter((s) => s.adjustmentId === r.id && s.kind === 'approve' && s.round === r.round)
          .map((s) => ({
            name: s.actorName,
            role: s.stage === 'department' ? ('supervisor' as const) : ('approver' as const),
            department: s.actorDepartment,
            at: s.at.toISOString(),
          })),
      }));
  }
}
