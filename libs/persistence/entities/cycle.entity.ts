import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { CycleKind, CycleStatus, WorkItemKind } from '../../cycle/cycle-definition';
import type { ItemStatus } from '../../cycle/department-state';
import type { NoticeStatus } from '../../cycle/notice-standing';
import type { QueuedMessage } from '../../mail/mailer';

/** Why an item needs the bureau's attention: its record could not be stored. */
export interface ItemAttention {
  reason: 'record_refused';
  requestId: string;
  command: string;
  error: string;
  at: string;
}

/** A launched cycle; its ID is the workflow ID (`cycle/<plan>/<kind>/<period>`). */
@Entity('evaluation_cycle')
export class EvaluationCycle {
  @PrimaryColumn()
  id: string;

  @Column({ name: 'plan_code' })
  planCode: string;

  @Column({ type: 'varchar' })
  kind: CycleKind;

  @Column({ name: 'from_year', type: 'int' })
  fromYear: number;

  @Column({ name: 'to_year', type: 'int' })
  toYear: number;

  @Column({ type: 'timestamptz' })
  deadline: Date;

  @Column({ name: 'hard_close', type: 'timestamptz' })
  hardClose: Date;

  /** Departments' own extensions (code → ISO time); a cycle-wide extension moves `deadline` and clears them. */
  @Column({ name: 'department_deadlines', type: 'jsonb', default: {} })
  departmentDeadlines: Record<string, string>;

  /** The launch request as given: policy, item kinds, group resolution. */
  @Column({ type: 'jsonb' })
  definition: unknown;

  @Column({ type: 'varchar', default: 'running' })
  status: CycleStatus;

  @CreateDateColumn({ name: 'launched_at', type: 'timestamptz' })
  launchedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}

/** One item of one cycle, owned by its lead department. */
@Entity('work_item')
@Unique(['cycleId', 'itemKey'])
@Index(['cycleId', 'department'])
export class WorkItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cycle_id' })
  cycleId: string;

  @Column({ name: 'item_key' })
  itemKey: string;

  @Column({ name: 'item_kind', type: 'varchar' })
  itemKind: WorkItemKind;

  @Column({ name: 'item_no', type: 'int' })
  itemNo: number;

  @Column()
  title: string;

  /** Lead department code. */
  @Column()
  department: string;

  @Column({ name: 'co_departments', type: 'text', array: true, default: '{}' })
  coDepartments: string[];

  /** What the workflow needs to check submissions (unit, parsed target, …). */
  @Column({ type: 'jsonb' })
  spec: unknown;

  @Column({ type: 'varchar', default: 'assigned' })
  status: ItemStatus;

  @Column({ type: 'int', default: 0 })
  version: number;

  /** Set when PostgreSQL refused one of the item's records as data: what and when, for the bureau to deal with. */
  @Column({ type: 'jsonb', nullable: true })
  attention: ItemAttention | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Every submitted version of an item, kept: value, narrative and evidence as one package. */
@Entity('submission_version')
@Unique(['cycleId', 'itemKey', 'version'])
export class SubmissionVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cycle_id' })
  cycleId: string;

  @Column({ name: 'item_key' })
  itemKey: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  payload: unknown;

  @Column({ name: 'submitted_by' })
  submittedBy: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  /** Set when a supervisor approves this version (and, with bureau acceptance, when accepted). */
  @Column({ name: 'approved_by', type: 'varchar', nullable: true })
  approvedBy: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;
}

/** The audit trail: every command applied to an item, once per request ID. */
@Entity('item_event')
@Index(['cycleId', 'itemKey'])
export class ItemEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'request_id', unique: true })
  requestId: string;

  @Column({ name: 'cycle_id' })
  cycleId: string;

  @Column({ name: 'item_key' })
  itemKey: string;

  @Column()
  type: string;

  @Column({ type: 'jsonb' })
  actor: unknown;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'status_before' })
  statusBefore: string;

  @Column({ name: 'status_after' })
  statusAfter: string;

  @Column({ type: 'jsonb' })
  detail: unknown;
}

/**
 * The mail outbox: a notice is written with its message by the workflow's
 * activity and sent by the mail relay (apps/mail-relay), the only process
 * that speaks SMTP, so neither a retried activity nor a killed worker sends it twice.
 * Every insert statement announces itself on `notice_queued` (a trigger,
 * migration NoticeQueuedNotify), which the relay listens to.
 */
@Entity('notice')
@Unique(['cycleId', 'department', 'recipient', 'event', 'seq'])
export class Notice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cycle_id' })
  cycleId: string;

  @Column()
  department: string;

  @Column()
  audience: string;

  @Column()
  recipient: string;

  @Column()
  event: string;

  @Column({ type: 'int' })
  seq: number;

  @Column()
  subject: string;

  @Column({ name: 'item_keys', type: 'text', array: true, default: '{}' })
  itemKeys: string[];

  /** `dropped`: see `dropReason`. */
  @Column({ type: 'varchar', default: 'pending' })
  status: NoticeStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'message_id', type: 'varchar', nullable: true })
  messageId: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** Items left out when it was composed or sent: no longer in the state the notice is about. */
  @Column({ name: 'dropped_items', type: 'text', array: true, default: '{}' })
  droppedItems: string[];

  /** Why a `dropped` notice was not sent: `moved_on`, every item it was about had moved on. */
  @Column({ name: 'drop_reason', type: 'varchar', nullable: true })
  dropReason: 'moved_on' | null;

  /** What the relay sends (absent on notices written before the relay); stored lz4-compressed (migration CompressNoticeMessagesWithLz4). */
  @Column({ type: 'jsonb', nullable: true })
  message: QueuedMessage | null;

  @Index('IDX_notice_due', { where: `status = 'pending'` })
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** The API request that wrote a resend (the bureau's); null for the workflows' notices, keyed by seq. */
  @Column({ name: 'request_id', type: 'varchar', nullable: true, unique: true })
  requestId: string | null;

  /** A relay's lease on the notice while it sends it. */
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;
}

/** A compiled report; recompiling after a reopen adds a version and keeps the old. */
@Entity('cycle_report')
@Unique(['cycleId', 'version'])
export class CycleReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cycle_id' })
  cycleId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'content_hash' })
  contentHash: string;

  @Column()
  path: string;

  @Column({ type: 'jsonb' })
  timeliness: unknown;

  /** 征求意见稿 (every version a close compiles) or 定稿 (the review's final version). */
  @Column({ type: 'varchar', default: 'draft' })
  stage: 'draft' | 'final';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
