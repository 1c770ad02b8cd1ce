/**
 * The work items of one department in one cycle, and the commands people send
 * them, as pure functions: `checkCommand` refuses what is not allowed (the
 * workflow's update validators call it), `applyCommand` changes the state and
 * says which notice follows. No I/O, no clock: `now` is passed in.
 */
import type { Localized } from '../plan/localized';
import type { Thresholds } from '../rules/thresholds';
import { describeTextProblem, unstorableText } from '../common/storable-text';
import { checkSubmission, type PlanYears, type Submission, type WorkItemSpec } from './submission';
import { checkSubmissionShape, COMMAND_TEXT_MAX } from './submission-shape';

export const ITEM_STATUSES = ['assigned', 'draft', 'submitted', 'returned', 'approved', 'accepted'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_STATUS_LABELS: Record<ItemStatus, Localized> = {
  assigned: { zh: '待填报', en: 'to do' },
  draft: { zh: '草稿', en: 'draft' },
  submitted: { zh: '待审核', en: 'waiting for review' },
  returned: { zh: '已退回', en: 'returned' },
  approved: { zh: '已审核', en: 'approved' },
  accepted: { zh: '已验收', en: 'accepted' },
};

export interface Actor {
  /** Email of the person acting (or acting for, under a delegation). */
  id: string;
  name: string;
  role: 'submitter' | 'supervisor' | 'bureau';
  /** Department code; the bureau acts for every department. */
  department: string;
}

export interface ItemState {
  key: string;
  status: ItemStatus;
  /** Submitted versions so far; each submission is a new, kept version. */
  version: number;
  draft: Submission | null;
  firstSubmittedAt: number | null;
  lastSubmittedAt: number | null;
  doneAt: number | null;
  rejections: number;
  contributions: Array<{ department: string; by: string; text: string; at: number }>;
  /**
   * Who submitted the current version (the actor's email, lower-cased), so that
   * they never review it themselves. Absent in states recorded before it was kept.
   */
  submittedBy?: string;
}

export interface DepartmentState {
  cycleId: string;
  department: string;
  years: PlanYears;
  deadline: number;
  hardClose: number;
  requireBureauAcceptance: boolean;
  /** The cycle's thresholds as launched: "behind the path" means here what it means in the cycle's report. */
  thresholds: Thresholds;
  /**
   * The items' specifications (targets, co-operating departments, titles).
   * Absent in a department the cycle assigned, until the workflow first needs
   * them (a command, a notice) and reads them: at launch it holds keys only.
   */
  specs?: WorkItemSpec[];
  items: Record<string, ItemState>;
}

export type Command =
  | { type: 'save_draft'; itemKey: string; submission: Submission }
  | { type: 'submit'; itemKey: string; submission: Submission }
  | { type: 'review'; itemKey: string; decision: 'approve' | 'reject'; reason?: string }
  | { type: 'accept'; itemKey: string; decision: 'approve' | 'reject'; reason?: string }
  | { type: 'reopen'; itemKey: string; reason: string }
  | { type: 'contribute'; itemKey: string; text: string };

/** Which notice a change calls for, sent as a digest by the workflow. */
export type CommandNotice = {
  event: 'submitted_for_review' | 'rejected' | 'approved' | 'reopened';
  itemKey: string;
  reason?: string;
} | null;

export function initialItem(key: string): ItemState {
  return {
    key,
    status: 'assigned',
    version: 0,
    draft: null,
    firstSubmittedAt: null,
    lastSubmittedAt: null,
    doneAt: null,
    rejections: 0,
    contributions: [],
  };
}

export function isDone(state: DepartmentState, item: ItemState): boolean {
  return state.requireBureauAcceptance
    ? item.status === 'accepted'
    : item.status === 'approved' || item.status === 'accepted';
}

/** The states in which the submitter still owes an item: never submitted, or returned to them. */
export const OWED_BY_SUBMITTER: ReadonlySet<string> = new Set<ItemStatus>(['assigned', 'draft', 'returned']);

/** Items the submitter still owes. */
export function owedBySubmitter(state: DepartmentState): ItemState[] {
  return Object.values(state.items).filter((i) => OWED_BY_SUBMITTER.has(i.status));
}

export function waitingForReview(state: DepartmentState): ItemState[] {
  return Object.values(state.items).filter((i) => i.status === 'submitted');
}

const fail = (zh: string, en: string): Localized => ({ zh, en });

/**
 * What a command holds beyond its item: a submission of its kind's fields, texts
 * of a sensible length, nothing PostgreSQL would refuse. A record refused as data
 * would otherwise fail a department's write on every retry.
 */
function shapeProblem(command: Command): Localized | null {
  const errors =
    'submission' in command
      ? checkSubmissionShape(command.submission)
      : unstorableText(command).map((p) => describeTextProblem(p));
  const text =
    command.type === 'contribute'
      ? { field: 'text', value: command.text, max: COMMAND_TEXT_MAX.text }
      : 'reason' in command
        ? { field: 'reason', value: command.reason, max: COMMAND_TEXT_MAX.reason }
        : null;
  if (errors.length === 0 && typeof text?.value === 'string' && text.value.length > text.max) {
    errors.push({
      zh: `${text.field} 过长：最多 ${text.max} 个字符`,
      en: `${text.field} is too long: at most ${text.max} characters`,
    });
  }
  return errors.length ? { zh: errors.map((e) => e.zh).join('；'), en: errors.map((e) => e.en).join('; ') } : null;
}

/**
 * Four eyes: whoever submitted a version (a delegate included, acting under any
 * role) does not review or accept it, whatever delegations say.
 */
const isOwnSubmission = (item: ItemState, actor: Actor): boolean =>
  item.submittedBy !== undefined && item.submittedBy === actor.id.toLowerCase();
const OWN_SUBMISSION = fail(
  '您提交了此版本，不能再审核它：请由本部门其他审核人或统计局审核',
  'you submitted this version, so someone else must review it (another supervisor or the bureau)',
);

/**
 * Null when the command may be applied; otherwise why not, in words the person
 * can act on. Before the specifications are read, what depends on them (the
 * submission's content, who co-operates) is checked against the item's own
 * specification when the command carries it (`carried`), and otherwise passes
 * here: the workflow checks the command again once it has read them, before applying it.
 */
export function checkCommand(
  state: DepartmentState,
  command: Command,
  actor: Actor,
  closed: boolean,
  carried?: WorkItemSpec,
): Localized | null {
  if (closed) return fail('本轮评估已结束，不能再修改', 'this cycle is closed; nothing can be changed');
  const shape = shapeProblem(command);
  if (shape) return shape;
  const item = state.items[command.itemKey];
  const spec = itemSpec(state, command.itemKey, carried);
  if (!item || (state.specs && !spec))
    return fail(`本部门没有事项“${command.itemKey}”`, `this department has no item "${command.itemKey}"`);
  const own = actor.department === state.department;
  const bureau = actor.role === 'bureau';

  switch (command.type) {
    case 'save_draft':
    case 'submit': {
      if (!(own && actor.role === 'submitter') && !bureau)
        return fail('只有本部门填报人可以填报此事项', 'only this department’s submitter can fill in this item');
      if (item.status === 'submitted')
        return fail('此事项已提交，正在等待审核', 'this item is already submitted and waiting for review');
      if (item.status === 'accepted')
        return fail('此事项已验收，如需修改请联系统计局重新打开', 'this item is accepted; ask the bureau to reopen it');
      if (command.type === 'save_draft' || !spec) return null;
      const check = checkSubmission(spec, command.submission, state.years, state.thresholds);
      return check.ok
        ? null
        : { zh: check.errors.map((e) => e.zh).join('；'), en: check.errors.map((e) => e.en).join('; ') };
    }
    case 'review':
      if (!(own && actor.role === 'supervisor') && !bureau)
        return fail('只有本部门审核人可以审核此事项', 'only this department’s supervisor can review this item');
      if (item.status !== 'submitted')
        return fail(
          `此事项当前为“${ITEM_STATUS_LABELS[item.status].zh}”，不在待审核状态`,
          `this item is ${ITEM_STATUS_LABELS[item.status].en}, not waiting for review`,
        );
      if (isOwnSubmission(item, actor)) return OWN_SUBMISSION;
      if (command.decision === 'reject' && !command.reason?.trim())
        return fail('退回时请写明原因', 'give a reason when rejecting');
      return null;
    case 'accept':
      if (!bureau) return fail('只有统计局可以验收', 'only the bureau accepts');
      if (!state.requireBureauAcceptance)
        return fail('本轮评估不需要统计局验收', 'this cycle has no bureau acceptance');
      if (item.status !== 'approved')
        return fail('此事项尚未通过部门审核', 'this item has not been approved by its supervisor');
      if (isOwnSubmission(item, actor)) return OWN_SUBMISSION;
      if (command.decision === 'reject' && !command.reason?.trim())
        return fail('退回时请写明原因', 'give a reason when rejecting');
      return null;
    case 'reopen':
      if (!bureau) return fail('只有统计局可以重新打开事项', 'only the bureau reopens items');
      if (item.status !== 'approved' && item.status !== 'accepted')
        return fail('只能重新打开已审核的事项', 'only approved items can be reopened');
      if (!command.reason.trim()) return fail('请写明重新打开的原因', 'give a reason for reopening');
      return null;
    case 'contribute':
      if (spec && !spec.coDepartments.includes(actor.department))
        return fail('只有配合单位可以提供材料', 'only co-operating departments contribute');
      // As the email link says once the item is done: the approved figure no longer waits for input.
      if (isDone(state, item))
        return fail(
          '此事项已审核通过，不再需要配合材料；如需补充请联系牵头单位',
          'this item is already approved and takes no more contributions; contact the lead department',
        );
      if (!command.text.trim()) return fail('请填写提供的情况', 'write the contribution');
      return null;
  }
}

/**
 * The item's specification: from the department's, once read; before that, the
 * one a command carried for its own item (read by the sender from the same row).
 */
export function itemSpec(state: DepartmentState, itemKey: string, carried?: WorkItemSpec): WorkItemSpec | undefined {
  if (state.specs) return state.specs.find((s) => s.key === itemKey);
  return carried?.key === itemKey ? carried : undefined;
}

/** Whether checking or applying the command needs its item's specification: a submission's content, who co-operates. */
export const dependsOnSpec = (command: Command) => command.type === 'submit' || command.type === 'contribute';

/** Applies a checked command; returns the notice it calls for. */
export function applyCommand(state: DepartmentState, command: Command, actor: Actor, now: number): CommandNotice {
  const item = state.items[command.itemKey];
  switch (command.type) {
    case 'save_draft':
      item.draft = command.submission;
      if (item.status === 'assigned') item.status = 'draft';
      return null;
    case 'submit':
      // A changed submission after approval needs approval again: it becomes a new version under review.
      item.draft = command.submission;
      item.version += 1;
      item.status = 'submitted';
      item.firstSubmittedAt ??= now;
      item.lastSubmittedAt = now;
      item.doneAt = null;
      item.submittedBy = actor.id.toLowerCase();
      return { event: 'submitted_for_review', itemKey: item.key };
    case 'review':
    case 'accept':
      if (command.decision === 'reject') {
        // The draft stays with the item, so the submitter corrects rather than starts over.
        item.status = 'returned';
        item.rejections += 1;
        return { event: 'rejected', itemKey: item.key, reason: command.reason };
      }
      item.status = command.type === 'accept' ? 'accepted' : 'approved';
      if (isDone(state, item)) item.doneAt = now;
      return command.type === 'review' ? { event: 'approved', itemKey: item.key } : null;
    case 'reopen':
      item.status = 'returned';
      item.doneAt = null;
      return { event: 'reopened', itemKey: item.key, reason: command.reason };
    case 'contribute':
      item.contributions.push({ department: actor.department, by: actor.id, text: command.text, at: now });
      return null;
  }
}

export interface DepartmentStatus {
  department: string;
  deadline: number;
  counts: Record<ItemStatus, number>;
  total: number;
  done: number;
  overdue: string[];
  /** What co-operating departments contributed, for the lead to see before submitting. */
  contributions: Array<{ itemKey: string; department: string; text: string; at: number }>;
}

export function departmentStatus(state: DepartmentState, now: number): DepartmentStatus {
  const counts: Record<ItemStatus, number> = {
    assigned: 0,
    draft: 0,
    submitted: 0,
    returned: 0,
    approved: 0,
    accepted: 0,
  };
  const items = Object.values(state.items);
  for (const i of items) counts[i.status]++;
  return {
    department: state.department,
    deadline: state.deadline,
    counts,
    total: items.length,
    done: items.filter((i) => isDone(state, i)).length,
    overdue: now > state.deadline ? owedBySubmitter(state).map((i) => i.key) : [],
    contributions: items.flatMap((i) =>
      i.contributions.map((c) => ({ itemKey: i.key, department: c.department, text: c.text, at: c.at })),
    ),
  };
}
