/**
 * One department's part of a cycle: it assigns the department its items,
 * takes submissions and reviews as updates, chases on the policy's timers
 * until every item is done or the hard close, and hands its outcome back.
 * Item state lives here and is persisted through activities after each change.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { CycleActivities, DepartmentOutcome, NoticeEvent, Audience, RecordCommandInput } from '@libs/cycle/activities-contract';
import { chaseKey, chasingSchedule, type ChasePoint } from '@libs/cycle/chasing-schedule';
import { cycleThresholds, DEFAULT_DIGEST_WINDOW, type ChasingPolicy } from '@libs/cycle/cycle-definition';
import type { ThresholdPreset } from '@libs/rules/thresholds';
import {
  applyCommand,
  checkCommand,
  departmentStatus,
  initialItem,
  isDone,
  owedBySubmitter,
  timeliness,
  waitingForReview,
  type Actor,
  type DepartmentState,
  type ItemState,
} from '@libs/cycle/department-state';
import { durationMs } from '@libs/cycle/duration';
import type { Localized } from '@libs/plan/localized';
import { checkSubmission, type PlanYears, type WorkItemSpec } from '@libs/cycle/submission';
import { workflowNow } from './clock';
import { departmentDoneSignal } from './evaluation-cycle.messages';
import {
  bulkApproveUpdate,
  cancelSignal,
  closeDepartmentSignal,
  departmentStatusQuery,
  extendDeadlineSignal,
  itemCommandUpdate,
  remindNowSignal,
  type BulkApproveRequest,
  type ItemCommandOutcome,
  type ItemCommandRequest,
  type ItemCommandResult,
} from './department-cycle.messages';

/**
 * Runs from here on answer an item command as soon as the state has changed
 * (durable in the workflow's history) and write its record after: the sender
 * writes it at once from the answer, and the workflow's `recordCommands`
 * activity writes it again, idempotently, in case the sender died. Before, an
 * Update waited for a scheduled activity to write it: two more round trips
 * through the server on every submission. Earlier histories replay that way.
 */
const RECORD_AFTER_ANSWER = 'record-after-answer';
/**
 * Runs from here on load their items and send the assignment notice in one
 * activity (`assignDepartment`): at launch a department then costs two
 * workflow tasks, not three, which is what a cycle's fan-out waits on.
 * Earlier histories load, then send, as two activities. Cycles now say so in
 * the input (`assignInOneStep`) instead: a patch marker also upserts a search
 * attribute, two more history events and a visibility write per department.
 * Later cycles start departments with their item keys (`items`) and send the
 * assignment themselves; this path stays for runs already started with it.
 */
const ASSIGN_IN_ONE_STEP = 'assign-in-one-step';
/**
 * Runs from here on wake their main loop after an item command only when the
 * command brought its next wake-up forward (the first action notice of a
 * digest window does; the rest of a burst of submissions does not). Before,
 * every submission cancelled the loop's timer and started the same one again:
 * two more history events and commands on every Update.
 */
const WAKE_WHEN_SOONER = 'wake-when-sooner';
/**
 * How long answered records gather before the workflow writes them, as one
 * activity: the sender has normally written each at once, so this is the
 * backstop, and a burst of submissions costs one activity, not one each.
 */
const RECORD_BACKSTOP_WINDOW = '1 minute';

const activities = proxyActivities<CycleActivities>({
  startToCloseTimeout: '1 minute',
  // Mail and database outages are waited out: hours of retries with backoff.
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export interface DepartmentCycleInput {
  cycleId: string;
  department: string;
  years: PlanYears;
  deadline: string;
  hardClose: string;
  requireBureauAcceptance: boolean;
  /** Absent in runs started before it was passed down: the default preset. */
  thresholdPreset?: ThresholdPreset;
  /** Set by cycles that start departments with `assignDepartment` (see ASSIGN_IN_ONE_STEP). */
  assignInOneStep?: boolean;
  /**
   * The keys of the items the department leads, from cycles that assign them
   * and send the assignment notice themselves: the department then starts
   * without an activity, and reads the items' specifications when it first
   * needs them (a command, a notice). At launch each department costs the
   * server a workflow task, no more, which is what a cycle's fan-out waits on.
   */
  items?: string[];
  policy: ChasingPolicy;
  /** Tests only: continue as new once the history is longer than this (Temporal's own suggestion applies regardless). */
  historyLimit?: number;
  /** Present after continue-as-new: everything the workflow knew. */
  carried?: CarriedState;
  /**
   * A run that continues a closed cycle: these items' state comes from PostgreSQL
   * (not 'assigned'), and the bureau's reopen is applied to each before anything else.
   */
  restore?: DepartmentRestore;
}

export interface DepartmentRestore {
  itemKeys: string[];
  reopen: { requestId: string; actor: Actor; reason: string };
}

interface CarriedState {
  state: DepartmentState;
  fired: string[];
  noticeSeq: Record<string, number>;
  processed: Record<string, ItemCommandResult>;
  lastReviewChaseAt: number | null;
  cancelled: boolean;
  /** The bureau's words when it cancelled, passed on to the departments. */
  cancelReason?: string;
  /** What the cycle was last told: all items done or not. */
  reportedDone: boolean;
  closeRequested: boolean;
}

interface PendingNotice {
  audience: Audience;
  event: NoticeEvent;
  itemKeys: string[];
  reasons: Record<string, string>;
  warnings?: Record<string, string[]>;
}

/** A command refused, in words the person can act on: the API answers it in both languages. */
function refusal(problem: Localized, itemKey?: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(`${itemKey ? `${itemKey}: ` : ''}${problem.zh} (${problem.en})`, 'CommandRefused', problem);
}

/** What a run knows before anything happens: its items, new ('assigned') or restored from PostgreSQL. */
function startingState(input: DepartmentCycleInput, specs: WorkItemSpec[] | undefined, items: ItemState[], noticeSeq: Record<string, number>): CarriedState {
  return {
    state: {
      cycleId: input.cycleId,
      department: input.department,
      years: input.years,
      deadline: Date.parse(input.deadline),
      hardClose: Date.parse(input.hardClose),
      requireBureauAcceptance: input.requireBureauAcceptance,
      ...(input.thresholdPreset ? { thresholdPreset: input.thresholdPreset } : {}),
      ...(specs ? { specs } : {}),
      items: Object.fromEntries(items.map((i) => [i.key, i])),
    },
    fired: [],
    noticeSeq,
    processed: {},
    lastReviewChaseAt: null,
    cancelled: false,
    reportedDone: false,
    closeRequested: false,
  };
}

export async function departmentCycle(input: DepartmentCycleInput): Promise<DepartmentOutcome> {
  let carried: CarriedState;
  /** Whether a new run still has its assignment notice to send. */
  let assignmentPending = !input.carried && !input.restore && !input.items;
  if (input.carried) {
    carried = input.carried;
  } else if (input.items) {
    // The cycle sent the assignment (seq 1): the next one is 2.
    carried = startingState(input, undefined, input.items.map(initialItem), { 'submitter/assignment': 1 });
  } else if (input.restore) {
    const restored = await activities.restoreDepartment({ cycleId: input.cycleId, department: input.department, itemKeys: input.restore.itemKeys });
    // The outbox key includes the seq: continuing from the highest sent keeps every new notice new.
    carried = startingState(input, restored.specs, restored.items, restored.noticeSeq);
  } else if (input.assignInOneStep || patched(ASSIGN_IN_ONE_STEP)) {
    const assigned = await activities.assignDepartment({ cycleId: input.cycleId, department: input.department, deadline: Date.parse(input.deadline), at: workflowNow() });
    assignmentPending = assigned.assignmentPending;
    // Seq 1 is the assignment's: when it already went out, the next one is 2.
    carried = startingState(input, assigned.specs, assigned.specs.map((spec) => initialItem(spec.key)), assignmentPending ? {} : { 'submitter/assignment': 1 });
  } else {
    const specs = await activities.loadDepartmentItems({ cycleId: input.cycleId, department: input.department });
    const own = specs.filter((s) => s.leadDepartment === input.department);
    carried = startingState(input, own, own.map((spec) => initialItem(spec.key)), {});
  }
  const { state } = carried;
  const fired = new Set(carried.fired);
  const pending: PendingNotice[] = [];
  /** When the oldest queued action notice is due to go out; null when none is queued. */
  let digestDueAt: number | null = null;
  let closed = false;
  let wake = false;
  /** When the main loop's current wait ends by itself. */
  let wakesAt = Infinity;

  const allDone = () => Object.values(state.items).every((i) => isDone(state, i));
  const queueNotice = (audience: Audience, event: NoticeEvent, items: ItemState[], reasons: Record<string, string> = {}) => {
    if (items.length === 0) return;
    pending.push({ audience, event, itemKeys: items.map((i) => i.key), reasons });
    wake = true;
  };
  /** An action notice waits for its digest; the caller decides whether the loop must wake for it. */
  const queueActionNotice = (audience: Audience, event: NoticeEvent, item: ItemState, reasons: Record<string, string>, warnings: string[] = []) => {
    pending.push({ audience, event, itemKeys: [item.key], reasons, ...(warnings.length ? { warnings: { [item.key]: warnings } } : {}) });
    digestDueAt ??= workflowNow() + durationMs(input.policy.digestWindow ?? DEFAULT_DIGEST_WINDOW);
  };

  /** Reads the items' specifications once, for every caller waiting on them at the time. */
  let specsRead: Promise<void> | null = null;
  const readSpecs = () =>
    (specsRead ??= activities.loadDepartmentItems({ cycleId: state.cycleId, department: state.department }).then((specs) => {
      state.specs = specs;
    }));

  const run = async (request: ItemCommandRequest): Promise<ItemCommandOutcome> => {
    if (!state.specs) {
      // The validator could not check what depends on the specifications: checked now, before anything changes.
      await readSpecs();
      const problem = carried.processed[request.requestId] ? null : checkCommand(state, request.command, request.actor, closed || carried.cancelled);
      if (problem) throw refusal(problem);
    }
    const done = carried.processed[request.requestId];
    if (done) return done;
    const item = state.items[request.command.itemKey];
    const statusBefore = item.status;
    const now = workflowNow();
    const notice = applyCommand(state, request.command, request.actor, now);
    const submission = request.command.type === 'submit' ? request.command.submission : null;
    const spec = state.specs!.find((s) => s.key === item.key)!;
    const check = submission ? checkSubmission(spec, submission, state.years, cycleThresholds(state)) : null;
    const result: ItemCommandResult = {
      itemKey: item.key,
      status: item.status,
      version: item.version,
      warnings: check?.ok ? check.warnings.map((w) => w.message) : [],
    };
    carried.processed[request.requestId] = result;
    if (notice) {
      const audience: Audience = notice.event === 'submitted_for_review' ? 'supervisor' : 'submitter';
      queueActionNotice(audience, notice.event, item, notice.reason ? { [item.key]: notice.reason } : {}, result.warnings.map((w) => w.zh));
    }
    if (!patched(WAKE_WHEN_SOONER) || nextWakeAt() < wakesAt || workflowInfo().continueAsNewSuggested) wake = true;
    const record: RecordCommandInput = {
      cycleId: state.cycleId,
      department: state.department,
      requestId: request.requestId,
      actor: request.actor,
      command: request.command,
      at: now,
      statusBefore,
      statusAfter: item.status,
      version: item.version,
      submission,
    };
    if (patched(RECORD_AFTER_ANSWER)) {
      unrecorded.push(record);
      return { ...result, record };
    }
    // Before the patch only a submission carried its version.
    await activities.recordCommand({ ...record, version: request.command.type === 'submit' ? item.version : 0 });
    return result;
  };

  /** Records of answered commands not yet written by the workflow, oldest first. */
  const unrecorded: RecordCommandInput[] = [];
  let recording = false;
  /** Set while the run waits to end or continue as new: what is queued is written now. */
  let flushRecords = false;
  const allRecorded = () => unrecorded.length === 0 && !recording;
  const everythingWritten = async () => {
    flushRecords = true;
    await condition(() => allHandlersFinished() && allRecorded());
    flushRecords = false;
  };
  void (async () => {
    for (;;) {
      await condition(() => unrecorded.length > 0);
      await condition(() => flushRecords, RECORD_BACKSTOP_WINDOW);
      recording = true;
      // Histories recorded before refusals were handed back answer nothing.
      const refused = (await activities.recordCommands(unrecorded.splice(0, unrecorded.length))) ?? [];
      if (refused.length > 0) {
        queueNotice(
          'bureau',
          'record_refused',
          refused.map((r) => state.items[r.itemKey]),
          Object.fromEntries(refused.map((r) => [r.itemKey, r.error])),
        );
      }
      recording = false;
    }
  })();

  setHandler(itemCommandUpdate, run, {
    validator: (request) => {
      if (carried.processed[request.requestId]) return;
      const problem = checkCommand(state, request.command, request.actor, closed || carried.cancelled);
      if (problem) throw refusal(problem);
    },
  });

  /** Every item of a bulk approval is checked before any is approved: all or none. */
  const checkBulkApprove = (request: BulkApproveRequest) => {
    if (request.itemKeys.length === 0) throw ApplicationFailure.nonRetryable('请选择要审核的事项 (choose items to approve)', 'CommandRefused');
    for (const itemKey of request.itemKeys) {
      if (carried.processed[`${request.requestId}/${itemKey}`]) continue;
      const problem = checkCommand(state, { type: 'review', itemKey, decision: 'approve' }, request.actor, closed || carried.cancelled);
      if (problem) throw refusal(problem, itemKey);
    }
  };
  setHandler(
    bulkApproveUpdate,
    async (request) => {
      if (!state.specs) {
        await readSpecs();
        checkBulkApprove(request);
      }
      const results: ItemCommandOutcome[] = [];
      for (const itemKey of request.itemKeys) {
        results.push(await run({ requestId: `${request.requestId}/${itemKey}`, actor: request.actor, command: { type: 'review', itemKey, decision: 'approve' } }));
      }
      return results;
    },
    { validator: checkBulkApprove },
  );

  setHandler(extendDeadlineSignal, ({ deadline }) => {
    const next = Date.parse(deadline);
    if (Number.isNaN(next) || next === state.deadline) return;
    state.deadline = next;
    queueNotice('submitter', 'deadline_changed', owedBySubmitter(state));
  });
  setHandler(remindNowSignal, () => queueNotice('submitter', 'reminder', owedBySubmitter(state)));
  setHandler(cancelSignal, ({ reason }) => {
    carried.cancelled = true;
    if (reason) carried.cancelReason = reason;
    wake = true;
  });
  setHandler(closeDepartmentSignal, () => {
    carried.closeRequested = true;
    wake = true;
  });
  setHandler(departmentStatusQuery, () => departmentStatus(state, workflowNow()));

  if (!input.carried && input.restore) {
    // The bureau's reopen, item by item, through the same path as any command: persisted, audited, noticed with the reason.
    const { requestId, actor, reason } = input.restore.reopen;
    for (const itemKey of Object.keys(state.items)) {
      const request: ItemCommandRequest = { requestId: `${requestId}/${itemKey}`, actor, command: { type: 'reopen', itemKey, reason } };
      if (!checkCommand(state, request.command, actor, false)) await run(request);
    }
  } else if (assignmentPending) {
    queueNotice('submitter', 'assignment', Object.values(state.items));
  }

  // A department stays open after its last approval: the bureau may still reopen an
  // item until the cycle, told that every department is done, closes them all.
  while (!carried.cancelled && !carried.closeRequested && workflowNow() < state.hardClose) {
    await reportDoneToCycle();
    fireDueChases(chasingSchedule(input.policy, state.deadline, state.hardClose));
    if (digestDueAt === null || digestDueAt <= workflowNow()) await sendPendingNotices();
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > (input.historyLimit ?? Infinity)) {
      await everythingWritten();
      await continueAsNew<typeof departmentCycle>({
        ...input,
        carried: { ...carried, fired: [...fired], state },
      });
    }
    wakesAt = nextWakeAt();
    wake = false;
    await condition(() => wake || carried.cancelled || carried.closeRequested || allDone() !== carried.reportedDone, Math.max(1, wakesAt - workflowNow()));
  }

  closed = true;
  // The cycle's report reads the approved versions from PostgreSQL: every record is written first.
  await everythingWritten();
  if (carried.cancelled) queueNotice('submitter', 'cycle_cancelled', Object.values(state.items));
  await sendPendingNotices();
  return {
    department: state.department,
    total: Object.keys(state.items).length,
    done: Object.values(state.items).filter((i) => isDone(state, i)).length,
    timeliness: timeliness(state),
    cancelled: carried.cancelled,
  };

  async function reportDoneToCycle(): Promise<void> {
    const done = allDone();
    const parent = workflowInfo().parent;
    if (done === carried.reportedDone || !parent) return;
    carried.reportedDone = done;
    if (done) await sendPendingNotices();
    await getExternalWorkflowHandle(parent.workflowId).signal(departmentDoneSignal, { department: state.department, done });
  }

  /** Fires what is due; of several points of one event overdue at once, only the latest is sent. */
  function fireDueChases(schedule: ChasePoint[]): void {
    const now = workflowNow();
    const due = schedule.filter((p) => p.at <= now && !fired.has(chaseKey(p)));
    const latestByEvent = new Map(due.map((p) => [p.event, p]));
    for (const p of due) fired.add(chaseKey(p));
    for (const p of latestByEvent.values()) {
      const owed = owedBySubmitter(state);
      if (p.event === 'escalate_supervisor') queueNotice('supervisor', p.event, owed);
      else if (p.event === 'escalate_bureau') queueNotice('bureau', p.event, owed);
      else queueNotice('submitter', p.event, owed);
    }
    const waiting = waitingForReview(state);
    if (waiting.length > 0 && nextReviewChaseAt() <= now) {
      carried.lastReviewChaseAt = now;
      queueNotice('supervisor', 'review_reminder', waiting);
    }
  }

  /** The next moment something is due by the clock: the hard close, a chase, a review reminder, a digest. */
  function nextWakeAt(): number {
    const schedule = chasingSchedule(input.policy, state.deadline, state.hardClose);
    return Math.min(state.hardClose, nextChaseAt(schedule), nextReviewChaseAt(), digestDueAt ?? Infinity);
  }

  function nextChaseAt(schedule: ChasePoint[]): number {
    return schedule.find((p) => !fired.has(chaseKey(p)))?.at ?? Infinity;
  }

  function nextReviewChaseAt(): number {
    const waiting = waitingForReview(state);
    if (waiting.length === 0) return Infinity;
    const oldest = Math.min(...waiting.map((i) => i.lastSubmittedAt ?? Infinity));
    const first = oldest + durationMs(input.policy.reviewReminderAfter);
    const again = carried.lastReviewChaseAt === null ? -Infinity : carried.lastReviewChaseAt + durationMs(input.policy.reviewReminderEvery);
    return Math.max(first, again);
  }

  /** Sends queued notices as digests: one per audience and event, listing every item concerned. */
  async function sendPendingNotices(): Promise<void> {
    digestDueAt = null;
    if (pending.length > 0 && !state.specs) await readSpecs();
    while (pending.length > 0) {
      const batch = pending.splice(0, pending.length);
      const groups = new Map<string, PendingNotice>();
      for (const n of batch) {
        const key = `${n.audience}/${n.event}`;
        const g = groups.get(key) ?? { audience: n.audience, event: n.event, itemKeys: [], reasons: {}, warnings: {} };
        g.itemKeys.push(...n.itemKeys.filter((k) => !g.itemKeys.includes(k)));
        Object.assign(g.reasons, n.reasons);
        Object.assign(g.warnings!, n.warnings ?? {});
        groups.set(key, g);
      }
      for (const g of groups.values()) {
        const seqKey = `${g.audience}/${g.event}`;
        const seq = (carried.noticeSeq[seqKey] = (carried.noticeSeq[seqKey] ?? 0) + 1);
        await activities.sendNotice({
          cycleId: state.cycleId,
          department: state.department,
          audience: g.audience,
          event: g.event,
          seq,
          deadline: state.deadline,
          at: workflowNow(),
          ...(g.event === 'cycle_cancelled' && carried.cancelReason ? { reason: carried.cancelReason } : {}),
          items: g.itemKeys.map((k) => ({
            key: k,
            title: state.specs!.find((s) => s.key === k)!.title,
            status: state.items[k].status,
            ...(g.reasons[k] ? { reason: g.reasons[k] } : {}),
            ...(g.warnings?.[k]?.length ? { warnings: g.warnings[k] } : {}),
          })),
        });
      }
    }
  }
}
