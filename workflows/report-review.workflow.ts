/**
 * The report's review after its cycle closed (征求意见 → 定稿 → 审批), one per
 * cycle (`review/<cycleId>`). It sends each lead department its part, chases
 * those that have not answered on the cycle's policy, takes comments,
 * answers, disputes and their decisions, 定稿 and the approver's word as the
 * Update `reviewCommand`, and mails the approved final version to every
 * department once. What the review knows and how it changes is its
 * `ReportReview` (libs/cycle/report-review.ts); this file registers the
 * handler, waits, and calls the activities that persist, compile and mail.
 *
 * A granted dispute reruns the cycle for the item as a child workflow (the
 * same run the bureau's reopen starts, under the cycle's own ID) and waits for
 * its result: the child's close is the new draft version, so nothing polls and
 * the cycle's workflow needs no knowledge of the review.
 */
import {
  ParentClosePolicy,
  WorkflowIdReusePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { ChasingPolicy } from '@libs/cycle/cycle-definition';
import { CYCLE_WORKFLOW_TASK_TIMEOUT } from '@libs/cycle/cycle-limits';
import { ReportReview, type ReviewSnapshot } from '@libs/cycle/report-review';
import type { ReviewActivities } from '@libs/cycle/review-activities';
import type { Localized } from '@libs/plan/localized';
import { workflowNow } from './clock';
import type { evaluationCycle } from './evaluation-cycle.workflow';
import { reviewCommandUpdate, reviewStateQuery } from './report-review.messages';
import { commandRefusal } from './command-refusal';

const activities = proxyActivities<ReviewActivities>({
  startToCloseTimeout: '1 minute',
  // Mail and database outages are waited out: hours of retries with backoff.
  retry: {
    initialInterval: '5s',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    nonRetryableErrorTypes: ['ReviewRefused'],
  },
});

/** Compiling a version writes the Word, Excel and HTML files of both languages: minutes, not seconds. */
const compiling = proxyActivities<Pick<ReviewActivities, 'compileReportStage'>>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export interface ReportReviewInput {
  cycleId: string;
  /** ISO instant by which departments answer. */
  deadline: string;
  /** Whether the final version waits for the approver (the request's setting, default on). */
  requireApproval: boolean;
  /** The cycle's chasing policy: departments are chased for comments as for submissions. */
  policy: ChasingPolicy;
  /** Present after continue-as-new: everything the previous run knew. */
  carried?: ReviewSnapshot;
  /** Tests only: continue as new once the history is longer than this. */
  historyLimit?: number;
}

export async function reportReview(input: ReportReviewInput): Promise<ReviewSnapshot> {
  const { cycleId } = input;
  /**
   * Set once the review is open. The command handler is registered before the
   * opening activity: the SDK rejects an Update for which no handler is
   * registered when its activation ends, so a comment sent right after the
   * bureau's start would fail instead of waiting.
   */
  const opening: { review?: ReportReview } = {};
  setHandler(
    reviewCommandUpdate,
    async (request) => {
      // A command sent while the review was opening waits for it, and is checked now (its validator could not).
      if (!opening.review) {
        await condition(() => opening.review !== undefined);
        const early = review.refusal(request);
        if (early) throw commandRefusal(early);
      }
      const { command } = request;
      if (command.type === 'decide_dispute' && command.granted && !review.answered(request.requestId)) {
        // Checked against PostgreSQL as the bureau's own reopen is, before anything changes.
        const { problems } = await activities.prepareReviewReopen({
          cycleId,
          ...review.reopenOf(command.disputeId, request.actor),
          requestId: `review/${request.requestId}`,
          check: true,
        });
        const changed = review.refusal(request);
        if (problems.length > 0 || changed) throw commandRefusal(changed ?? joined(problems));
      }
      const outcome = review.apply(request, workflowNow());
      if (review.stage === 'finalising') {
        const final = await compiling.compileReportStage({ cycleId, stage: 'final' });
        review.finalCompiled({ ...final, by: request.actor, at: workflowNow() });
      }
      await record();
      wake = true;
      // The stage as it stands once the command is done (after 定稿, the final version compiled).
      return { ...outcome, stage: review.stage };
    },
    {
      validator: (request) => {
        if (!opening.review) return;
        const problem = review.refusal(request);
        if (problem) throw commandRefusal(problem);
      },
    },
  );
  const review = input.carried
    ? new ReportReview(input.carried)
    : ReportReview.opened({ ...input, ...(await activities.openReview({ cycleId })) });
  let wake = false;
  // Not while 定稿 compiles: the Update doing it holds what the new run would need.
  const continueAsNewDue = () =>
    review.stage !== 'finalising' &&
    (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > (input.historyLimit ?? Infinity));

  /** Records are written one after another, each with the state as it is when its turn comes. */
  let recording = Promise.resolve();
  const record = () => (recording = recording.then(() => activities.recordReview(review.takeRecord())));

  setHandler(reviewStateQuery, () => review.snapshot());
  opening.review = review;

  // A new run after continue-as-new has nothing new to write.
  if (!input.carried) await record();
  while (review.stage !== 'completed') {
    review.fireDueChases(workflowNow());
    await sendNotices();
    const reopen = review.reopenWanted();
    if (reopen) {
      await rerunCycle(reopen);
      await record();
      continue;
    }
    const finals = review.finalToMail();
    if (finals.length > 0) {
      for (const notice of finals) {
        await activities.sendReviewNotice({
          ...notice,
          cycleId,
          deadline: Date.parse(input.deadline),
          at: workflowNow(),
        });
        review.finalMailed(notice.department);
      }
      await record();
      continue;
    }
    if (continueAsNewDue()) {
      await condition(allHandlersFinished);
      await recording;
      await continueAsNew<typeof reportReview>({ ...input, carried: review.snapshot() });
    }
    wake = false;
    const next = review.nextChaseAt(workflowNow());
    const woken = () => wake || continueAsNewDue();
    if (next === Infinity) await condition(woken);
    else await condition(woken, Math.max(1, next - workflowNow()));
  }
  await condition(allHandlersFinished);
  await recording;
  return review.snapshot();

  async function sendNotices(): Promise<void> {
    for (const notice of review.takeNotices())
      await activities.sendReviewNotice({
        ...notice,
        cycleId,
        deadline: Date.parse(input.deadline),
        at: workflowNow(),
      });
  }

  /** The reopen path of the bureau's own reopen: a new run of the cycle for the disputed item, then its new draft. */
  async function rerunCycle(reopen: NonNullable<ReturnType<ReportReview['reopenWanted']>>): Promise<void> {
    const request = { ...review.reopenOf(reopen.disputeId, reopen.grantedBy), requestId: `review/${reopen.disputeId}` };
    const { definition } = await activities.prepareReviewReopen({ cycleId, ...request, check: false });
    if (!definition) return review.reopenFailed();
    try {
      const child = await startChild<typeof evaluationCycle>('evaluationCycle', {
        workflowId: cycleId,
        // The cycle's closed run is followed by this one, as after the bureau's reopen; it outlives the review if need be.
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowTaskTimeout: CYCLE_WORKFLOW_TASK_TIMEOUT,
        args: [{ definition, reopen: request }],
      });
      await child.result();
    } catch (e) {
      // The bureau reopened the cycle itself meanwhile: the review goes on with the version it has.
      if (e instanceof WorkflowExecutionAlreadyStartedError) return review.reopenFailed();
      throw e;
    }
    review.recompiled(await activities.latestReportVersion({ cycleId }));
  }
}

function joined(problems: Localized[]): Localized {
  return { zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; ') };
}
