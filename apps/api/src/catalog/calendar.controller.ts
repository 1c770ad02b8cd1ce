/**
 * A plan's evaluation calendar (评估日历): the Temporal Schedules that launch
 * its annual monitoring, mid-term and final evaluations. The bureau creates
 * it (or brings it in line with the plan's period), pauses and resumes it
 * with a reason; each change is audited.
 */
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { loadConfig } from '@libs/config/config';
import { CYCLE_KINDS, type CycleKind } from '@libs/cycle/cycle-definition';
import {
  describeEvaluationCalendar,
  ensureEvaluationCalendar,
  schedulesUnsupported,
  setEvaluationCalendarPaused,
  storedPlanCalendar,
} from '@libs/temporal/calendar-client';
import { ApiProblem } from '../common/problem.filter';
import { AuditService } from '../audit/audit.service';
import { Requires, type AuthenticatedRequest } from '../auth/auth.decorators';
import { TEMPORAL_CLIENT } from '../tokens';
import { CalendarEnsuredView, CalendarView } from './calendar-view';

class CalendarPauseBody {
  @ApiProperty({ example: '规划中期调整，暂缓评估', description: 'why: kept with the schedule and audited' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({ enum: CYCLE_KINDS, description: 'one kind only; all three when absent' })
  @IsOptional()
  @IsIn(CYCLE_KINDS)
  kind?: CycleKind;
}

/** A Temporal server without Schedules answers 503 with what it means, not a bare 500. */
async function onSchedules<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!schedulesUnsupported(e)) throw e;
    throw new ApiProblem(503, 'calendar_unavailable', [
      {
        zh: '所连接的Temporal服务器不支持日程（Schedules），无法使用评估日历',
        en: 'the Temporal server in use has no Schedules: the evaluation calendar cannot be kept there',
      },
    ]);
  }
}

@ApiTags('plans 规划')
@ApiBearerAuth()
@Controller('plans/:code/calendar')
export class CalendarController {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Get()
  @Requires('cycle:read')
  @ApiOperation({
    summary:
      '评估日历 The plan’s evaluation calendar: each schedule’s state (absent, active, paused), next launches and recent launches with the cycle each stood for (404 an unknown plan)',
  })
  @ApiOkResponse({ type: CalendarView })
  async show(@Param('code') code: string): Promise<CalendarView> {
    const { planCode } = await storedPlanCalendar(this.ds, code);
    return { plan: planCode, schedules: await onSchedules(() => describeEvaluationCalendar(this.temporal, planCode)) };
  }

  @Post()
  @HttpCode(200)
  @Requires('cycle:manage')
  @ApiOperation({
    summary:
      '创建评估日历 Create the calendar from the plan’s period, or update a schedule that differs from it; the same request again changes nothing (audited)',
  })
  @ApiOkResponse({ type: CalendarEnsuredView })
  async ensure(@Param('code') code: string, @Req() req: AuthenticatedRequest): Promise<CalendarEnsuredView> {
    const calendar = await storedPlanCalendar(this.ds, code);
    const taskQueue = loadConfig('temporal').TEMPORAL_TASK_QUEUE;
    const changes = await onSchedules(() => ensureEvaluationCalendar(this.temporal, taskQueue, calendar));
    await this.audit.record(req, { action: 'calendar_ensure', entityType: 'plan', entityId: code, after: changes });
    return { ...(await this.show(code)), changes };
  }

  @Post('pause')
  @HttpCode(200)
  @Requires('cycle:manage')
  @ApiOperation({ summary: '暂停评估日历 Pause the calendar’s launches, all kinds or one, with a reason (audited)' })
  @ApiOkResponse({ type: CalendarView })
  pause(@Param('code') code: string, @Body() body: CalendarPauseBody, @Req() req: AuthenticatedRequest) {
    return this.setPaused(code, true, body, req);
  }

  @Post('resume')
  @HttpCode(200)
  @Requires('cycle:manage')
  @ApiOperation({ summary: '恢复评估日历 Resume the calendar’s launches, all kinds or one, with a reason (audited)' })
  @ApiOkResponse({ type: CalendarView })
  resume(@Param('code') code: string, @Body() body: CalendarPauseBody, @Req() req: AuthenticatedRequest) {
    return this.setPaused(code, false, body, req);
  }

  private async setPaused(
    code: string,
    paused: boolean,
    body: CalendarPauseBody,
    req: AuthenticatedRequest,
  ): Promise<CalendarView> {
    const { planCode } = await storedPlanCalendar(this.ds, code);
    const kinds = body.kind ? [body.kind] : CYCLE_KINDS;
    const changed = await onSchedules(() =>
      setEvaluationCalendarPaused(this.temporal, planCode, paused, body.reason, kinds),
    );
    if (changed.length === 0)
      throw new ApiProblem(409, 'calendar_absent', [
        {
          zh: '评估日历尚未创建，请先创建后再暂停或恢复',
          en: 'the evaluation calendar has not been created yet: create it before pausing or resuming it',
        },
      ]);
    await this.audit.record(req, {
      action: paused ? 'calendar_pause' : 'calendar_resume',
      entityType: 'plan',
      entityId: planCode,
      after: { kinds: changed, reason: body.reason },
    });
    return this.show(planCode);
  }
}
