/**
 * The Temporal side of target adjustments: a proposal's row written in the
 * transaction that starts its approval workflow (`adjustment/<plan>/<id>`),
 * and the decisions and revisions sent as the workflow's Updates. A refusal
 * by the workflow's validator (not the sender's turn) comes back as a
 * CycleRequestError('command_refused') with its bilingual reason, as an item
 * command's does.
 */
import type { Client } from '@temporalio/client';
import type {
  AdjustmentDecisionRequest,
  AdjustmentRevisionRequest,
  AdjustmentStep,
} from '../cycle/adjustment-approval';
import type { TargetAdjustment } from '../persistence/entities';
import {
  TargetAdjustmentRepository,
  type ProposedAdjustment,
} from '../persistence/repositories/target-adjustment.repository';
import type { Database } from '../persistence/repositories/transactions';
import { decideAdjustmentUpdate, reviseAdjustmentUpdate } from '../../workflows/target-adjustment.messages';
import type { targetAdjustment } from '../../workflows/target-adjustment.workflow';
import { refusedAsError } from './cycle-client';

export class AdjustmentClient {
  private readonly adjustments: TargetAdjustmentRepository;

  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    db: Database,
  ) {
    this.adjustments = new TargetAdjustmentRepository(db);
  }

  propose(p: ProposedAdjustment): Promise<TargetAdjustment> {
    return this.adjustments.propose(p, async (row) => {
      await this.client.workflow.start<typeof targetAdjustment>('targetAdjustment', {
        taskQueue: this.taskQueue,
        workflowId: row.workflowId,
        args: [{ id: row.id, planCode: row.planCode, leadDepartment: row.leadDepartment }],
      });
    });
  }

  /** Answers once the step is written to PostgreSQL. */
  decide(row: TargetAdjustment, request: AdjustmentDecisionRequest): Promise<AdjustmentStep> {
    return refusedAsError(() =>
      this.client.workflow
        .getHandle(row.workflowId)
        .executeUpdate(decideAdjustmentUpdate, { args: [request], updateId: request.requestId }),
    );
  }

  revise(row: TargetAdjustment, request: AdjustmentRevisionRequest): Promise<AdjustmentStep> {
    return refusedAsError(() =>
      this.client.workflow
        .getHandle(row.workflowId)
        .executeUpdate(reviseAdjustmentUpdate, { args: [request], updateId: request.requestId }),
    );
  }
}
