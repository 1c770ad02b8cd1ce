/** The report's review as the API answers it (GET /api/cycles/:id/review and the commands), for the OpenAPI document. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REVIEW_ANSWERS,
  REVIEW_COMMENT_KINDS,
  REVIEW_SECTIONS,
  REVIEW_STAGES,
  type ReviewAnswer,
  type ReviewCommentKind,
  type ReviewSection,
  type ReviewStage,
} from '@libs/cycle/report-review';

const ACTOR_ROLES = ['bureau', 'submitter', 'supervisor', 'evaluator', 'approver'] as const;

export class ReviewActorView {
  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ACTOR_ROLES })
  role: (typeof ACTOR_ROLES)[number];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'department code; null for the bureau, evaluator, approver',
  })
  department: string | null;
}

export class ReviewAnswerView {
  @ApiProperty({
    enum: REVIEW_ANSWERS,
    description: 'a comment: accepted / not_accepted; a dispute: granted / refused',
  })
  answer: ReviewAnswer;

  @ApiProperty({ type: String, nullable: true, description: 'required when not accepted or refused' })
  reason: string | null;

  @ApiProperty({ type: ReviewActorView })
  by: ReviewActorView;

  @ApiProperty({ type: String, format: 'date-time' })
  at: string;
}

export class ReviewCommentView {
  @ApiProperty({ description: 'the request that made it' })
  id: string;

  @ApiProperty({ enum: REVIEW_COMMENT_KINDS, description: 'assessment: the third-party evaluator’s' })
  kind: ReviewCommentKind;

  @ApiProperty({ type: String, nullable: true })
  department: string | null;

  @ApiProperty({ type: ReviewActorView })
  author: ReviewActorView;

  @ApiProperty({ type: String, nullable: true })
  itemKey: string | null;

  @ApiProperty({ enum: REVIEW_SECTIONS, nullable: true })
  section: ReviewSection | null;

  @ApiProperty()
  text: string;

  @ApiProperty({ description: 'the draft version it was made on' })
  version: number;

  @ApiProperty({ type: String, format: 'date-time' })
  at: string;

  @ApiProperty({ type: ReviewAnswerView, nullable: true })
  answer: ReviewAnswerView | null;
}

export class ReviewDepartmentView {
  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ description: 'commented, said it has no comment, or disputed' })
  answered: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt: string | null;
}

export class FinalVersionView {
  @ApiProperty()
  version: number;

  @ApiProperty({ description: 'SHA-256 of the figures' })
  contentHash: string;

  @ApiProperty({ description: 'SHA-256 of the report’s text' })
  textHash: string;

  @ApiProperty({ type: ReviewActorView, description: '定稿 by' })
  by: ReviewActorView;

  @ApiProperty({ type: String, format: 'date-time' })
  at: string;
}

export class ApprovalDecisionView {
  @ApiProperty()
  approved: boolean;

  @ApiProperty({ type: String, nullable: true })
  reason: string | null;

  @ApiProperty({ type: ReviewActorView })
  by: ReviewActorView;

  @ApiProperty({ type: String, format: 'date-time' })
  at: string;
}

export class ReviewView {
  @ApiProperty()
  cycleId: string;

  @ApiProperty({
    enum: REVIEW_STAGES,
    description:
      'commenting 征求意见, recompiling (a granted dispute reruns the cycle), finalising, awaiting_approval, approved (the final version being mailed), completed',
  })
  stage: ReviewStage;

  @ApiProperty({ type: String, format: 'date-time' })
  deadline: string;

  @ApiProperty()
  requireApproval: boolean;

  @ApiProperty({ description: 'the draft version out for comments' })
  draftVersion: number;

  @ApiProperty({ type: FinalVersionView, nullable: true })
  final: FinalVersionView | null;

  @ApiProperty({ type: ApprovalDecisionView, nullable: true, description: 'the approver’s last word' })
  decision: ApprovalDecisionView | null;

  @ApiProperty({ type: [ReviewDepartmentView], description: 'a department sees only itself' })
  departments: ReviewDepartmentView[];

  @ApiProperty({ type: [ReviewCommentView], description: 'a department sees its own comments and the assessments' })
  comments: ReviewCommentView[];
}

export class ReviewStartedView {
  @ApiProperty()
  cycleId: string;

  @ApiProperty({ description: 'false: the review was already running, and this request changed nothing' })
  started: boolean;
}

export class ReviewOutcomeView {
  @ApiProperty()
  requestId: string;

  @ApiProperty({ enum: REVIEW_STAGES })
  stage: ReviewStage;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the comment or dispute made or answered' })
  commentId: string | null;
}
