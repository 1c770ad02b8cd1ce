/**
 * One department's part of a cycle: takes submissions and reviews as updates,
 * chases on the policy's timers until every item is done or the hard close,
 * and hands its outcome back. What the department knows and how it changes is
 * its `DepartmentRun` (libs/cycle/department-run.ts); this file registers the
 * handlers, waits, and calls the activities that persist and notify.
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { CycleActivities, DepartmentOutcome } from '@libs/cycle/activities-contract';
import { ACTIVITY_RETRIES, boundedTo } from '@libs/cycle/cycle-problem';
import {
  bulkItemRequest,
  DepartmentRun,
  type BulkApproveRequest,
  type DepartmentLaunch,
  type DepartmentReopen,
  type DepartmentSnapshot,
  type ItemCommandOutcome,
  type ItemCommandRequest,
} from '@libs/cycle/department-run';
import { workflowNow } from './clock';
import { stepRecovery, type RecoverableStep } from './recoverable-step';
import { standingAttributes } from './search-attributes';
import { departmentDoneSignal } from './evaluation-cycle.messages';
import {
  bulkApproveUpdate,
  cancelSignal,
  closeDepartmentSignal,
  departmentStatusQuery,
  extendDeadlineSignal,
  itemCommandUpdate,
  remindNowSignal,
} from './department-cycle.messages';
import { commandRefusal } from './command-refusal';

/**
 * How long answered records gather before the workflow writes them, as one
 * activity: the sender has normally written each at once from the Update's
 * answer, so this is the backstop, and a burst of submissions costs one activity, not one each.
 */
const RECORD_BACKSTOP_WINDOW_MS = 60_000;

/**
 * A department's activities: PostgreSQL reads and writes, and notices, each
 * retried within its bound (ACTIVITY_RETRIES: about a day, so outages are
 * waited out); a step whose bound runs out waits for the bureau's retry.
 */
function departmentActivities(attempts: number | undefined) {
  const records = boundedTo(ACTIVITY_RETRIES.records, attempts);
  const notices = boundedTo(ACTIVITY_RETRIES.notices, attempts);
  type Records = Pick<CycleActivities, 'restoreDepartment' | 'loadDepartmentItems' | 'recordCommands'>;
  return {
    retries: { records, notices },
    records: proxyActivities<Records>({ startToCloseTimeout: '1 minute', retry: records }),
    notices: proxyActivities<Pick<CycleActivities, 'sendNotice'>>({ startToCloseTimeout: '1 minute', retry: notices }),
  };
}
type DepartmentActivities = ReturnType<typeof departmentActivities>;

export interface DepartmentCycleInput extends DepartmentLaunch {
  /** A department of a reopened cycle: its items' state comes from PostgreSQL, and this reopen is applied to each first. */
  reopen?: DepartmentReopen;
  /** Present after continue-as-new: everything the previous run knew. */
  carried?: DepartmentSnapshot;
  /** Tests only: continue as new once the history is longer than this (Temporal's own suggestion applies regardless). */
  historyLimit?: number;
  /** Tests only: every activity's attempts bounded to this (a permanent fault stops its step in seconds). */
  activityAttempts?: number;
}

async function startingRun(
  input: DepartmentCycleInput,
  activities: DepartmentActivities,
  recoverable: RecoverableStep,
): Promise<DepartmentRun> {
  if (input.carried) return new DepartmentRun(input.carried);
  if (!input.reopen) return DepartmentRun.launched(input);
  const restored = await recoverable('restoreDepartment', activities.retries.records, () =>
    activities.records.restoreDepartment({
      cycleId: input.cycleId,
      department: input.department,
      itemKeys: input.items,
    }),
  );
  return DepartmentRun.restored(input, restored);
}

export async function departmentCycle(input: DepartmentCycleInput): Promise<DepartmentOutcome> {
  const activities = departmentActivities(input.activityAttempts);
  const { retries } = activities;
  const recoverable = stepRecovery(input.cycleId, input.department);
  const run = await startingRun(input, activities, recoverable);
  /**
   * Set when the loop must look again before its timer ends: a signal, or records written whose wait carried a
   * wake-up that a command brought forward.
   */
  let wake = false;
  /** When the loop's current wait ends by itself. */
  let wakesAt = Infinity;
  /** When the records' current wait ends; null while none runs (the next record starts one, a write looks after). */
  let recordsWaitEndsAt: number | null = null;
  /** The standing the search attributes show, upserted when it changes (once more in each new run). */
  let shownStanding = '';
  const showStanding = () => {
    const standing = run.standing(workflowNow());
    if (`${standing.phase}/${standing.overdue}` === shownStanding) return;
    shownStanding = `${standing.phase}/${standing.overdue}`;
    upsertSearchAttributes(standingAttributes(standing));
  };
  const continueAsNewDue = () =>
    workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > (input.historyLimit ?? Infinity);

  /** Reads the items' specifications once, for every caller waiting on them at the time. */
  let specsRead: Promise<void> | null = null;
  const readSpecs = () =>
    (specsRead ??= recoverable('loadDepartmentItems', retries.records, () =>
      activities.records.loadDepartmentItems({ cycleId: run.cycleId, department: run.department }),
    ).then((specs) => run.specsRead(specs)));

  const command = async (request: ItemCommandRequest): Promise<ItemCommandOutcome> => {
    if (run.needsSpecs(request)) {
      // The validator could not check what depends on the specifications: checked now, before anything changes.
      await readSpecs();
      const problem = run.refusal(request);
      if (problem) throw commandRefusal(problem);
    }
    const outcome = run.apply(request, workflowNow());
    showStanding();
    // A wake-up the command brought forward (a digest's end, a review reminder) rides on the records' wait, which
    // the command's record starts if none is running: the loop's timer is not cancelled and restarted in the task
    // the sender waits on. Only a wake-up sooner than a wait already running wakes the loop now.
    if (recordsWaitEndsAt !== null && run.nextWakeAt() < Math.min(wakesAt, recordsWaitEndsAt)) wake = true;
    return outcome;
  };

  // Answered commands' records, written after the answer (the sender writes each at once too).
  let recording = false;
  /** Set while the run waits to end or continue as new: what is queued is written now. */
  let flushRecords = false;
  const everythingWritten = async () => {
    flushRecords = true;
    await condition(() => allHandlersFinished() && !run.hasUnrecorded() && !recording);
    flushRecords = false;
  };
  void (async () => {
    for (;;) {
      await condition(() => run.hasUnrecorded());
      // Ends in time for a wake-up the loop's own wait would miss, so the commands need not wake the loop.
      const wakeUp = run.nextWakeAt();
      recordsWaitEndsAt = Math.min(workflowNow() + RECORD_BACKSTOP_WINDOW_MS, wakeUp < wakesAt ? wakeUp : Infinity);
      await condition(() => flushRecords, Math.max(1, recordsWaitEndsAt - workflowNow()));
      recordsWaitEndsAt = null;
      recording = true;
      const records = run.takeRecords();
      const refused = await recoverable('recordCommands', retries.records, () =>
        activities.records.recordCommands(records),
      );
      if (refused.length > 0) run.recordsRefused(refused);
      recording = false;
      if (refused.length > 0 || run.nextWakeAt() < wakesAt) wake = true;
    }
  })();

  setHandler(itemCommandUpdate, command, {
    validator: (request) => {
      const problem = run.refusal(request);
      if (problem) throw commandRefusal(problem);
    },
  });
  const checkBulkApprove = (request: BulkApproveRequest) => {
    const refused = run.bulkRefusal(request);
    if (refused) throw commandRefusal(refused.problem, refused.itemKey);
  };
  setHandler(
    bulkApproveUpdate,
    async (request) => {
      if (run.needsSpecs()) {
        await readSpecs();
        checkBulkApprove(request);
      }
      const results: ItemCommandOutcome[] = [];
      for (const itemKey of request.itemKeys) results.push(await command(bulkItemRequest(request, itemKey)));
      return results;
    },
    { validator: checkBulkApprove },
  );
  setHandler(extendDeadlineSignal, ({ deadline }) => {
    run.extendDeadline(deadline);
    wake = true;
  });
  setHandler(remindNowSignal, () => {
    run.remindNow();
    wake = true;
  });
  setHandler(cancelSignal, ({ reason }) => run.cancel(reason));
  setHandler(closeDepartmentSignal, () => run.requestClose());
  setHandler(departmentStatusQuery, () => run.status(workflowNow()));

  if (input.reopen && !input.carried) run.reopen(input.reopen, workflowNow());

  // A department stays open after its last approval: the bureau may still reopen an
  // item until the cycle, told that every department is done, closes them all.
  while (run.open(workflowNow())) {
    await reportDoneToCycle();
    run.fireDueChases(workflowNow());
    if (run.noticesDue(workflowNow())) await sendNotices();
    showStanding();
    if (continueAsNewDue()) {
      await everythingWritten();
      await continueAsNew<typeof departmentCycle>({ ...input, carried: run.snapshot() });
    }
    wakesAt = Math.min(run.nextWakeAt(), run.standingChangesAt(workflowNow()));
    wake = false;
    await condition(() => wake || run.stopWaiting() || continueAsNewDue(), Math.max(1, wakesAt - workflowNow()));
  }

  run.close();
  showStanding();
  // The cycle's report reads the approved versions from PostgreSQL: every record is written first.
  await everythingWritten();
  await sendNotices();
  return run.outcome();

  /** Tells the cycle when all items are done, or no longer all done; the notices queued go out first. */
  async function reportDoneToCycle(): Promise<void> {
    const done = run.doneToReport();
    if (done === null) return;
    if (done) await sendNotices();
    const parent = workflowInfo().parent;
    if (parent)
      await getExternalWorkflowHandle(parent.workflowId).signal(departmentDoneSignal, {
        department: run.department,
        done,
      });
  }

  /** Sends everything queued as digests; notices queued meanwhile go out in the same send. */
  async function sendNotices(): Promise<void> {
    if (!run.hasPendingNotices()) return;
    if (run.needsSpecs()) await readSpecs();
    while (run.hasPendingNotices()) {
      for (const notice of run.takeNotices(workflowNow()))
        await recoverable('sendNotice', retries.notices, () => activities.notices.sendNotice(notice));
    }
  }
}
