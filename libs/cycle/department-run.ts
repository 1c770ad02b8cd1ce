/**
 * One department's run of a cycle as plain state and behaviour: its items, the
 * notices waiting for their digest, the chases fired, notice numbering, the
 * commands answered and the records not yet written. The workflow registers the
 * handlers, waits and calls the activities; everything it knows lives in one
 * object here, and `snapshot()` of it is all a continue-as-new carries, so
 * nothing can be left behind. Pure (time is passed in, no I/O, no workflow
 * API), so it is tested without Temporal and kept out of the workflow bundle's
 * concerns.
 */
import type { Localized } from '../plan/localized';
import type { Thresholds } from '../rules/thresholds';
import type {
  Audience,
  DepartmentOutcome,
  NoticeEvent,
  NoticeInput,
  NoticeItem,
  RecordCommandInput,
  RefusedRecord,
  RestoredDepartment,
} from './activities-contract';
import { chaseKey, chasingSchedule } from './chasing-schedule';
import { DEFAULT_DIGEST_WINDOW, type ChasingPolicy } from './cycle-definition';
import {
  applyCommand,
  checkCommand,
  dependsOnSpec,
  departmentStatus,
  initialItem,
  isDone,
  itemSpec,
  owedBySubmitter,
  waitingForReview,
  type Actor,
  type Command,
  type DepartmentState,
  type DepartmentStatus,
  type ItemState,
  type ItemStatus,
} from './department-state';
import { durationMs } from './duration';
import type { DepartmentStanding } from './search-attributes';
import { checkSubmission, type PlanYears, type WorkItemSpec } from './submission';
import { isOverdue, timeliness } from './timeliness';

export interface ItemCommandRequest {
  /** The caller's idempotency key: the same request applied twice changes nothing. */
  requestId: string;
  actor: Actor;
  command: Command;
  /**
   * The item's specification as the sender read it from PostgreSQL (the row
   * `loadDepartmentItems` reads): a department that has not read its items'
   * specifications yet checks and applies the command with it, instead of
   * reading them all before it can answer. Only the project's own clients reach the workflow.
   */
  spec?: WorkItemSpec;
}

export interface ItemCommandResult {
  itemKey: string;
  status: ItemStatus;
  version: number;
  /** Data-quality warnings the supervisor will see beside the value. */
  warnings: Array<{ zh: string; en: string }>;
}

/**
 * What the Update answers: the result, and the first time a command is applied
 * the record for the sender to write at once (the workflow writes it too,
 * after answering). A repeated request answers the result alone.
 */
export type ItemCommandOutcome = ItemCommandResult & { record?: RecordCommandInput };

export interface BulkApproveRequest {
  requestId: string;
  actor: Actor;
  itemKeys: string[];
}

/** What the cycle starts a department with. */
export interface DepartmentLaunch {
  cycleId: string;
  department: string;
  years: PlanYears;
  deadline: string;
  hardClose: string;
  requireBureauAcceptance: boolean;
  /** The cycle's thresholds as launched: a preset edited later changes nothing here. */
  thresholds: Thresholds;
  policy: ChasingPolicy;
  /**
   * The keys of the items the department leads. The department reads their
   * specifications when it first needs them (a command, a notice), so at
   * launch it costs the server one workflow task and no activity.
   */
  items: string[];
}

/** The bureau's reopen of a closed cycle's items, applied to each before anything else. */
export interface DepartmentReopen {
  requestId: string;
  actor: Actor;
  reason: string;
}

/** A notice queued for the next digest. */
export interface PendingNotice {
  audience: Audience;
  event: NoticeEvent;
  itemKeys: string[];
  reasons: Record<string, string>;
  warnings?: Record<string, NonNullable<NoticeItem['warnings']>>;
}

/** Everything a department's run knows: the continue-as-new input, whole. */
export interface DepartmentSnapshot {
  state: DepartmentState;
  policy: ChasingPolicy;
  /** Chase points already sent (`chaseKey`). */
  fired: string[];
  lastReviewChaseAt: number | null;
  /** The last outbox seq per `audience/event`: with the rest, a notice's outbox key. */
  noticeSeq: Record<string, number>;
  /** Notices not yet sent, oldest first. */
  pending: PendingNotice[];
  /** When the oldest queued action notice is due to go out; null when none waits for a digest. */
  digestDueAt: number | null;
  /** Every command answered, by request ID: a repeat answers the same. */
  processed: Record<string, ItemCommandResult>;
  /** Records of answered commands the workflow has not yet written, oldest first. */
  unrecorded: RecordCommandInput[];
  cancelled: boolean;
  /** The bureau's words when it cancelled, passed on in the cancellation notice. */
  cancelReason?: string;
  /** The cycle has said every department is done: stop. */
  closeRequested: boolean;
  /** Past the wait loop: nothing can be changed any more. */
  closed: boolean;
  /** What the cycle was last told: all items done or not. */
  reportedDone: boolean;
}

const fail = (zh: string, en: string): Localized => ({ zh, en });

export class DepartmentRun {
  constructor(private readonly s: DepartmentSnapshot) {}

  /** A new department: its items 'assigned', their assignment sent by the cycle as seq 1. */
  static launched(launch: DepartmentLaunch): DepartmentRun {
    return DepartmentRun.starting(launch, undefined, launch.items.map(initialItem), { 'submitter/assignment': 1 });
  }

  /**
   * A department of a reopened cycle: its items as PostgreSQL holds them,
   * numbering notices on from the highest seq already sent, so every new one is new.
   */
  static restored(launch: DepartmentLaunch, restored: RestoredDepartment): DepartmentRun {
    return DepartmentRun.starting(launch, restored.specs, restored.items, restored.noticeSeq);
  }

  private static starting(
    launch: DepartmentLaunch,
    specs: WorkItemSpec[] | undefined,
    items: ItemState[],
    noticeSeq: Record<string, number>,
  ): DepartmentRun {
    return new DepartmentRun({
      state: {
        cycleId: launch.cycleId,
        department: launch.department,
        years: launch.years,
        deadline: Date.parse(launch.deadline),
        hardClose: Date.parse(launch.hardClose),
        requireBureauAcceptance: launch.requireBureauAcceptance,
        thresholds: launch.thresholds,
        ...(specs ? { specs } : {}),
        items: Object.fromEntries(items.map((i) => [i.key, i])),
      },
      policy: launch.policy,
      fired: [],
      lastReviewChaseAt: null,
      noticeSeq,
      pending: [],
      digestDueAt: null,
      processed: {},
      unrecorded: [],
      cancelled: false,
      closeRequested: false,
      closed: false,
      reportedDone: false,
    });
  }

  /** A copy made the way a continue-as-new makes it (JSON), so what a test sees is what the next run gets. */
  snapshot(): DepartmentSnapshot {
    return JSON.parse(JSON.stringify(this.s)) as DepartmentSnapshot;
  }

  get cycleId(): string {
    return this.s.state.cycleId;
  }

  get department(): string {
    return this.s.state.department;
  }

  get cancelled(): boolean {
    return this.s.cancelled;
  }

  /**
   * The specifications are read when first needed (a notice's titles; a command
   * that depends on its item's and does not carry it): until then what depends on them is checked after reading.
   */
  needsSpecs(request?: ItemCommandRequest): boolean {
    if (this.s.state.specs) return false;
    if (!request) return true;
    return dependsOnSpec(request.command) && !itemSpec(this.s.state, request.command.itemKey, request.spec);
  }

  specsRead(specs: WorkItemSpec[]): void {
    this.s.state.specs = specs;
  }

  /** Why a command may not be applied, or null; a request already answered is never refused. */
  refusal(request: ItemCommandRequest): Localized | null {
    if (this.s.processed[request.requestId]) return null;
    return checkCommand(this.s.state, request.command, request.actor, this.s.closed || this.s.cancelled, request.spec);
  }

  /** Every item of a bulk approval is checked before any is approved: all or none. */
  bulkRefusal(request: BulkApproveRequest): { problem: Localized; itemKey?: string } | null {
    if (request.itemKeys.length === 0) return { problem: fail('请选择要审核的事项', 'choose items to approve') };
    for (const itemKey of request.itemKeys) {
      const problem = this.refusal(bulkItemRequest(request, itemKey));
      if (problem) return { problem, itemKey };
    }
    return null;
  }

  /**
   * Applies a checked command (its item's specification known) and answers it with the
   * record to write; queues the notice it calls for into the digest. A repeat answers the first result.
   */
  apply(request: ItemCommandRequest, now: number): ItemCommandOutcome {
    const done = this.s.processed[request.requestId];
    if (done) return done;
    const { state } = this.s;
    const item = state.items[request.command.itemKey];
    const statusBefore = item.status;
    const versionBefore = item.version;
    const notice = applyCommand(state, request.command, request.actor, now);
    const submission = request.command.type === 'submit' ? request.command.submission : null;
    const spec = submission && itemSpec(state, item.key, request.spec)!;
    const check = spec ? checkSubmission(spec, submission, state.years, state.thresholds) : null;
    const result: ItemCommandResult = {
      itemKey: item.key,
      status: item.status,
      version: item.version,
      warnings: check?.ok ? check.warnings.map((w) => w.message) : [],
    };
    this.s.processed[request.requestId] = result;
    if (notice) {
      const audience: Audience = notice.event === 'submitted_for_review' ? 'supervisor' : 'submitter';
      const { warnings } = result;
      this.s.pending.push({
        audience,
        event: notice.event,
        itemKeys: [item.key],
        reasons: notice.reason ? { [item.key]: notice.reason } : {},
        ...(warnings.length ? { warnings: { [item.key]: warnings } } : {}),
      });
      this.s.digestDueAt ??= now + durationMs(this.s.policy.digestWindow ?? DEFAULT_DIGEST_WINDOW);
    }
    const record: RecordCommandInput = {
      cycleId: state.cycleId,
      department: state.department,
      requestId: request.requestId,
      actor: request.actor,
      command: request.command,
      at: now,
      statusBefore,
      statusAfter: item.status,
      versionBefore,
      version: item.version,
      submission,
    };
    this.s.unrecorded.push(record);
    return { ...result, record };
  }

  /** The bureau's reopen, item by item, through the same path as any command: recorded, audited, noticed with the reason. */
  reopen({ requestId, actor, reason }: DepartmentReopen, now: number): void {
    for (const itemKey of Object.keys(this.s.state.items)) {
      const request: ItemCommandRequest = {
        requestId: `${requestId}/${itemKey}`,
        actor,
        command: { type: 'reopen', itemKey, reason },
      };
      if (!this.refusal(request)) this.apply(request, now);
    }
  }

  extendDeadline(deadline: string): void {
    const next = Date.parse(deadline);
    if (Number.isNaN(next) || next === this.s.state.deadline) return;
    this.s.state.deadline = next;
    this.queue('submitter', 'deadline_changed', owedBySubmitter(this.s.state));
  }

  remindNow(): void {
    this.queue('submitter', 'reminder', owedBySubmitter(this.s.state));
  }

  cancel(reason: string): void {
    this.s.cancelled = true;
    if (reason) this.s.cancelReason = reason;
  }

  requestClose(): void {
    this.s.closeRequested = true;
  }

  /** Whether the run still waits: not cancelled, not closed by the cycle, before the hard close. */
  open(now: number): boolean {
    return !this.s.cancelled && !this.s.closeRequested && now < this.s.state.hardClose;
  }

  /** Past the loop: nothing more is accepted; a cancelled department tells its submitter. */
  close(): void {
    this.s.closed = true;
    if (this.s.cancelled) this.queue('submitter', 'cycle_cancelled', Object.values(this.s.state.items));
  }

  /** Something the wait must end for, besides the clock: a cancel, a close, all items done or no longer all done. */
  stopWaiting(): boolean {
    return this.s.cancelled || this.s.closeRequested || this.allDone() !== this.s.reportedDone;
  }

  /** The records to write now, taken off the queue. */
  takeRecords(): RecordCommandInput[] {
    return this.s.unrecorded.splice(0, this.s.unrecorded.length);
  }

  hasUnrecorded(): boolean {
    return this.s.unrecorded.length > 0;
  }

  /** Records PostgreSQL refused as data: their items are marked, and the bureau is told. */
  recordsRefused(refused: RefusedRecord[]): void {
    this.queue(
      'bureau',
      'record_refused',
      refused.map((r) => this.s.state.items[r.itemKey]),
      Object.fromEntries(refused.map((r) => [r.itemKey, r.error])),
    );
  }

  /** All done, or no longer all done, since the cycle was last told: the new answer, now counted as told. */
  doneToReport(): boolean | null {
    const done = this.allDone();
    if (done === this.s.reportedDone) return null;
    this.s.reportedDone = done;
    return done;
  }

  /** Queues what is due by the clock; of several points of one event overdue at once, only the latest is sent. */
  fireDueChases(now: number): void {
    const { state } = this.s;
    const fired = new Set(this.s.fired);
    const due = this.schedule().filter((p) => p.at <= now && !fired.has(chaseKey(p)));
    const latestByEvent = new Map(due.map((p) => [p.event, p]));
    this.s.fired.push(...due.map(chaseKey));
    for (const p of latestByEvent.values()) {
      const owed = owedBySubmitter(state);
      if (p.event === 'escalate_supervisor') this.queue('supervisor', p.event, owed);
      else if (p.event === 'escalate_bureau') this.queue('bureau', p.event, owed);
      else this.queue('submitter', p.event, owed);
    }
    const waiting = waitingForReview(state);
    if (waiting.length > 0 && this.nextReviewChaseAt() <= now) {
      this.s.lastReviewChaseAt = now;
      this.queue('supervisor', 'review_reminder', waiting);
    }
  }

  /** The next moment something is due by the clock: the hard close, a chase, a review reminder, a digest. */
  nextWakeAt(): number {
    const fired = new Set(this.s.fired);
    const nextChase = this.schedule().find((p) => !fired.has(chaseKey(p)))?.at ?? Infinity;
    return Math.min(this.s.state.hardClose, nextChase, this.nextReviewChaseAt(), this.s.digestDueAt ?? Infinity);
  }

  /** When the standing changes by the clock alone: the moment past the deadline at which owed items turn overdue. */
  standingChangesAt(now: number): number {
    const { state } = this.s;
    return owedBySubmitter(state).length > 0 && now <= state.deadline ? state.deadline + 1 : Infinity;
  }

  /** Queued notices go out now: none waits for a digest, or its window has passed. */
  noticesDue(now: number): boolean {
    return this.s.pending.length > 0 && (this.s.digestDueAt === null || this.s.digestDueAt <= now);
  }

  hasPendingNotices(): boolean {
    return this.s.pending.length > 0;
  }

  /**
   * Everything queued, as digests (one per audience and event, listing every
   * item concerned), numbered; the digest window starts again with the next
   * action. The specifications must have been read (for the items' titles).
   */
  takeNotices(now: number): NoticeInput[] {
    const { state } = this.s;
    const batch = this.s.pending.splice(0, this.s.pending.length);
    this.s.digestDueAt = null;
    const groups = new Map<string, PendingNotice & { warnings: NonNullable<PendingNotice['warnings']> }>();
    for (const n of batch) {
      const key = `${n.audience}/${n.event}`;
      const g = groups.get(key) ?? { audience: n.audience, event: n.event, itemKeys: [], reasons: {}, warnings: {} };
      g.itemKeys.push(...n.itemKeys.filter((k) => !g.itemKeys.includes(k)));
      Object.assign(g.reasons, n.reasons);
      Object.assign(g.warnings, n.warnings ?? {});
      groups.set(key, g);
    }
    return [...groups.values()].map((g) => {
      const seqKey = `${g.audience}/${g.event}`;
      const seq = (this.s.noticeSeq[seqKey] = (this.s.noticeSeq[seqKey] ?? 0) + 1);
      return {
        cycleId: state.cycleId,
        department: state.department,
        audience: g.audience,
        event: g.event,
        seq,
        deadline: state.deadline,
        at: now,
        ...(g.event === 'cycle_cancelled' && this.s.cancelReason ? { reason: this.s.cancelReason } : {}),
        items: g.itemKeys.map((k) => ({
          key: k,
          title: state.specs!.find((s) => s.key === k)!.title,
          status: state.items[k].status,
          ...(g.reasons[k] ? { reason: g.reasons[k] } : {}),
          ...(g.warnings[k]?.length ? { warnings: g.warnings[k] } : {}),
        })),
      };
    });
  }

  /** For the run's search attributes: items still owed come first, then those waiting for review. */
  standing(now: number): DepartmentStanding {
    const { state } = this.s;
    const owed = owedBySubmitter(state).length > 0;
    if (this.s.cancelled) return { phase: 'cancelled', overdue: false };
    if (this.s.closed) return { phase: 'closed', overdue: false };
    if (owed) return { phase: 'collecting', overdue: isOverdue(owed, state.deadline, now) };
    return { phase: this.allDone() ? 'done' : 'reviewing', overdue: false };
  }

  status(now: number): DepartmentStatus {
    return departmentStatus(this.s.state, now);
  }

  outcome(): DepartmentOutcome {
    const items = Object.values(this.s.state.items);
    return {
      department: this.s.state.department,
      total: items.length,
      done: items.filter((i) => isDone(this.s.state, i)).length,
      // Judged once the run is over (closed, done or cancelled): an item never submitted by then is missing.
      timeliness: timeliness(
        items.map((i) => i.firstSubmittedAt),
        this.s.state.deadline,
        'closed',
      ),
      cancelled: this.s.cancelled,
    };
  }

  private allDone(): boolean {
    return Object.values(this.s.state.items).every((i) => isDone(this.s.state, i));
  }

  private schedule() {
    return chasingSchedule(this.s.policy, this.s.state.deadline, this.s.state.hardClose);
  }

  private nextReviewChaseAt(): number {
    const waiting = waitingForReview(this.s.state);
    if (waiting.length === 0) return Infinity;
    const oldest = Math.min(...waiting.map((i) => i.lastSubmittedAt ?? Infinity));
    const first = oldest + durationMs(this.s.policy.reviewReminderAfter);
    const again =
      this.s.lastReviewChaseAt === null
        ? -Infinity
        : this.s.lastReviewChaseAt + durationMs(this.s.policy.reviewReminderEvery);
    return Math.max(first, again);
  }

  /** A notice that goes out with the next send, digest window or not. */
  private queue(
    audience: Audience,
    event: NoticeEvent,
    items: ItemState[],
    reasons: Record<string, string> = {},
  ): void {
    if (items.length > 0) this.s.pending.push({ audience, event, itemKeys: items.map((i) => i.key), reasons });
  }
}

/** Each item of a bulk approval is its own command, under its own request ID. */
export function bulkItemRequest(request: BulkApproveRequest, itemKey: string): ItemCommandRequest {
  return {
    requestId: `${request.requestId}/${itemKey}`,
    actor: request.actor,
    command: { type: 'review', itemKey, decision: 'approve' },
  };
}
