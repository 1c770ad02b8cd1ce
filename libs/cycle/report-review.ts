/**
 * The report's review after a cycle closes (征求意见 → 定稿 → 审批): what the
 * review knows and how each command changes it, as a plain class the review
 * workflow drives (workflows/report-review.workflow.ts). `refusal` says why a
 * command may not be taken (the Update's validator asks it), `apply` takes
 * it; each request ID is taken once and answered the same way again. No I/O,
 * no clock: the time is passed in. `snapshot()` is everything the review
 * knows, and the input of its next run after continue-as-new.
 */
import type { Localized } from '../plan/localized';
import { textProblemOf } from '../common/storable-text';
import { chaseKey, chasingSchedule, type ChaseEvent } from './chasing-schedule';
import type { ChasingPolicy } from './cycle-definition';
import type { Actor } from './department-state';
import { durationMs } from './duration';

export const REVIEW_STAGES = [
  /** Out for comments (征求意见稿): comments, answers, disputes, finalising. */
  'commenting',
  /** A dispute was granted: the cycle reruns for the item and recompiles; comments continue on the old version. */
  'recompiling',
  /** 定稿 taken: the final version is being compiled. */
  'finalising',
  /** The final version waits for the approver. */
  'awaiting_approval',
  /** Approved (or no approval asked): the final version is being mailed to every department. */
  'approved',
  /** Every department has the final version. */
  'completed',
] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export const REVIEW_COMMENT_KINDS = ['comment', 'no_comment', 'assessment', 'dispute'] as const;
export type ReviewCommentKind = (typeof REVIEW_COMMENT_KINDS)[number];

/** How the bureau answered a comment (accepted / not accepted) or a dispute (granted / refused). */
export const REVIEW_ANSWERS = ['accepted', 'not_accepted', 'granted', 'refused'] as const;
export type ReviewAnswer = (typeof REVIEW_ANSWERS)[number];

/**
 * The parts of the report a comment can be about besides one item: its
 * chapters, by the keys the report's outline gives them.
 */
export const REVIEW_SECTIONS = [
  'summary',
  'indicators',
  'targets',
  'tasks',
  'projects',
  'reserve_projects',
  'service_items',
  'timeliness',
  'problems',
  'recommendations',
  'adjustments',
] as const;
export type ReviewSection = (typeof REVIEW_SECTIONS)[number];

/** Who acts in a review: the bureau, a department's people, the third-party evaluator, the approving office. */
export interface ReviewActor {
  id: string;
  name: string;
  role: 'bureau' | 'submitter' | 'supervisor' | 'evaluator' | 'approver';
  /** The department's code; null for the bureau, the evaluator and the approver. */
  department: string | null;
}

export type ReviewCommand =
  | { type: 'comment'; itemKey?: string; section?: ReviewSection; text: string }
  | { type: 'no_comment' }
  | { type: 'answer'; commentId: string; accepted: boolean; reason?: string }
  | { type: 'dispute'; itemKey: string; reason: string }
  | { type: 'decide_dispute'; disputeId: string; granted: boolean; reason?: string }
  | { type: 'finalise' }
  | { type: 'approve' }
  | { type: 'return'; reason: string };

export interface ReviewRequest {
  /** The comment's or dispute's ID when it makes one; the same request twice is taken once. */
  requestId: string;
  actor: ReviewActor;
  command: ReviewCommand;
}

export interface ReviewComment {
  id: string;
  kind: ReviewCommentKind;
  /** The department it comes from; null for the evaluator's assessment. */
  department: string | null;
  author: ReviewActor;
  itemKey: string | null;
  section: ReviewSection | null;
  text: string;
  /** The draft version it was made on. */
  version: number;
  at: number;
  answer: { answer: ReviewAnswer; reason: string | null; by: ReviewActor; at: number } | null;
}

export interface ReviewDepartment {
  code: string;
  itemKeys: string[];
  /** When it first commented, said it had no comment, or disputed; null while it owes an answer. */
  answeredAt: number | null;
  /** Chase points already sent (chaseKey), so none goes out twice. */
  chased: string[];
}

export interface FinalVersion {
  version: number;
  /** The figures' content hash and the text's hash, as the final version's files carry them. */
  contentHash: string;
  textHash: string;
  path: string;
  by: ReviewActor;
  at: number;
}

export interface ReviewSnapshot {
  cycleId: string;
  /** ISO instant by which departments answer. */
  deadline: string;
  /** Whether the final version waits for the approver (default on). */
  requireApproval: boolean;
  policy: ChasingPolicy;
  stage: ReviewStage;
  /** The draft version out for comments. */
  draftVersion: number;
  departments: ReviewDepartment[];
  comments: ReviewComment[];
  /** The dispute whose reopen is running (stage `recompiling`). */
  reopening: string | null;
  final: FinalVersion | null;
  /** The approver's last word: a return sends the review back to the bureau. */
  decision: { approved: boolean; reason: string | null; by: ReviewActor; at: number } | null;
  /** Each request's answer, by request ID. */
  answered: Record<string, ReviewOutcome>;
  /** Departments the final version was mailed to. */
  finalMailed: string[];
  /** The highest seq used per `department/event`, so no notice reuses an outbox key. */
  noticeSeq: Record<string, number>;
  /** Increases with every change: a late write of an older state never overwrites a newer one. */
  revision: number;
}

export interface ReviewOutcome {
  requestId: string;
  stage: ReviewStage;
  /** The comment or dispute the command made or answered. */
  commentId: string | null;
}

/** A notice the review sends: which department, which event, which time in the chase. */
export interface ReviewNotice {
  department: string;
  event: ReviewNoticeEvent;
  audience: 'submitter' | 'supervisor' | 'bureau';
  /** Counts this event's notices to the department: with the rest, the outbox key. */
  seq: number;
}

export type ReviewNoticeEvent =
  | 'comment_request'
  | 'comment_reminder'
  | 'comment_overdue'
  | 'comment_escalate_supervisor'
  | 'comment_escalate_bureau'
  | 'report_final';

/** How long after the deadline departments are still chased: the chase's own hard close. */
export const REVIEW_CHASE_SPAN = '14 days';

/** A comment's, reason's or assessment's length at most. */
export const REVIEW_TEXT_MAX = 4000;

const CHASE_NOTICE: Record<ChaseEvent, Pick<ReviewNotice, 'event' | 'audience'>> = {
  reminder: { event: 'comment_reminder', audience: 'submitter' },
  overdue: { event: 'comment_overdue', audience: 'submitter' },
  escalate_supervisor: { event: 'comment_escalate_supervisor', audience: 'supervisor' },
  escalate_bureau: { event: 'comment_escalate_bureau', audience: 'bureau' },
};

const problem = (zh: string, en: string): Localized => ({ zh, en });

/** A deep copy of plain data (the workflow sandbox has no structuredClone; a snapshot is JSON anyway). */
const copied = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const STAGE_WORDS: Record<ReviewStage, Localized> = {
  commenting: problem('征求意见中', 'out for comments'),
  recompiling: problem('正在重新打开并重新汇编', 'reopened and recompiling'),
  finalising: problem('正在定稿', 'being finalised'),
  awaiting_approval: problem('已定稿，等待审批', 'finalised, waiting for approval'),
  approved: problem('已审批', 'approved'),
  completed: problem('已完成', 'completed'),
};

function textProblem(text: string | undefined, zhField: string, enField: string, required = true): Localized | null {
  if (text === undefined || !text.trim()) return required ? problem(`请填写${zhField}`, `give the ${enField}`) : null;
  if (text.length > REVIEW_TEXT_MAX)
    return problem(`${zhField}最多${REVIEW_TEXT_MAX}字`, `the ${enField} may be at most ${REVIEW_TEXT_MAX} characters`);
  // The API refuses such text first; a workflow's validator must not trust its callers.
  return textProblemOf(text)
    ? problem(`${zhField}含有无法保存的字符`, `the ${enField} holds characters that cannot be stored`)
    : null;
}

export class ReportReview {
  private readonly s: ReviewSnapshot;
  private wakeNotices: ReviewNotice[] = [];
  /** Comments changed since the last record: the record writes these rows. */
  private changed = new Set<string>();

  constructor(snapshot: ReviewSnapshot) {
    this.s = copied(snapshot);
  }

  /** A review just started on the draft version: every department is asked for its comments. */
  static opened(input: {
    cycleId: string;
    deadline: string;
    requireApproval: boolean;
    policy: ChasingPolicy;
    draftVersion: number;
    departments: Array<{ code: string; itemKeys: string[] }>;
  }): ReportReview {
    const review = new ReportReview({
      ...input,
      stage: 'commenting',
      departments: input.departments.map((d) => ({ ...d, answeredAt: null, chased: [] })),
      comments: [],
      reopening: null,
      final: null,
      decision: null,
      answered: {},
      finalMailed: [],
      noticeSeq: {},
      revision: 1,
    });
    review.askEveryDepartment();
    return review;
  }

  snapshot(): ReviewSnapshot {
    return copied(this.s);
  }

  get stage(): ReviewStage {
    return this.s.stage;
  }

  get cycleId(): string {
    return this.s.cycleId;
  }

  get revision(): number {
    return this.s.revision;
  }

  /** Null when the request may be taken (or was taken already); otherwise why not. */
  refusal({ requestId, actor, command }: ReviewRequest): Localized | null {
    if (this.s.answered[requestId]) return null;
    const stageIs = (...stages: ReviewStage[]) =>
      stages.includes(this.s.stage)
        ? null
        : problem(
            `征求意见当前${STAGE_WORDS[this.s.stage].zh}，不能执行此操作`,
            `the review is ${STAGE_WORDS[this.s.stage].en}; this cannot be done now`,
          );
    const bureauOnly = () =>
      actor.role === 'bureau' ? null : problem('只有统计局可以执行此操作', 'only the bureau may do this');
    const department = actor.department ? this.department(actor.department) : undefined;
    const fromDepartment = () =>
      (actor.role === 'submitter' || actor.role === 'supervisor') && department
        ? null
        : problem('只有本轮评估的牵头部门可以执行此操作', 'only a lead department of this cycle may do this');
    switch (command.type) {
      case 'comment': {
        const asked = stageIs('commenting', 'recompiling');
        if (asked) return asked;
        if (actor.role !== 'evaluator' && fromDepartment()) return fromDepartment();
        if (!command.itemKey === !command.section)
          return problem(
            '请指明意见针对的事项或章节（二选一）',
            'name the item or the section the comment is about (one of them)',
          );
        if (command.itemKey && actor.role !== 'evaluator' && !department!.itemKeys.includes(command.itemKey))
          return problem(`事项“${command.itemKey}”不属于本部门`, `item "${command.itemKey}" is not your department’s`);
        if (command.itemKey && !this.s.departments.some((d) => d.itemKeys.includes(command.itemKey!)))
          return problem(`本轮评估没有事项“${command.itemKey}”`, `this cycle has no item "${command.itemKey}"`);
        return textProblem(command.text, '意见', 'comment');
      }
      case 'no_comment':
        return stageIs('commenting', 'recompiling') ?? fromDepartment();
      case 'dispute': {
        const open = stageIs('commenting') ?? fromDepartment();
        if (open) return open;
        if (!department!.itemKeys.includes(command.itemKey))
          return problem(`事项“${command.itemKey}”不属于本部门`, `item "${command.itemKey}" is not your department’s`);
        if (this.s.comments.some((c) => c.kind === 'dispute' && c.itemKey === command.itemKey && !c.answer))
          return problem('该事项已有待处理的异议', 'this item already has a dispute waiting for the bureau');
        return textProblem(command.reason, '异议理由', 'reason for the dispute');
      }
      case 'answer': {
        const open = stageIs('commenting', 'recompiling') ?? bureauOnly();
        if (open) return open;
        const comment = this.s.comments.find((c) => c.id === command.commentId);
        if (!comment || comment.kind === 'dispute' || comment.kind === 'no_comment')
          return problem('没有这条意见', 'there is no such comment');
        if (comment.answer) return problem('这条意见已经答复', 'this comment has been answered already');
        return command.accepted
          ? textProblem(command.reason, '说明', 'note', false)
          : textProblem(command.reason, '不采纳的理由', 'reason for not accepting');
      }
      case 'decide_dispute': {
        const open = stageIs('commenting') ?? bureauOnly();
        if (open) return open;
        const dispute = this.s.comments.find((c) => c.id === command.disputeId && c.kind === 'dispute');
        if (!dispute) return problem('没有这条异议', 'there is no such dispute');
        if (dispute.answer) return problem('这条异议已经处理', 'this dispute has been decided already');
        return command.granted
          ? textProblem(command.reason, '说明', 'note', false)
          : textProblem(command.reason, '不同意的理由', 'reason for refusing');
      }
      case 'finalise': {
        const open = stageIs('commenting') ?? bureauOnly();
        if (open) return open;
        if (this.s.comments.some((c) => c.kind === 'dispute' && !c.answer))
          return problem('还有未处理的异议，处理后才能定稿', 'decide every dispute before finalising');
        return null;
      }
      case 'approve':
      case 'return': {
        const open = stageIs('awaiting_approval');
        if (open) return open;
        if (actor.role !== 'approver')
          return problem('只有审批人可以审批定稿', 'only the approver approves the final version');
        return command.type === 'return' ? textProblem(command.reason, '退回理由', 'reason for returning') : null;
      }
    }
  }

  /** Takes a request `refusal` allowed; the same request ID again changes nothing and answers the same. */
  apply({ requestId, actor, command }: ReviewRequest, now: number): ReviewOutcome {
    const done = this.s.answered[requestId];
    if (done) return done;
    let commentId: string | null = null;
    switch (command.type) {
      case 'comment':
      case 'no_comment':
      case 'dispute': {
        const evaluator = actor.role === 'evaluator';
        commentId = this.addComment({
          id: requestId,
          kind: evaluator ? 'assessment' : command.type,
          department: evaluator ? null : actor.department,
          author: actor,
          itemKey: command.type === 'no_comment' ? null : (command.itemKey ?? null),
          section: command.type === 'comment' ? (command.section ?? null) : null,
          text: command.type === 'comment' ? command.text : command.type === 'dispute' ? command.reason : '',
          version: this.s.draftVersion,
          at: now,
          answer: null,
        });
        const department = actor.department ? this.department(actor.department) : undefined;
        if (!evaluator && department && department.answeredAt === null) department.answeredAt = now;
        break;
      }
      case 'answer':
      case 'decide_dispute': {
        commentId = command.type === 'answer' ? command.commentId : command.disputeId;
        const comment = this.s.comments.find((c) => c.id === commentId)!;
        const yes = command.type === 'answer' ? command.accepted : command.granted;
        const answer: ReviewAnswer =
          command.type === 'answer' ? (yes ? 'accepted' : 'not_accepted') : yes ? 'granted' : 'refused';
        comment.answer = { answer, reason: command.reason?.trim() || null, by: actor, at: now };
        this.changed.add(comment.id);
        if (answer === 'granted') {
          this.s.stage = 'recompiling';
          this.s.reopening = comment.id;
        }
        break;
      }
      case 'finalise':
        this.s.stage = 'finalising';
        this.s.final = null;
        this.s.decision = null;
        break;
      case 'approve':
      case 'return':
        this.s.decision = {
          approved: command.type === 'approve',
          reason: command.type === 'return' ? command.reason.trim() : null,
          by: actor,
          at: now,
        };
        // Returned: back to the bureau, which may answer, edit and finalise again.
        this.s.stage = command.type === 'approve' ? 'approved' : 'commenting';
        break;
    }
    const outcome: ReviewOutcome = { requestId, stage: this.s.stage, commentId };
    this.s.answered[requestId] = outcome;
    this.s.revision += 1;
    return outcome;
  }

  /** The dispute a granted reopen is for: its item and the department's reason, and the bureau's. */
  reopenWanted(): { disputeId: string; itemKey: string; reason: string; grantedBy: ReviewActor } | null {
    if (this.s.stage !== 'recompiling' || !this.s.reopening) return null;
    const dispute = this.s.comments.find((c) => c.id === this.s.reopening)!;
    return { disputeId: dispute.id, itemKey: dispute.itemKey!, reason: dispute.text, grantedBy: dispute.answer!.by };
  }

  /** Whether the request was taken already (its answer is kept). */
  answered(requestId: string): boolean {
    return requestId in this.s.answered;
  }

  /**
   * The reopen a dispute asks for, as the bureau's reopen takes it: the item,
   * the department's reason (its submitter reads it), the bureau as the actor.
   */
  reopenOf(disputeId: string, by: ReviewActor): { items: string[]; reason: string; actor: Actor } {
    const dispute = this.s.comments.find((c) => c.id === disputeId && c.kind === 'dispute');
    return {
      items: dispute?.itemKey ? [dispute.itemKey] : [],
      reason: dispute?.text ?? '',
      actor: { id: by.id, name: by.name, role: 'bureau', department: 'bureau' },
    };
  }

  /** The reopened cycle closed with a new draft version: comments go on, on it; every department is told. */
  recompiled(version: number): void {
    this.s.stage = 'commenting';
    this.s.reopening = null;
    if (version > this.s.draftVersion) {
      this.s.draftVersion = version;
      this.askEveryDepartment();
    }
    this.s.revision += 1;
  }

  /** The reopen could not start (the cycle runs again for another reason): the dispute stays granted, the review goes on. */
  reopenFailed(): void {
    this.recompiled(this.s.draftVersion);
  }

  /** The final version compiled: it waits for the approver, or goes out at once when no approval is asked. */
  finalCompiled(final: FinalVersion): void {
    this.s.final = final;
    this.s.stage = this.s.requireApproval ? 'awaiting_approval' : 'approved';
    this.s.revision += 1;
  }

  /** Departments the approved final version still has to reach, each once. */
  finalToMail(): ReviewNotice[] {
    if (this.s.stage !== 'approved') return [];
    return this.s.departments
      .filter((d) => !this.s.finalMailed.includes(d.code))
      .map((d) => ({ department: d.code, event: 'report_final', audience: 'submitter', seq: 1 }));
  }

  finalMailed(department: string): void {
    this.s.finalMailed.push(department);
    if (this.s.departments.every((d) => this.s.finalMailed.includes(d.code))) this.s.stage = 'completed';
    this.s.revision += 1;
  }

  get final(): FinalVersion | null {
    return this.s.final;
  }

  /** The chase points due by `now` for departments that have not answered, each taken once. */
  fireDueChases(now: number): void {
    if (this.s.stage !== 'commenting' && this.s.stage !== 'recompiling') return;
    for (const point of this.chasePoints()) {
      if (point.at > now) break;
      for (const d of this.s.departments) {
        const key = chaseKey(point);
        if (d.answeredAt !== null || d.chased.includes(key)) continue;
        d.chased.push(key);
        const { event, audience } = CHASE_NOTICE[point.event];
        this.queue(d.code, event, audience);
      }
    }
  }

  /** When the next chase is due; Infinity when nothing is left to chase. */
  nextChaseAt(now: number): number {
    if (this.s.stage !== 'commenting' && this.s.stage !== 'recompiling') return Infinity;
    if (this.s.departments.every((d) => d.answeredAt !== null)) return Infinity;
    return this.chasePoints().find((p) => p.at > now)?.at ?? Infinity;
  }

  takeNotices(): ReviewNotice[] {
    const notices = this.wakeNotices;
    this.wakeNotices = [];
    return notices;
  }

  hasNotices(): boolean {
    return this.wakeNotices.length > 0;
  }

  /** What PostgreSQL keeps of the review (report_review and the changed report_comment rows). */
  takeRecord(): ReviewRecord {
    const comments = this.s.comments.filter((c) => this.changed.has(c.id));
    this.changed.clear();
    return {
      cycleId: this.s.cycleId,
      revision: this.s.revision,
      stage: this.s.stage,
      deadline: this.s.deadline,
      requireApproval: this.s.requireApproval,
      draftVersion: this.s.draftVersion,
      final: this.s.final,
      decision: this.s.decision,
      departments: this.s.departments.map((d) => ({ code: d.code, answeredAt: d.answeredAt })),
      comments,
    };
  }

  private department(code: string): ReviewDepartment | undefined {
    return this.s.departments.find((d) => d.code === code);
  }

  private addComment(comment: ReviewComment): string {
    this.s.comments.push(comment);
    this.changed.add(comment.id);
    return comment.id;
  }

  private askEveryDepartment(): void {
    for (const d of this.s.departments) this.queue(d.code, 'comment_request', 'submitter');
  }

  private queue(department: string, event: ReviewNoticeEvent, audience: ReviewNotice['audience']): void {
    const key = `${department}/${event}`;
    const seq = (this.s.noticeSeq[key] ?? 0) + 1;
    this.s.noticeSeq[key] = seq;
    this.wakeNotices.push({ department, event, audience, seq });
  }

  private chasePoints() {
    const deadline = Date.parse(this.s.deadline);
    return chasingSchedule(this.s.policy, deadline, deadline + durationMs(REVIEW_CHASE_SPAN));
  }
}

/** The review as PostgreSQL keeps it. */
export interface ReviewRecord {
  cycleId: string;
  revision: number;
  stage: ReviewStage;
  deadline: string;
  requireApproval: boolean;
  draftVersion: number;
  final: FinalVersion | null;
  decision: ReviewSnapshot['decision'];
  departments: Array<{ code: string; answeredAt: number | null }>;
  comments: ReviewComment[];
}

/** The review's workflow ID, from the cycle's. */
export const reviewWorkflowId = (cycleId: string) => `review/${cycleId}`;
