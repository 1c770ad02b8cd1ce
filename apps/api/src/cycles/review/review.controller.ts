/**
 * The report's review after a cycle closes (征求意见 → 定稿 → 审批): the
 * bureau starts it, departments comment on their part (signed in or through
 * their email link), the third-party evaluator adds an assessment, the bureau
 * answers and decides disputes and finalises, the approver approves or
 * returns. Each command goes through the review's workflow, which records it
 * in PostgreSQL before answering; the state is read from there.
 */
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { authorize, type Permission } from '@libs/access/permissions';
import type { Principal } from '@libs/access/principal';
import {
  REVIEW_SECTIONS,
  REVIEW_TEXT_MAX,
  type ReviewActor,
  type ReviewCommand,
  type ReviewOutcome,
  type ReviewSection,
} from '@libs/cycle/report-review';
import type { ReportCommentRow, ReportReviewRow } from '@libs/persistence/entities';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import { ReportReviewRepository } from '@libs/persistence/repositories/report-review.repository';
import type { ReviewClient } from '@libs/temporal/review-client';
import { AuditService } from '../../audit/audit.service';
import { Requires, type AuthenticatedRequest } from '../../auth/auth.decorators';
import { forbidden, notFound } from '../../common/problem.filter';
import { REVIEW_CLIENT } from '../../tokens';
import { ItemAccess } from '../item-access.service';
import { ReviewOutcomeView, ReviewStartedView, ReviewView } from './review-view';

class StartReviewBody {
  @ApiProperty({ example: '2024-06-30T18:00:00+08:00', description: 'when the departments’ comments are due' })
  @IsString()
  deadline: string;

  @ApiPropertyOptional({ default: true, description: 'whether the final version waits for the approver' })
  @IsOptional()
  @IsBoolean()
  requireApproval?: boolean;
}

class CommentBody {
  @ApiPropertyOptional({ example: 'indicator-5', description: 'the item the comment is about (or a section)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  itemKey?: string;

  @ApiPropertyOptional({ enum: REVIEW_SECTIONS, description: 'the section the comment is about (or an item)' })
  @IsOptional()
  @IsIn(REVIEW_SECTIONS)
  section?: ReviewSection;

  @ApiProperty({ example: '第5项指标的数据来源应为2023年统计年鉴。' })
  @IsString()
  @MinLength(1)
  @MaxLength(REVIEW_TEXT_MAX)
  text: string;
}

class AnswerBody {
  @ApiProperty({ description: 'accepted (采纳) or not (不采纳)' })
  @IsBoolean()
  accepted: boolean;

  @ApiPropertyOptional({ description: 'required when not accepted' })
  @IsOptional()
  @IsString()
  @MaxLength(REVIEW_TEXT_MAX)
  reason?: string;
}

class DisputeBody {
  @ApiProperty({ example: 'indicator-5' })
  @IsString()
  @MaxLength(100)
  itemKey: string;

  @ApiProperty({ example: '2023年数值填报有误，应为12.4，请重新打开更正。' })
  @IsString()
  @MinLength(1)
  @MaxLength(REVIEW_TEXT_MAX)
  reason: string;
}

class DisputeDecisionBody {
  @ApiProperty({ description: 'granted: the item is reopened and the report recompiled' })
  @IsBoolean()
  granted: boolean;

  @ApiPropertyOptional({ description: 'required when refused' })
  @IsOptional()
  @IsString()
  @MaxLength(REVIEW_TEXT_MAX)
  reason?: string;
}

class ApprovalBody {
  @ApiProperty({ description: 'approved, or returned to the bureau with a reason' })
  @IsBoolean()
  approved: boolean;

  @ApiPropertyOptional({ description: 'required when returned' })
  @IsOptional()
  @IsString()
  @MaxLength(REVIEW_TEXT_MAX)
  reason?: string;
}

/** Who acts in the review, as the workflow names them. */
function reviewActor(p: Principal): ReviewActor {
  const role = ({ admin: 'bureau', viewer: 'evaluator', approver: 'approver' } as const)[
    p.role as 'admin' | 'viewer' | 'approver'
  ];
  return role
    ? { id: p.email, name: p.name, role, department: null }
    : {
        id: p.email,
        name: p.name,
        role: p.role === 'supervisor' ? 'supervisor' : 'submitter',
        department: p.department,
      };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
/** Who acted, as the review shows them: name, role and department, never their address. */
const shown = ({ name, role, department }: ReviewActor) => ({ name, role, department });

@ApiTags('review 征求意见')
@ApiBearerAuth()
@Controller('cycles/:id/review')
export class ReviewController {
  constructor(
    @Inject(REVIEW_CLIENT) private readonly reviews: ReviewClient,
    @Inject(ReportReviewRepository) private readonly records: ReportReviewRepository,
    @Inject(CatalogRepository) private readonly catalog: CatalogRepository,
    @Inject(ItemAccess) private readonly access: ItemAccess,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Post()
  @HttpCode(201)
  @Requires('cycle:manage')
  @ApiOperation({
    summary:
      '发起征求意见 Send a closed cycle’s report out for comments: each lead department gets its part by email; a repeat while it runs changes nothing (409 cycle not closed or review finished)',
  })
  @ApiCreatedResponse({ type: ReviewStartedView })
  async start(
    @Param('id') id: string,
    @Body() body: StartReviewBody,
    @Req() req: AuthenticatedRequest,
  ): Promise<ReviewStartedView> {
    await this.access.cycle(id);
    const started = await this.reviews.start(id, body);
    if (started.started)
      await this.audit.record(req, { action: 'review_start', entityType: 'cycle', entityId: id, after: body });
    return started;
  }

  @Get()
  @Requires('report:read')
  @ApiOperation({
    summary:
      '征求意见状态 The review: stage, deadline, departments answered or not, comments with the bureau’s answers (a department sees its own)',
  })
  @ApiOkResponse({ type: ReviewView })
  async state(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<ReviewView> {
    await this.access.cycle(id);
    const own = this.ownDepartment(req.principal, id, 'report:read');
    const review = await this.records.review(id);
    if (!review)
      throw notFound('本轮评估的报告尚未发起征求意见', 'this cycle’s report has not been sent out for comments');
    const comments = (await this.records.comments(id)).filter(
      (c) => own === null || c.department === own || c.kind === 'assessment',
    );
    return this.view(review, comments, own);
  }

  @Post('comments')
  @HttpCode(200)
  @Requires('review:comment')
  @ApiOperation({
    summary:
      '提出意见 A comment on one item or one section: a lead department on its part (signed in or by its email link), the third-party evaluator as an assessment',
  })
  @ApiOkResponse({ type: ReviewOutcomeView })
  comment(@Param('id') id: string, @Body() body: CommentBody, @Req() req: AuthenticatedRequest) {
    return this.command(id, req, 'review:comment', { type: 'comment', ...body }, 'review_comment');
  }

  @Post('no-comment')
  @HttpCode(200)
  @Requires('review:comment')
  @ApiOperation({ summary: '无意见 A lead department has no comment on its part' })
  @ApiOkResponse({ type: ReviewOutcomeView })
  noComment(@Param('id') id: string, @Req() req: AuthenticatedRequest) {
    return this.command(id, req, 'review:comment', { type: 'no_comment' }, 'review_no_comment');
  }

  @Post('comments/:commentId/answer')
  @HttpCode(200)
  @Requires('cycle:manage')
  @ApiOperation({ summary: '答复意见 The bureau accepts a comment, or does not with a reason' })
  @ApiOkResponse({ type: ReviewOutcomeView })
  answer(
    @Param('id') id: string,
    @Param('commentId') commentId: string,
    @Body() body: AnswerBody,
    @Req() req: AuthenticatedRequest,
  ) {
    return this.command(id, req, 'cycle:manage', { type: 'answer', commentId, ...body }, 'review_answer');
  }

  @Post('disputes')
  @HttpCode(200)
  @Requires('review:comment')
  @ApiOperation({
    summary: '提出异议 A lead department disputes one of its items’ figures and asks for it to be reopened',
  })
  @ApiOkResponse({ type: ReviewOutcomeView })
  dispute(@Param('id') id: string, @Body() body: DisputeBody, @Req() req: AuthenticatedRequest) {
    return this.command(id, req, 'review:comment', { type: 'dispute', ...body }, 'review_dispute');
  }

  @Post('disputes/:disputeId/decision')
  @HttpCode(200)
  @Requires('cycle:manage')
  @ApiOperation({
    summary:
      '处理异议 The bureau grants a dispute (the item is reopened, the cycle reruns for it and the report is recompiled) or refuses it with a reason',
  })
  @ApiOkResponse({ type: ReviewOutcomeView })
  decideDispute(
    @Param('id') id: string,
    @Param('disputeId') disputeId: string,
    @Body() body: DisputeDecisionBody,
    @Req() req: AuthenticatedRequest,
  ) {
    return this.command(
      id,
      req,
      'cycle:manage',
      { type: 'decide_dispute', disputeId, ...body },
      'review_dispute_decision',
    );
  }

  @Post('finalise')
  @HttpCode(200)
  @Requires('cycle:manage')
  @ApiOperation({
    summary:
      '定稿 The bureau finalises: the final version is compiled with the hashes of its figures and text, read-only from then on; it waits for the approver when the review asks for approval',
  })
  @ApiOkResponse({ type: ReviewOutcomeView })
  finalise(@Param('id') id: string, @Req() req: AuthenticatedRequest) {
    return this.command(id, req, 'cycle:manage', { type: 'finalise' }, 'review_finalise');
  }

  @Post('approval')
  @HttpCode(200)
  @Requires('report:approve')
  @ApiOperation({
    summary:
      '审批 The approver approves the final version (it is mailed to every department) or returns it to the bureau with a reason',
  })
  @ApiOkResponse({ type: ReviewOutcomeView })
  approval(@Param('id') id: string, @Body() body: ApprovalBody, @Req() req: AuthenticatedRequest) {
    const command: ReviewCommand = body.approved ? { type: 'approve' } : { type: 'return', reason: body.reason ?? '' };
    return this.command(id, req, 'report:approve', command, body.approved ? 'review_approve' : 'review_return');
  }

  /** One command through the workflow, audited with what it made or answered. */
  private async command(
    id: string,
    req: AuthenticatedRequest,
    permission: Permission,
    command: ReviewCommand,
    action: string,
  ): Promise<ReviewOutcome> {
    await this.access.cycle(id);
    this.ownDepartment(req.principal, id, permission);
    const outcome = await this.reviews.command(id, {
      requestId: req.requestId,
      actor: reviewActor(req.principal),
      command,
    });
    await this.audit.record(req, { action, entityType: 'cycle', entityId: id, after: { ...command, ...outcome } });
    return outcome;
  }

  /** The caller's department when they act for one (its people, its link), null for those who see every department. */
  private ownDepartment(p: Principal, cycleId: string, permission: Permission): string | null {
    const department = p.scope?.department ?? p.department;
    const refusal = authorize(p, permission, { department: department ?? '', cycleId });
    if (refusal) throw forbidden(refusal);
    return department;
  }

  private async view(review: ReportReviewRow, comments: ReportCommentRow[], own: string | null): Promise<ReviewView> {
    const departments = review.departments.filter((d) => own === null || d.code === own);
    const names = new Map(
      (await this.catalog.departmentsByCode(departments.map((d) => d.code))).map((d) => [d.code, d.name]),
    );
    return {
      cycleId: review.cycleId,
      stage: review.stage,
      deadline: review.deadline.toISOString(),
      requireApproval: review.requireApproval,
      draftVersion: review.draftVersion,
      final: review.final && {
        version: review.final.version,
        contentHash: review.final.contentHash,
        textHash: review.final.textHash,
        by: shown(review.final.by),
        at: new Date(review.final.at).toISOString(),
      },
      decision: review.decision && {
        ...review.decision,
        by: shown(review.decision.by),
        at: new Date(review.decision.at).toISOString(),
      },
      departments: departments.map((d) => ({
        code: d.code,
        name: names.get(d.code) ?? d.code,
        answered: d.answeredAt !== null,
        answeredAt: iso(d.answeredAt),
      })),
      comments: comments.map((c) => ({
        id: c.id,
        kind: c.kind,
        department: c.department,
        author: shown(c.author),
        itemKey: c.itemKey,
        section: c.section as ReviewSection | null,
        text: c.text,
        version: c.version,
        at: c.at.toISOString(),
        answer: c.answer
          ? { answer: c.answer, reason: c.answerReason, by: shown(c.answeredBy!), at: c.answeredAt!.toISOString() }
          : null,
      })),
    };
  }
}
