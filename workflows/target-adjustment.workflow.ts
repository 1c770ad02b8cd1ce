/**
 * One proposed target adjustment's approval (动态调整修订), ID
 * `adjustment/<plan>/<id>`: the lead department's supervisor approves or
 * returns it, then the approver; a returned proposal waits for the bureau to
 * revise and resubmit it. Decisions arrive as Updates, refused in the
 * validator when it is not the sender's turn; each is written to PostgreSQL
 * (an activity) before the Update answers, so the sender reads its own
 * decision, and the next person is mailed through the outbox. What the
 * approval knows and how it changes is its `AdjustmentApproval`
 * (libs/cycle/adjustment-approval.ts); this file registers the handlers and waits.
 */
import {
  ActivityFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { AdjustmentActivities, AdjustmentNoticeInput } from '@libs/cycle/adjustment-activities';
import {
  AdjustmentApproval,
  type AdjustmentApprovalSnapshot,
  type AdjustmentStep,
} from '@libs/cycle/adjustment-approval';
import { workflowNow } from './clock';
import { adjustmentStateQuery, decideAdjustmentUpdate, reviseAdjustmentUpdate } from './target-adjustment.messages';
import { commandRefusal } from './command-refusal';

const activities = proxyActivities<AdjustmentActivities>({
  startToCloseTimeout: '1 minute',
  // Mail and database outages are waited out: hours of retries with backoff.
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export interface TargetAdjustmentInput {
  id: number;
  planCode: string;
  leadDepartment: string;
  /** Present after continue-as-new: everything the previous run knew, its notices sent. */
  carried?: AdjustmentApprovalSnapshot;
}

/** The notice a step calls for: the next one to decide, or the bureau told the outcome. */
function noticeAfter(step: AdjustmentStep): Omit<AdjustmentNoticeInput, 'adjustmentId'> {
  const base = { round: step.round, at: step.at };
  if (step.state === 'returned') return { ...base, event: 'adjustment_returned', comment: step.comment ?? undefined };
  if (step.state === 'department_approved') return { ...base, event: 'adjustment_for_approval' };
  if (step.state === 'approved') return { ...base, event: 'adjustment_approved' };
  return { ...base, event: 'adjustment_proposed' };
}

export async function targetAdjustment(input: TargetAdjustmentInput): Promise<AdjustmentApprovalSnapshot> {
  const approval = input.carried ? new AdjustmentApproval(input.carried) : AdjustmentApproval.proposed(input);
  const notices: Array<Omit<AdjustmentNoticeInput, 'adjustmentId'>> = input.carried
    ? []
    : [{ event: 'adjustment_proposed', round: 1, at: workflowNow() }];

  /** The step written before the Update answers; a request answered before is answered again, unchanged. */
  const applied = async (requestId: string, apply: () => AdjustmentStep): Promise<AdjustmentStep> => {
    const known = approval.handled(requestId);
    if (known) return known;
    const step = apply();
    await activities.recordAdjustmentStep({ adjustmentId: input.id, step });
    notices.push(noticeAfter(step));
    return step;
  };
  setHandler(decideAdjustmentUpdate, (r) => applied(r.requestId, () => approval.decide(r, workflowNow())), {
    validator: (r) => {
      const problem = approval.decisionProblem(r);
      if (problem) throw commandRefusal(problem);
    },
  });
  setHandler(reviseAdjustmentUpdate, (r) => applied(r.requestId, () => approval.revise(r, workflowNow())), {
    validator: (r) => {
      const problem = approval.revisionProblem(r);
      if (problem) throw commandRefusal(problem);
    },
  });
  setHandler(adjustmentStateQuery, () => approval.snapshot());

  const sendNotices = async () => {
    while (notices.length > 0) {
      const notice = notices.shift()!;
      try {
        await activities.sendAdjustmentNotice({ adjustmentId: input.id, ...notice });
      } catch (e) {
        // A notice nobody can receive (no approver account yet) does not undo a decision: it is logged and the approval goes on.
        if (!(e instanceof ActivityFailure)) throw e;
        log.warn('adjustment notice not sent', { adjustmentId: input.id, event: notice.event, error: e.message });
      }
    }
  };

  for (;;) {
    await sendNotices();
    if (approval.done) break;
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      if (notices.length === 0)
        await continueAsNew<typeof targetAdjustment>({ ...input, carried: approval.snapshot() });
      continue;
    }
    await condition(() => notices.length > 0 || approval.done);
  }
  await condition(allHandlersFinished);
  await sendNotices();
  return approval.snapshot();
}
