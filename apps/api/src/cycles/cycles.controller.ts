/**
 * Cycles: launch, list, state (from PostgreSQL, kept current by the
 * workflows) and live state (from the workflows themselves), and the bureau's
 * actions on a running cycle: extend, remind now, reopen, cancel. Cycle IDs
 * contain slashes: clients URL-encode them (cycle%2Fheyuan…).
 */
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { DataSource } from 'typeorm';
import { actorOf } from '@libs/access/principal';
import {
  CYCLE_KINDS,
  CYCLE_STATUSES,
  DEFAULT_CHASING_POLICY,
  DEFAULT_DIGEST_WINDOW,
  DEFAULT_THRESHOLD_PRESET,
  LAUNCH_ITEM_KINDS,
  type ChasingPolicy,
  type CycleDefinition,
  type CycleKind,
  type CycleStatus,
} from '@libs/cycle/cycle-definition';
import { durationMs } from '@libs/cycle/duration';
import { NOTICE_STATUSES, type NoticeStatus } from '@libs/cycle/notice-standing';
import { resendNotice, type NoticeOutboxConfig, type ResendOutcome } from '@libs/mail/notice-outbox';
import { plannedReminders, remindAnswer } from '@libs/mail/reminder-plan';
import type { EvaluationCycle } from '@libs/persistence/entities';
import { CycleItemRepository } from '@libs/persistence/repositories/cycle-item.repository';
import { CycleRepository } from '@libs/persistence/repositories/cycle.repository';
import { OutboxRepository } from '@libs/persistence/repositories/outbox.repository';
import { THRESHOLD_PRESET_NAMES, type ThresholdPreset } from '@libs/rules/thresholds';
import { DEFAULT_ASSESSMENT_WEIGHTS, type AssessmentWeights } from '@libs/rules/department-assessment';
import type { Localized } from '@libs/plan/localized';
import { CycleRequestError, type CycleClient } from '@libs/temporal/cycle-client';
import { PageQuery } from '../common/pagination';
import { ApiProblem } from '../common/problem.filter';
import { AuditService } from '../audit/audit.service';
import { Requires, type AuthenticatedRequest } from '../auth/auth.decorators';
import { CYCLE_CLIENT, NOTICE_OUTBOX } from '../tokens';
import {
  CancelledView,
  CyclePage,
  CycleStatusView,
  ExtendedView,
  LaunchedView,
  LiveView,
  NoticePage,
  RemindedView,
  ResentView,
} from './cycle-view';
import { AssessmentWeightsView } from './assessment-view';
import { LaunchPreviewView } from './launch-preview-view';
import { ItemAccess } from './item-access.service';

class LaunchBody {
  @ApiProperty({ example: 'heyuan-public-services-2021-2025' })
  @IsString()
  @MinLength(1)
  planCode: string;

  @ApiProperty({ enum: CYCLE_KINDS, description: 'annual 年度监测, midterm 中期评估, final 总结评估' })
  @IsIn(CYCLE_KINDS)
  kind: CycleKind;

  @ApiProperty({ example: 2023 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  fromYear: number;

  @ApiProperty({ example: 2023 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  toYear: number;

  @ApiProperty({ example: '2024-03-31T18:00:00+08:00' })
  @IsString()
  deadline: string;

  @ApiProperty({ example: '2024-05-31T18:00:00+08:00' })
  @IsString()
  hardClose: string;

  @ApiPropertyOptional({
    type: [String],
    enum: LAUNCH_ITEM_KINDS,
    default: LAUNCH_ITEM_KINDS,
    description:
      'project brings the reserve projects; service the basic public service items (专栏2), each of which needs its department assigned in the catalog first: leave service out to launch without them',
  })
  @IsOptional()
  @IsArray()
  @IsIn(LAUNCH_ITEM_KINDS, { each: true })
  itemKinds?: CycleDefinition['itemKinds'];

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  requireBureauAcceptance?: boolean;

  @ApiPropertyOptional({
    description:
      'the departments each group of the plan stands for in this cycle: the group by its code or name, each department by its code or name (as GET /api/departments lists them)',
    example: { 'relevant-city-departments': ['city-education', 'city-health'], 相关行业主管部门: ['市民政局'] },
  })
  @IsOptional()
  @IsObject()
  groupResolution?: Record<string, string[]>;

  @ApiPropertyOptional({ description: 'chasing policy overrides (durations such as "7 days")' })
  @IsOptional()
  @IsObject()
  policy?: Partial<ChasingPolicy>;

  @ApiPropertyOptional({ enum: THRESHOLD_PRESET_NAMES, default: DEFAULT_THRESHOLD_PRESET })
  @IsOptional()
  @IsIn(THRESHOLD_PRESET_NAMES)
  thresholdPreset?: ThresholdPreset;

  @ApiPropertyOptional({
    description:
      '监督考核权重 the departments’ assessment weights, points out of 100 (non-negative, summing to 100), saved with the cycle',
    type: AssessmentWeightsView,
    default: DEFAULT_ASSESSMENT_WEIGHTS,
  })
  @IsOptional()
  @IsObject()
  assessmentWeights?: AssessmentWeights;
}

/** The launch request as a cycle's definition: optional fields left out (undefined) or sent as null take their defaults. */
function launchDefinition(body: LaunchBody): CycleDefinition {
  const given = Object.fromEntries(Object.entries(body).filter(([, v]) => v != null));
  return {
    itemKinds: [...LAUNCH_ITEM_KINDS],
    requireBureauAcceptance: false,
    groupResolution: {},
    ...given,
    policy: { ...DEFAULT_CHASING_POLICY, ...body.policy },
  } as CycleDefinition;
}

class CycleListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CYCLE_STATUSES })
  @IsOptional()
  @IsIn(CYCLE_STATUSES)
  status?: CycleStatus;

  @ApiPropertyOptional({ enum: CYCLE_KINDS })
  @IsOptional()
  @IsIn(CYCLE_KINDS)
  kind?: CycleKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  planCode?: string;
}

class ExtendBody {
  @ApiProperty({ example: '2024-04-15T18:00:00+08:00' })
  @IsString()
  deadline: string;

  @ApiPropertyOptional({ description: 'one department only; all when absent' })
  @IsOptional()
  @IsString()
  department?: string;
}

class RemindBody {
  @ApiPropertyOptional({ description: 'one department only; all when absent' })
  @IsOptional()
  @IsString()
  department?: string;
}

class ReasonBody {
  @ApiProperty({ example: '规划调整，本轮评估取消' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}

class ReopenBody extends ReasonBody {
  @ApiProperty({ type: [String], example: ['indicator-5'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  itemKeys: string[];

  @ApiPropertyOptional({ description: 'closed cycles: when the corrections are due (default: two weeks)' })
  @IsOptional()
  @IsString()
  deadline?: string;

  @ApiPropertyOptional({ description: 'closed cycles: when the reopened run closes regardless (default: four weeks)' })
  @IsOptional()
  @IsString()
  hardClose?: string;
}

class NoticeQuery extends PageQuery {
  @ApiPropertyOptional({ enum: NOTICE_STATUSES })
  @IsOptional()
  @IsIn(NOTICE_STATUSES)
  status?: NoticeStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  department?: string;
}

const RESEND_REFUSED: Record<Exclude<ResendOutcome, { ok: true }>['reason'], Localized & { status: number }> = {
  not_found: { status: 404, zh: '本轮评估没有这条通知', en: 'this cycle has no such notice' },
  cycle_closed: {
    status: 409,
    zh: '本轮评估已结束，通知中的链接已不能使用，无需重新发送',
    en: 'the cycle is closed: its links can no longer be used, so nothing is resent',
  },
  nothing_waiting: {
    status: 409,
    zh: '这条通知中的事项都已办理，无需重新发送',
    en: 'every item of this notice has been dealt with; there is nothing to resend',
  },
  busy: {
    status: 409,
    zh: '同时有其他重新发送请求，请稍后再试',
    en: 'other resends of this notice are under way; try again shortly',
  },
};

@ApiTags('cycles 评估轮次')
@ApiBearerAuth()
@Controller('cycles')
export class CyclesController {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(CYCLE_CLIENT) private readonly cycles: CycleClient,
    @Inject(CycleRepository) private readonly cycleRecords: CycleRepository,
    @Inject(CycleItemRepository) private readonly items: CycleItemRepository,
    @Inject(OutboxRepository) private readonly noticeRecords: OutboxRepository,
    @Inject(ItemAccess) private readonly access: ItemAccess,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(NOTICE_OUTBOX) private readonly outbox: NoticeOutboxConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @Requires('cycle:manage')
  @ApiOperation({
    summary: '发起评估 Launch a cycle (400 bad request, 409 already launched, 422 the plan is not ready)',
  })
  @ApiCreatedResponse({ type: LaunchedView })
  async launch(@Body() body: LaunchBody, @Req() req: AuthenticatedRequest): Promise<LaunchedView> {
    const definition = launchDefinition(body);
    const launched = await this.cycles.launch(definition);
    await this.audit.record(req, {
      action: 'launch',
      entityType: 'cycle',
      entityId: launched.cycleId,
      after: definition,
    });
    return launched;
  }

  @Post('preview')
  @HttpCode(200)
  @Requires('cycle:manage')
  @ApiOperation({
    summary:
      '发起预览 What a launch would do, for the bureau to confirm: items by kind, each department with what it leads and co-operates on, the mails it sends; refused exactly as the launch would be (400, 422), nothing written',
  })
  @ApiOkResponse({ type: LaunchPreviewView })
  async preview(@Body() body: LaunchBody): Promise<LaunchPreviewView> {
    return this.cycles.previewLaunch(launchDefinition(body));
  }

  @Get()
  @Requires('cycle:read')
  @ApiOperation({ summary: '评估轮次列表 Cycles, newest first' })
  @ApiOkResponse({ type: CyclePage })
  async list(@Query() q: CycleListQuery): Promise<CyclePage> {
    const filter = {
      ...(q.status ? { status: q.status } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.planCode ? { planCode: q.planCode } : {}),
    };
    return this.cycleRecords.page(filter, q, ({ definition: _, ...c }) => c);
  }

  @Get(':id')
  @Requires('cycle:read')
  @ApiOperation({ summary: '评估轮次状态 A cycle and its items counted by department and state' })
  @ApiOkResponse({ type: CycleStatusView })
  async status(@Param('id') id: string): Promise<CycleStatusView> {
    const { definition: _, ...cycle } = await this.access.cycle(id);
    return { cycle, byDepartment: await this.items.countByDepartment(id) };
  }

  @Get(':id/live')
  @Requires('cycle:read')
  @ApiOperation({ summary: '实时状态 Live state from the running workflows: counts, departments, overdue items' })
  @ApiOkResponse({ type: LiveView })
  async live(@Param('id') id: string): Promise<LiveView> {
    const cycle = await this.access.cycle(id);
    if (cycle.status !== 'running') return { phase: 'closed', status: cycle.status };
    return this.cycles.liveStatus(id);
  }

  @Post(':id/extend')
  @HttpCode(200)
  @Requires('cycle:manage')
  @ApiOperation({ summary: '延期 Move the deadline, for all departments or one' })
  @ApiOkResponse({ type: ExtendedView })
  async extend(
    @Param('id') id: string,
    @Body() body: ExtendBody,
    @Req() req: AuthenticatedRequest,
  ): Promise<ExtendedView> {
    const cycle = await this.running(id);
    await this.cycles.extend(id, body.deadline, body.department);
    await this.audit.record(req, {
      action: 'extend',
      entityType: 'cycle',
      entityId: id,
      before: { deadline: cycle.deadline },
      after: body,
    });
    return { cycleId: id, deadline: body.deadline, department: body.department ?? null };
  }

  @Post(':id/remind')
  @HttpCode(200)
  @Requires('cycle:manage')
  @ApiOperation({
    summary:
      '立即催办 Remind now, all departments or one: answers who is reminded (the submitter, or the delegate in force), of how many items, and by when the mail leaves (400 a department the cycle does not have)',
  })
  @ApiOkResponse({ type: RemindedView })
  async remind(
    @Param('id') id: string,
    @Body() body: RemindBody,
    @Req() req: AuthenticatedRequest,
  ): Promise<RemindedView> {
    const cycle = await this.running(id);
    const now = Date.now();
    const plan = await plannedReminders(this.ds, id, body.department, now);
    if (body.department && plan.departments === 0)
      throw new ApiProblem(400, 'invalid_request', [
        { zh: '本轮评估没有该部门的事项', en: 'this cycle has no items of that department', field: 'department' },
      ]);
    await this.cycles.remindNow(id, body.department);
    await this.audit.record(req, { action: 'remind', entityType: 'cycle', entityId: id, after: body });
    const { policy } = cycle.definition as CycleDefinition;
    const leavesBy = now + durationMs(policy.digestWindow ?? DEFAULT_DIGEST_WINDOW);
    const answer = remindAnswer(plan, leavesBy);
    // In the caller's language, as error bodies are, and in English beside it.
    const english = /^en\b/i.test(req.headers['accept-language'] ?? '');
    return {
      cycleId: id,
      department: body.department ?? null,
      reminders: plan.reminders,
      leavesBy: new Date(leavesBy).toISOString(),
      message: english ? answer.en : answer.zh,
      messageEn: answer.en,
    };
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Requires('cycle:manage')
  @ApiOperation({
    summary:
      '重新打开 Send approved items back to their submitters, with the reason; a closed cycle runs again for them and its report gets a new version',
  })
  async reopen(@Param('id') id: string, @Body() body: ReopenBody, @Req() req: AuthenticatedRequest) {
    const cycle = await this.access.cycle(id);
    if (cycle.status === 'closed') {
      const reopened = await this.cycles.reopenClosed(id, {
        items: body.itemKeys,
        reason: body.reason,
        actor: actorOf(req.principal),
        requestId: req.requestId,
        deadline: body.deadline,
        hardClose: body.hardClose,
      });
      await this.audit.record(req, {
        action: 'reopen_cycle',
        entityType: 'cycle',
        entityId: id,
        before: { status: 'closed' },
        after: { status: 'running', ...reopened, reason: body.reason },
      });
      return reopened;
    }
    await this.running(id);
    const results = [];
    for (const [i, itemKey] of body.itemKeys.entries()) {
      const item = await this.access.launchedItem(req.principal, 'cycle:manage', id, itemKey);
      const result = await this.cycles.command(
        id,
        item.department,
        `${req.requestId}/${i}`,
        actorOf(req.principal),
        { type: 'reopen', itemKey, reason: body.reason },
        (r, before) =>
          this.audit.entry(
            req,
            {
              action: 'reopen',
              entityType: 'item',
              entityId: `${id}#${itemKey}`,
              before: { status: before.status },
              after: { status: r.status, reason: body.reason },
            },
            `/${i}`,
          ),
      );
      results.push(result);
    }
    return { results };
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Requires('cycle:manage')
  @ApiOperation({ summary: '取消 Cancel the cycle; every department is told why' })
  @ApiOkResponse({ type: CancelledView })
  async cancel(
    @Param('id') id: string,
    @Body() body: ReasonBody,
    @Req() req: AuthenticatedRequest,
  ): Promise<CancelledView> {
    await this.running(id);
    await this.cycles.cancel(id, body.reason);
    await this.audit.record(req, {
      action: 'cancel',
      entityType: 'cycle',
      entityId: id,
      before: { status: 'running' },
      after: { status: 'cancelling', reason: body.reason },
    });
    return { cycleId: id, cancelled: true };
  }

  @Get(':id/notices')
  @Requires('audit:read')
  @ApiOperation({
    summary:
      '通知记录 Notices sent, pending, undeliverable and dropped (filter status=undeliverable): recipient, event, items (and those left out as moved on), status and times, never the message (its links act for the department)',
  })
  @ApiOkResponse({ type: NoticePage })
  async notices(@Param('id') id: string, @Query() q: NoticeQuery): Promise<NoticePage> {
    await this.access.cycle(id);
    return this.noticeRecords.records(id, { status: q.status, department: q.department }, q);
  }

  @Post(':id/notices/:noticeId/resend')
  @HttpCode(202)
  @Requires('cycle:manage')
  @ApiOperation({
    summary:
      '重新发送通知 Send a notice again, to whoever holds the role now, with fresh links, for those of its items still waiting (404 no such notice, 409 the cycle is closed or nothing is waiting)',
  })
  @ApiAcceptedResponse({ type: ResentView })
  async resend(
    @Param('id') id: string,
    @Param('noticeId') noticeId: string,
    @Req() req: AuthenticatedRequest,
  ): Promise<ResentView> {
    await this.access.cycle(id);
    const resent = await resendNotice(this.ds, this.outbox, id, noticeId, req.requestId);
    if (!resent.ok)
      throw new ApiProblem(RESEND_REFUSED[resent.reason].status, `resend_${resent.reason}`, [
        RESEND_REFUSED[resent.reason],
      ]);
    await this.audit.record(req, {
      action: 'resend_notice',
      entityType: 'notice',
      entityId: noticeId,
      after: { resent: resent.noticeId, recipient: resent.recipient, itemKeys: resent.itemKeys },
    });
    return {
      noticeId: resent.noticeId,
      resendOf: noticeId,
      recipient: resent.recipient,
      itemKeys: resent.itemKeys,
      status: 'pending',
    };
  }

  private async running(id: string): Promise<EvaluationCycle> {
    const cycle = await this.access.cycle(id);
    if (cycle.status !== 'running') {
      throw new CycleRequestError('command_refused', [
        { zh: '本轮评估已结束，不能再修改', en: 'this cycle is closed; nothing can be changed' },
      ]);
    }
    return cycle;
  }
}
