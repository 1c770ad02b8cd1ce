/**
 * The activities the cycle workflows call, as types only: workflows import
 * this contract, `activities/` implements it.
 */
import type { Localized } from '../plan/localized';
import type { Thresholds } from '../rules/thresholds';
import type { CycleDefinition } from './cycle-definition';
import type { CycleProblemInput } from './cycle-problem';
import type { Actor, Command, ItemState, ItemStatus } from './department-state';
import type { Timeliness } from './timeliness';
import type { NoticeEnd } from './notice-standing';
import type { ReopenedDepartment } from './reopen';
import type { PlanYears, Submission, WorkItemSpec } from './submission';

export type NoticeEvent =
  /** The report's review (征求意见): each department's part, its chases, the final version. */
  | 'comment_request'
  | 'comment_reminder'
  | 'comment_overdue'
  | 'comment_escalate_supervisor'
  | 'comment_escalate_bureau'
  | 'report_final'
  | 'assignment'
  | 'contribution_request'
  | 'reminder'
  | 'overdue'
  | 'escalate_supervisor'
  | 'escalate_bureau'
  | 'submitted_for_review'
  | 'review_reminder'
  | 'rejected'
  | 'approved'
  | 'reopened'
  | 'deadline_changed'
  | 'record_refused'
  /** To the bureau: a step of a cycle stopped after its activity's retries ran out, waiting for its retry. */
  | 'activity_failed'
  | 'cycle_cancelled'
  | 'report_ready'
  /** A target adjustment's approval (动态调整修订): to the lead department's supervisor, the approver, the bureau. */
  | 'adjustment_proposed'
  | 'adjustment_for_approval'
  | 'adjustment_returned'
  | 'adjustment_approved';

/** `approver`: the government office approving what the bureau puts to it (an account with that role). */
export type Audience = 'submitter' | 'supervisor' | 'bureau' | 'approver';

export interface NoticeItem {
  key: string;
  title: string;
  status: ItemStatus;
  reason?: string;
  /**
   * Data-quality warnings on the submitted value, for the supervisor to weigh,
   * in both languages (plain Chinese in notices queued before they were).
   */
  warnings?: Array<Localized | string>;
}

export interface NoticeInput {
  cycleId: string;
  /** The department the notice is about (its contacts receive it unless the audience is the bureau). */
  department: string;
  audience: Audience;
  event: NoticeEvent;
  /** Counts notices of this event to this audience: with the rest, the outbox key. */
  seq: number;
  items: NoticeItem[];
  deadline: number;
  /** Workflow time of the notice: whose delegation is in force is decided at this instant. */
  at: number;
  /** For report_ready: where the report is. */
  reportPath?: string;
  /** Why the bureau did it, in its words (cycle_cancelled). */
  reason?: string;
  /** The report's findings that name the department (a comment request). */
  findings?: string[];
}

export interface NoticeResult {
  /** `dropped`: every item it was about had moved on when it was composed or sent; nothing went out. */
  status: NoticeEnd | 'already_sent';
  recipient: string;
}

export interface RecordCommandInput {
  cycleId: string;
  department: string;
  requestId: string;
  actor: Actor;
  command: Command;
  at: number;
  statusBefore: ItemStatus;
  statusAfter: ItemStatus;
  /**
   * The item's version before the command: with statusBefore, the audit entry's "before", as the workflow saw
   * it. Absent from the records of histories written before it was added (only a fresh answer's is read).
   */
  versionBefore?: number;
  /** The item's version after the command (the one a submission became, the one a review approved). */
  version: number;
  submission: Submission | null;
}

/** A record PostgreSQL refused as data: which command, and PostgreSQL's words. */
export interface RefusedRecord {
  requestId: string;
  itemKey: string;
  error: string;
}

export interface DepartmentOutcome {
  department: string;
  total: number;
  done: number;
  timeliness: Timeliness;
  cancelled: boolean;
}

export interface PreparedCycle {
  /**
   * Lead departments, by code: one child workflow each. Their item keys are
   * read a batch of departments at a time (`leadItemKeys`): all of them in this
   * one result would pass Temporal's 2 MB payload limit from about 118,000
   * items (1.69 MB at 100,000 in the bench's scale run).
   */
  departments: string[];
  itemCount: number;
  /** The plan's period and the thresholds, as saved with the cycle at launch. */
  years: PlanYears;
  thresholds: Thresholds;
  /** Co-operating departments and the items they contribute to: each gets one request digest. */
  contributors: Array<{ department: string; items: Array<{ key: string; title: string }> }>;
}

export interface CycleClosing {
  reportPath: string;
  contentHash: string;
  version: number;
}

/** A closed cycle taken back by a reopen: the departments concerned and the outcomes of the last close. */
export interface ReopenedCycle {
  departments: ReopenedDepartment[];
  /** As saved with the cycle at launch: a reopen judges by what the first close did. */
  years: PlanYears;
  thresholds: Thresholds;
  /** The outcomes the latest report was compiled with: the departments not reopened keep them. */
  previousOutcomes: DepartmentOutcome[];
}

/** A department's items as PostgreSQL holds them, for a run that continues a closed cycle. */
export interface RestoredDepartment {
  specs: WorkItemSpec[];
  items: ItemState[];
  /** The highest outbox seq already used per `audience/event`, so the new run never reuses one. */
  noticeSeq: Record<string, number>;
}

/** The assignment notices of a batch of departments the cycle has just started. */
export interface AssignmentNoticesInput {
  cycleId: string;
  departments: string[];
  /** The cycle's deadline and the workflow time of the notices, as a notice carries them. */
  deadline: number;
  at: number;
}

export interface CycleActivities {
  prepareCycle(input: { cycleId: string; definition: CycleDefinition }): Promise<PreparedCycle>;
  /** Each of a batch of lead departments' item keys, in catalog order: the cycle starts the departments with them. */
  leadItemKeys(input: { cycleId: string; departments: string[] }): Promise<Record<string, string[]>>;
  /** The specifications of the items a department leads, read when it first needs them (a command, a notice). */
  loadDepartmentItems(input: { cycleId: string; department: string }): Promise<WorkItemSpec[]>;
  /** Sends each department its assignment notice (seq 1); fails, to be retried, while any could not go out. */
  sendAssignmentNotices(input: AssignmentNoticesInput): Promise<void>;
  /**
   * Writes answered commands' records. One PostgreSQL refuses as data (it can
   * never be written) is not retried: its item is marked as needing attention
   * and it comes back here, for the workflow to tell the bureau.
   */
  recordCommands(inputs: RecordCommandInput[]): Promise<RefusedRecord[]>;
  /** Writes the notice into the outbox and waits until the mail relay has sent it (or found it undeliverable). */
  sendNotice(input: NoticeInput): Promise<NoticeResult>;
  closeCycle(input: { cycleId: string; outcomes: DepartmentOutcome[]; cancelled: boolean }): Promise<CycleClosing>;
  /** Marks a closed cycle running again and says which departments the reopened items belong to. */
  reopenCycle(input: {
    cycleId: string;
    itemKeys: string[];
    deadline?: string;
    hardClose?: string;
  }): Promise<ReopenedCycle>;
  restoreDepartment(input: { cycleId: string; department: string; itemKeys: string[] }): Promise<RestoredDepartment>;
  /**
   * Records a step stopped after its retries ran out (once per run and stop)
   * and queues the bureau's notice of it; answers the problem's id, which the bureau's retry names.
   */
  recordCycleProblem(input: CycleProblemInput): Promise<number>;
}
