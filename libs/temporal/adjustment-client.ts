/**
 * The Temporal side of target adjustments: a proposal's row written in the
 * transaction that starts its approval workflow (`adjustment/<plan>/<id>`),
 * and the decisions and revisions sent as the workflow's Updates. A refusal
 * by the workflow's validator (not the sender's turn) comes back as a
 * CycleRequestError('command_refused') with its bilingual reason, as an item
 * command's does.
 */
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type {
  AdjustmentDecisionRequest,
  AdjustmentRevisionRequest,
  AdjustmentStep,
} from '../cycle/adjustment-approval';
import type { Localized } from '../plan/localized';
import type { TargetAdjustment } from '../persistence/entities';
import {
  TargetAdjustmentRepository,
  type ProposedAdjustment,
} from '../persistence/repositories/target-adjustment.repository';
import type { Database } from '../persistence/repositories/transactions';
import { decideAdjustmentUpdate, reviseAdjustmentUpdate } from '../../workflows/target-adjustment.messages';
import type { targetAdjustment } from '../../workflows/target-adjustment.workflow';
import { CycleRequestError } from './cycle-client';

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
    return this.refusedAsError(() =>
      this.client.workflow
        .getHandle(row.workflowId)
        .executeUpdate(decideAdjustmentUpdate, { args: [request], updateId: request.requestId }),
    );
  }

  revise(row: TargetAdjustment, request: AdjustmentRevisionRequest): Promise<AdjustmentStep> {
    return this.refusedAsError(() =>
      this.client.workflow
        .getHandle(row.workflowId)
        .executeUpdate(reviseAdjustmentUpdate, { args: [request], updateId: request.requestId }),
    );
  }

  private async refusedAsError<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      if (
        e instanceof WorkflowUpdateFailedError &&
        e.cause instanceof ApplicationFailure &&
        e.cause.type === 'CommandRefused'
      ) {
        const detail = e.cause.details?.[0] as Localized | undefined;
        throw new CycleRequestError('command_refused', [detail ?? { zh: e.cause.message, en: e.cause.message }]);
      }
      throw e;
    }
  }
}
