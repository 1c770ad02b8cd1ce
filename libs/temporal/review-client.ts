/**
 * The report's review over the Temporal client: starting it once per closed
 * cycle, and the commands of the bureau, the departments, the evaluator and
 * the approver. The review's workflow records each change in PostgreSQL before
 * it answers, so a caller reads its own change from there.
 */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { cycleTitle, type CycleDefinition } from '../cycle/cycle-definition';
import { reviewWorkflowId, type ReviewOutcome, type ReviewRequest } from '../cycle/report-review';
import type { Localized } from '../plan/localized';
import { CycleRepository } from '../persistence/repositories/cycle.repository';
import { reviewCommandUpdate } from '../../workflows/report-review.messages';
import type { reportReview } from '../../workflows/report-review.workflow';
import { cycleAttributes } from '../../workflows/search-attributes';
import { CycleRequestError, refusedAsError } from './cycle-client';

export interface ReviewStart {
  /** When departments' comments are due (ISO instant). */
  deadline: string;
  /** Whether the final version waits for the approver; on unless the bureau says otherwise. */
  requireApproval?: boolean;
}

export class ReviewClient {
  private readonly cycles: CycleRepository;

  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    ds: DataSource,
  ) {
    this.cycles = new CycleRepository(ds);
  }

  /**
   * Starts the review of a closed cycle's report. A repeat while it runs
   * answers the running review (`started: false`); one that has finished is
   * not started again.
   */
  async start(cycleId: string, request: ReviewStart): Promise<{ cycleId: string; started: boolean }> {
    const cycle = await this.cycles.find(cycleId);
    const problems: Localized[] = [];
    const deadline = Date.parse(request.deadline);
    if (Number.isNaN(deadline))
      problems.push({
        zh: `截止时间“${request.deadline}”格式不对`,
        en: `deadline "${request.deadline}" is not a date`,
      });
    if (!cycle) problems.push({ zh: '没有这一轮评估', en: 'there is no such cycle' });
    if (problems.length) throw new CycleRequestError('invalid_request', problems);
    if (cycle!.status !== 'closed')
      throw new CycleRequestError('command_refused', [
        {
          zh: `${cycleTitle(cycle!).zh}尚未结束（或已取消），报告征求意见须在评估结束后发起`,
          en: `the ${cycleTitle(cycle!).en} is not closed (or was cancelled); its report goes out for comments once it is closed`,
        },
      ]);
    const running = await this.client.workflow
      .getHandle(reviewWorkflowId(cycleId))
      .describe()
      .then(
        (d) => d.status.name === 'RUNNING',
        (e: unknown) => {
          if (e instanceof WorkflowNotFoundError) return false;
          throw e;
        },
      );
    const definition = cycle!.definition as CycleDefinition;
    try {
      await this.client.workflow.start<typeof reportReview>('reportReview', {
        workflowId: reviewWorkflowId(cycleId),
        taskQueue: this.taskQueue,
        args: [
          {
            cycleId,
            deadline: new Date(deadline).toISOString(),
            requireApproval: request.requireApproval ?? true,
            policy: definition.policy,
          },
        ],
        // An operator finds the review beside its cycle: by plan, kind and period.
        typedSearchAttributes: cycleAttributes(definition),
        // A repeat of the bureau's request finds the running review instead of starting a second one.
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      return { cycleId, started: !running };
    } catch (e) {
      if (e instanceof WorkflowExecutionAlreadyStartedError)
        throw new CycleRequestError('command_refused', [
          { zh: '本轮评估报告的征求意见已经结束', en: 'the review of this cycle’s report has already finished' },
        ]);
      throw e;
    }
  }

  /** One command through the review's workflow, taken once per request ID; a refusal in both languages. */
  async command(cycleId: string, request: ReviewRequest): Promise<ReviewOutcome> {
    try {
      return await refusedAsError(() =>
        this.client.workflow
          .getHandle(reviewWorkflowId(cycleId))
          .executeUpdate(reviewCommandUpdate, { args: [request], updateId: request.requestId }),
      );
    } catch (e) {
      if (e instanceof WorkflowNotFoundError)
        throw new CycleRequestError('command_refused', [
          { zh: '本轮评估的报告尚未发起征求意见', en: 'this cycle’s report has not been sent out for comments' },
        ]);
      throw e;
    }
  }
}
