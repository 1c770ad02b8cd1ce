/**
 * 规划调整 (动态调整修订): the bureau proposes adjusting a target from a cycle's
 * evaluation, the lead department's supervisor and then the approver decide,
 * a returned proposal is revised and resubmitted by the bureau. Each change
 * goes through the proposal's approval workflow and is audited.
 */
import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  ADJUSTMENT_DECISIONS,
  ADJUSTMENT_STATES,
  type AdjustmentDecision,
  type AdjustmentState,
} from '@libs/cycle/adjustment-approval';
import { ADJUSTED_ITEM_KINDS, type AdjustedItemKind } from '@libs/rules/target-in-force';
import { AuditService } from '../audit/audit.service';
import { Requires, type AuthenticatedRequest } from '../auth/auth.decorators';
import { AdjustmentListView, AdjustmentView, adjustmentView } from './adjustment-view';
import { adjustmentActor, AdjustmentsService } from './adjustments.service';

class RevisionBody {
  @ApiProperty({
    example: '11.5',
    description: 'as the plan prints targets (11.5, ≥95, 4.0以内, 〔12.5〕); a project: 万元',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  adjustedTarget: string;

  @ApiProperty({ example: 2024, description: 'the first evaluated year judged against it' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  effectiveYear: number;

  @ApiProperty({ description: 'why, as the report will print it' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}

class ProposalBody extends RevisionBody {
  @ApiProperty({ description: 'the cycle (annual or mid-term, with a report) it is proposed from' })
  @IsString()
  @MaxLength(200)
  cycleId: string;

  @ApiProperty({ enum: ADJUSTED_ITEM_KINDS })
  @IsIn(ADJUSTED_ITEM_KINDS)
  itemKind: AdjustedItemKind;

  @ApiProperty({ description: 'the indicator’s or the major project’s number' })
  @IsInt()
  @Min(1)
  @Max(100000)
  itemNo: number;
}

class DecisionBody {
  @ApiProperty({ enum: ADJUSTMENT_DECISIONS })
  @IsIn(ADJUSTMENT_DECISIONS)
  decision: AdjustmentDecision;

  @ApiPropertyOptional({ description: 'required when returning' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

class AdjustmentQuery {
  @ApiPropertyOptional({ enum: ADJUSTMENT_STATES })
  @IsOptional()
  @IsIn(ADJUSTMENT_STATES)
  state?: AdjustmentState;
}

@ApiTags('adjustments 规划调整')
@ApiBearerAuth()
@Controller('plans/:code/adjustments')
export class AdjustmentsController {
  constructor(
    @Inject(AdjustmentsService) private readonly service: AdjustmentsService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Get()
  @Requires('catalog:read')
  @ApiOperation({ summary: '规划调整 A plan’s target adjustments, newest first, with their states' })
  @ApiOkResponse({ type: AdjustmentListView })
  async list(@Param('code') code: string, @Query() q: AdjustmentQuery): Promise<AdjustmentListView> {
    const plan = await this.service.plan(code);
    const rows = await this.service.adjustments.list(code, q.state);
    return { total: rows.length, items: rows.map((r) => adjustmentView(r, this.service.itemName(plan, r))) };
  }

  @Get(':id')
  @Requires('catalog:read')
  @ApiOperation({ summary: '一项调整 One adjustment with every decision: who, when, comment' })
  @ApiOkResponse({ type: AdjustmentView })
  async one(@Param('code') code: string, @Param('id', ParseIntPipe) id: number): Promise<AdjustmentView> {
    const plan = await this.service.plan(code);
    const row = await this.service.row(code, id);
    return adjustmentView(row, this.service.itemName(plan, row), row.steps);
  }

  @Post()
  @Requires('cycle:manage')
  @ApiOperation({
    summary:
      '提出调整 The bureau proposes adjusting a target from a cycle’s report; the lead department’s supervisor is mailed',
  })
  @ApiCreatedResponse({ type: AdjustmentView })
  async propose(
    @Param('code') code: string,
    @Body() body: ProposalBody,
    @Req() req: AuthenticatedRequest,
  ): Promise<AdjustmentView> {
    const plan = await this.service.plan(code);
    const row = await this.service.propose(plan, body, req.principal);
    await this.audit.record(req, {
      action: 'propose_adjustment',
      entityType: 'adjustment',
      entityId: String(row.id),
      before: null,
      after: { ...body, state: row.state, leadDepartment: row.leadDepartment, originalTarget: row.originalTarget },
    });
    return adjustmentView(row, this.service.itemName(plan, row), []);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '审批 The lead department’s supervisor, then the approver, approves or returns (with a comment) the adjustment',
  })
  @ApiOkResponse({ type: AdjustmentView })
  async decide(
    @Param('code') code: string,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: DecisionBody,
    @Req() req: AuthenticatedRequest,
  ): Promise<AdjustmentView> {
    // Who may decide at all, before anything is looked up: the matrix of roles holds for any adjustment.
    this.service.checkDecider(req.principal);
    const plan = await this.service.plan(code);
    const row = await this.service.row(code, id);
    this.service.checkDecider(req.principal, row);
    const step = await this.service.client.decide(row, {
      requestId: req.requestId,
      actor: adjustmentActor(req.principal),
      decision: body.decision,
      ...(body.comment ? { comment: body.comment } : {}),
    });
    await this.audit.record(req, {
      action: 'decide_adjustment',
      entityType: 'adjustment',
      entityId: String(id),
      before: { state: row.state },
      after: { state: step.state, decision: body.decision, comment: step.comment },
    });
    const after = await this.service.row(code, id);
    return adjustmentView(after, this.service.itemName(plan, after), after.steps);
  }

  @Post(':id/revise')
  @HttpCode(200)
  @Requires('cycle:manage')
  @ApiOperation({
    summary: '修改后重新提交 The bureau revises a returned adjustment and resubmits it to the lead department',
  })
  @ApiOkResponse({ type: AdjustmentView })
  async revise(
    @Param('code') code: string,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: RevisionBody,
    @Req() req: AuthenticatedRequest,
  ): Promise<AdjustmentView> {
    const plan = await this.service.plan(code);
    const row = await this.service.row(code, id);
    const revision = await this.service.checkedRevision(plan, row, body);
    const step = await this.service.client.revise(row, {
      requestId: req.requestId,
      actor: adjustmentActor(req.principal),
      ...revision,
    });
    await this.audit.record(req, {
      action: 'revise_adjustment',
      entityType: 'adjustment',
      entityId: String(id),
      before: {
        state: row.state,
        adjustedTarget: row.adjustedTarget,
        effectiveYear: row.effectiveYear,
        reason: row.reason,
      },
      after: { state: step.state, ...revision },
    });
    const after = await this.service.row(code, id);
    return adjustmentView(after, this.service.itemName(plan, after), after.steps);
  }
}
