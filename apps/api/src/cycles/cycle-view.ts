/**
 * A cycle as the API answers it (its row without the launch request), described
 * for the OpenAPI document so that the portal's `Cycle` type is generated from it.
 */
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { CYCLE_KINDS, CYCLE_STATUSES, type CycleKind, type CycleStatus } from '@libs/cycle/cycle-definition';
import { ITEM_STATUSES, type ItemStatus } from '@libs/cycle/department-state';
import { NOTICE_STATUSES, type NoticeStatus } from '@libs/cycle/notice-standing';
import type { PlannedReminder } from '@libs/mail/reminder-plan';
import type { EvaluationCycle } from '@libs/persistence/entities';
import type { NoticeRecord } from '@libs/persistence/repositories/outbox.repository';
import { PageOf } from '../common/page-view';

export class CycleView implements Omit<EvaluationCycle, 'definition'> {
  @ApiProperty({ example: 'cycle/heyuan-public-services-2021-2025/annual/2023' })
  id: string;

  @ApiProperty({ example: 'heyuan-public-services-2021-2025' })
  planCode: string;

  @ApiProperty({ enum: CYCLE_KINDS })
  kind: CycleKind;

  @ApiProperty({ example: 2023 })
  fromYear: number;

  @ApiProperty({ example: 2023 })
  toYear: number;

  @ApiProperty({ type: String, format: 'date-time' })
  deadline: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  hardClose: Date;

  @ApiProperty({
    description: 'departments’ own extensions: department code → deadline',
    additionalProperties: { type: 'string', format: 'date-time' },
  })
  departmentDeadlines: Record<string, string>;

  @ApiProperty({ enum: CYCLE_STATUSES })
  status: CycleStatus;

  @ApiProperty({ type: String, format: 'date-time' })
  launchedAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: Date | null;
}

export class CyclePage extends PageOf(CycleView) {}

export class DepartmentStateCountView {
  @ApiProperty({ example: 'city-education' })
  department: string;

  @ApiProperty({ enum: ITEM_STATUSES })
  status: ItemStatus;

  @ApiProperty()
  items: number;
}

export class CycleStatusView {
  @ApiProperty()
  cycle: CycleView;

  @ApiProperty({ type: [DepartmentStateCountView] })
  byDepartment: DepartmentStateCountView[];
}

export class LaunchedView {
  @ApiProperty({ example: 'cycle/heyuan-public-services-2021-2025/annual/2023' })
  cycleId: string;

  @ApiProperty({ description: 'lead departments started' })
  departments: number;

  @ApiProperty({ description: 'work items written' })
  items: number;
}

/**
 * Each item status (ITEM_STATUSES) with its count. `every`: all statuses present, else those with items;
 * `optional`: the field itself may be absent (a decorator's own `required` would replace the statuses' list).
 */
export const statusCounts = (every: boolean, optional = false): ApiPropertyOptions => ({
  type: 'object',
  properties: Object.fromEntries(ITEM_STATUSES.map((s) => [s, { type: 'integer' }])),
  additionalProperties: false,
  ...(every ? { required: [...ITEM_STATUSES] } : {}),
  selfRequired: !optional,
});

class LiveDepartmentView {
  @ApiProperty({ example: 'city-education' })
  department: string;

  @ApiProperty({
    description: 'running; or starting while the cycle has named it and its workflow has not started (then alone)',
  })
  phase: string;

  @ApiPropertyOptional({ description: 'its deadline in force, epoch milliseconds' })
  deadline?: number;

  @ApiProperty(statusCounts(true, true))
  counts?: Record<ItemStatus, number>;

  @ApiPropertyOptional()
  total?: number;

  @ApiPropertyOptional({ description: 'items approved or accepted' })
  done?: number;

  @ApiPropertyOptional({ type: [String], description: 'item keys past the deadline' })
  overdue?: string[];
}

class LiveOverdueView {
  @ApiProperty({ example: 'city-education' })
  department: string;

  @ApiProperty({ example: 'indicator-5' })
  itemKey: string;
}

/** The running workflows' own state; a cycle no longer running answers only its phase (closed) and status. */
export class LiveView {
  @ApiProperty({ description: 'preparing, collecting, closing or closed' })
  phase: string;

  @ApiPropertyOptional({ enum: CYCLE_STATUSES, description: 'a cycle no longer running: its status' })
  status?: CycleStatus;

  @ApiProperty(statusCounts(true, true))
  counts?: Record<ItemStatus, number>;

  @ApiPropertyOptional({ type: [LiveDepartmentView] })
  departments?: LiveDepartmentView[];

  @ApiPropertyOptional({ type: [LiveOverdueView] })
  overdue?: LiveOverdueView[];
}

export class ExtendedView {
  @ApiProperty()
  cycleId: string;

  @ApiProperty({ description: 'the new deadline as sent' })
  deadline: string;

  @ApiProperty({ type: String, nullable: true, description: 'the one department extended; null: all' })
  department: string | null;
}

class ReminderRecipientView {
  @ApiProperty()
  name: string;

  @ApiProperty()
  email: string;
}

class PlannedReminderView implements PlannedReminder {
  @ApiProperty({ example: 'city-education' })
  department: string;

  @ApiProperty({ example: '市教育局' })
  departmentName: string;

  @ApiProperty({ example: 'Municipal Education Bureau' })
  departmentNameEn: string;

  @ApiProperty({
    type: ReminderRecipientView,
    nullable: true,
    description: 'the submitter or the delegate in force; null: no submitter, the reminder cannot be sent',
  })
  recipient: ReminderRecipientView | null;

  @ApiProperty({ description: 'items the submitter still owes' })
  items: number;

  @ApiProperty({ description: 'its assignment has not gone yet: the reminder follows it' })
  afterAssignment: boolean;
}

export class RemindedView {
  @ApiProperty()
  cycleId: string;

  @ApiProperty({ type: String, nullable: true, description: 'the one department reminded; null: all that owe items' })
  department: string | null;

  @ApiProperty({ type: [PlannedReminderView] })
  reminders: PlannedReminderView[];

  @ApiProperty({ format: 'date-time', description: 'by when the mail leaves (the digest window)' })
  leavesBy: string;

  @ApiProperty({ description: 'what was done, in the caller’s language (Accept-Language)' })
  message: string;

  @ApiProperty()
  messageEn: string;
}

export class CancelledView {
  @ApiProperty()
  cycleId: string;

  @ApiProperty({ enum: [true] })
  cancelled: true;
}

export class NoticeView implements NoticeRecord {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'city-education' })
  department: string;

  @ApiProperty({ description: 'the role it is written to (submitter, supervisor, …)' })
  audience: string;

  @ApiProperty({ description: 'the address it goes to' })
  recipient: string;

  @ApiProperty({ description: 'what it is about (assignment, reminder, digest, …)' })
  event: string;

  @ApiProperty({ description: 'its number within the department’s run' })
  seq: number;

  @ApiProperty()
  subject: string;

  @ApiProperty({ type: [String] })
  itemKeys: string[];

  @ApiProperty({ enum: NOTICE_STATUSES })
  status: NoticeStatus;

  @ApiProperty({ type: [String], description: 'items left out: no longer in the state the notice is about' })
  droppedItems: string[];

  @ApiProperty({ type: String, nullable: true, enum: ['moved_on'], description: 'why a dropped notice was not sent' })
  dropReason: 'moved_on' | null;

  @ApiProperty()
  attempts: number;

  @ApiProperty({ type: String, nullable: true, description: 'the mail server’s last refusal' })
  error: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: Date | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the bureau’s resend request; null for the workflows’ notices',
  })
  requestId: string | null;
}

export class NoticePage extends PageOf(NoticeView) {}

export class ResentView {
  @ApiProperty({ format: 'uuid', description: 'the new notice' })
  noticeId: string;

  @ApiProperty({ format: 'uuid' })
  resendOf: string;

  @ApiProperty({ description: 'whoever holds the role now' })
  recipient: string;

  @ApiProperty({ type: [String], description: 'those of its items still waiting' })
  itemKeys: string[];

  @ApiProperty({ enum: NOTICE_STATUSES })
  status: NoticeStatus;
}
