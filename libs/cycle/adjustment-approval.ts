/**
 * The approval of a proposed target adjustment (动态调整修订): the lead
 * department's supervisor approves or returns it, then the approver (the
 * government office, role `approver`); a returned proposal goes back to the
 * bureau, which revises and resubmits it. Pure: the workflow
 * (workflows/target-adjustment.workflow.ts) holds one and the API asks it the
 * same questions before sending anything.
 */
import type { Localized } from '../plan/localized';

export const ADJUSTMENT_STATES = ['proposed', 'department_approved', 'approved', 'returned'] as const;
export type AdjustmentState = (typeof ADJUSTMENT_STATES)[number];

export const ADJUSTMENT_DECISIONS = ['approve', 'return'] as const;
export type AdjustmentDecision = (typeof ADJUSTMENT_DECISIONS)[number];

export interface AdjustmentActor {
  /** An account's email. */
  id: string;
  name: string;
  role: 'bureau' | 'supervisor' | 'approver';
  /** A supervisor's department; null for the bureau and the approver. */
  department: string | null;
}

export interface AdjustmentDecisionRequest {
  requestId: string;
  actor: AdjustmentActor;
  decision: AdjustmentDecision;
  /** Required when returning: what the bureau must change. */
  comment?: string;
}

/** What the bureau changes when it resubmits a returned proposal. */
export interface AdjustmentRevision {
  adjustedTarget: string;
  effectiveYear: number;
  reason: string;
}

export interface AdjustmentRevisionRequest extends AdjustmentRevision {
  requestId: string;
  actor: AdjustmentActor;
}

/** A step of the approval, as recorded: a decision, or the bureau's revision. */
export interface AdjustmentStep {
  requestId: string;
  kind: AdjustmentDecision | 'revise';
  /** The state the step left the proposal in. */
  state: AdjustmentState;
  /** The supervisor's and the approver's stage, or the bureau's revision. */
  stage: 'department' | 'approver' | 'bureau';
  round: number;
  actor: AdjustmentActor;
  comment: string | null;
  revision: AdjustmentRevision | null;
  /** Workflow time, ms. */
  at: number;
}

export interface AdjustmentApprovalSnapshot {
  id: number;
  planCode: string;
  leadDepartment: string;
  state: AdjustmentState;
  /** 1 for the first submission; each resubmission after a return adds one. */
  round: number;
  /** The request IDs handled, with their steps: the same request again changes nothing. */
  steps: AdjustmentStep[];
}

const COMMENT_MAX = 2000;

const problem = (zh: string, en: string): Localized => ({ zh, en });

export class AdjustmentApproval {
  constructor(private readonly s: AdjustmentApprovalSnapshot) {}

  static proposed(p: Pick<AdjustmentApprovalSnapshot, 'id' | 'planCode' | 'leadDepartment'>): AdjustmentApproval {
    return new AdjustmentApproval({ ...p, state: 'proposed', round: 1, steps: [] });
  }

  snapshot(): AdjustmentApprovalSnapshot {
    return { ...this.s, steps: [...this.s.steps] };
  }

  get state(): AdjustmentState {
    return this.s.state;
  }

  get done(): boolean {
    return this.s.state === 'approved';
  }

  /** A request already handled: its step, answered again. */
  handled(requestId: string): AdjustmentStep | undefined {
    return this.s.steps.find((s) => s.requestId === requestId);
  }

  /** Null when the decision may be taken now by its actor; otherwise why not. */
  decisionProblem(r: AdjustmentDecisionRequest): Localized | null {
    if (this.handled(r.requestId)) return null;
    if (r.decision === 'return' && !r.comment?.trim())
      return problem('退回时请说明原因（comment）', 'say why when returning (comment)');
    if ((r.comment?.length ?? 0) > COMMENT_MAX)
      return problem(`意见不能超过${COMMENT_MAX}字（comment）`, `the comment is longer than ${COMMENT_MAX} characters`);
    if (this.s.state === 'proposed') {
      if (r.actor.role === 'supervisor' && r.actor.department === this.s.leadDepartment) return null;
      return problem(
        '该调整建议正等待牵头部门审核人审核',
        'this proposal is waiting for the lead department’s supervisor',
      );
    }
    if (this.s.state === 'department_approved') {
      if (r.actor.role === 'approver') return null;
      return problem('该调整建议正等待审批人审批', 'this proposal is waiting for the approver');
    }
    return this.s.state === 'approved'
      ? problem('该调整已批准，不能再审批', 'this adjustment is approved; it takes no more decisions')
      : problem('该调整建议已退回统计局修改', 'this proposal was returned to the bureau for revision');
  }

  revisionProblem(r: AdjustmentRevisionRequest): Localized | null {
    if (this.handled(r.requestId)) return null;
    if (r.actor.role !== 'bureau') return problem('只有统计局可以修改调整建议', 'only the bureau revises a proposal');
    if (this.s.state !== 'returned')
      return problem(
        '只有被退回的调整建议可以修改后重新提交',
        'only a returned proposal can be revised and resubmitted',
      );
    return null;
  }

  decide(r: AdjustmentDecisionRequest, at: number): AdjustmentStep {
    const known = this.handled(r.requestId);
    if (known) return known;
    const stage = this.s.state === 'proposed' ? 'department' : 'approver';
    const state: AdjustmentState =
      r.decision === 'return' ? 'returned' : stage === 'department' ? 'department_approved' : 'approved';
    return this.step({ kind: r.decision, state, stage, r, comment: r.comment?.trim() || null, revision: null }, at);
  }

  revise(r: AdjustmentRevisionRequest, at: number): AdjustmentStep {
    const known = this.handled(r.requestId);
    if (known) return known;
    this.s.round += 1;
    const revision = { adjustedTarget: r.adjustedTarget, effectiveYear: r.effectiveYear, reason: r.reason };
    return this.step({ kind: 'revise', state: 'proposed', stage: 'bureau', r, comment: null, revision }, at);
  }

  private step(
    x: Pick<AdjustmentStep, 'kind' | 'state' | 'stage' | 'comment' | 'revision'> & {
      r: { requestId: string; actor: AdjustmentActor };
    },
    at: number,
  ): AdjustmentStep {
    const step: AdjustmentStep = {
      requestId: x.r.requestId,
      kind: x.kind,
      state: x.state,
      stage: x.stage,
      round: this.s.round,
      actor: x.r.actor,
      comment: x.comment,
      revision: x.revision,
      at,
    };
    this.s.state = x.state;
    this.s.steps.push(step);
    return step;
  }
}
