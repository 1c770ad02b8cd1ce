/**
 * 运行异常: the steps of a cycle stopped after their activity's retries ran
 * out, and the bureau's retry, which signals the waiting workflow to run the
 * step again (audited). A problem is retried once; the step, failing again,
 * records a new one.
 */
import { Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { CycleProblemRepository } from '@libs/persistence/repositories/cycle-problem.repository';
import { retryCycleStep } from '@libs/temporal/cycle-problem-client';
import { ApiProblem } from '../common/problem.filter';
import { AuditService } from '../audit/audit.service';
import { Requires, type AuthenticatedRequest } from '../auth/auth.decorators';
import { TEMPORAL_CLIENT } from '../tokens';
import { ItemAccess } from './item-access.service';

export class CycleProblemView {
  @ApiProperty({ example: 3 })
  id: number;

  @ApiProperty({ type: String, nullable: true, description: 'null for a step of the cycle itself', example: null })
  department: string | null;

  @ApiProperty({ example: 'closeCycle', description: 'the activity that gave up' })
  step: string;

  @ApiProperty({ description: 'its last error, as the activity reported it' })
  error: string;

  @ApiProperty({ example: 24 })
  attempts: number;

  @ApiProperty({ type: String, format: 'date-time' })
  at: Date;
}

export class CycleProblemsView {
  @ApiProperty({ type: [CycleProblemView], description: 'the steps waiting for the bureau’s retry, oldest first' })
  items: CycleProblemView[];
}

export class ProblemRetriedView {
  @ApiProperty()
  id: number;

  @ApiProperty({ type: String, format: 'date-time' })
  retriedAt: Date;
}

@ApiTags('cycles 评估轮次')
@ApiBearerAuth()
@Controller('cycles/:id/problems')
export class CycleProblemsController {
  private readonly problems: CycleProblemRepository;

  constructor(
    @Inject(DataSource) ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ItemAccess) private readonly access: ItemAccess,
  ) {
    this.problems = new CycleProblemRepository(ds);
  }

  @Get()
  @Requires('cycle:read')
  @ApiOperation({
    summary:
      '运行异常 Steps of the cycle stopped after their retries ran out, each waiting for the bureau’s retry (404 an unknown cycle)',
  })
  @ApiOkResponse({ type: CycleProblemsView })
  async list(@Param('id') id: string): Promise<CycleProblemsView> {
    await this.access.cycle(id);
    const rows = await this.problems.waiting(id);
    return {
      items: rows.map(({ id, department, step, error, attempts, at }) => ({
        id,
        department,
        step,
        error,
        attempts,
        at,
      })),
    };
  }

  @Post(':problemId/retry')
  @HttpCode(200)
  @Requires('cycle:manage')
  @ApiOperation({
    summary:
      '重试 Run the stopped step again, once its cause is removed (audited; 404 an unknown problem, 409 one already retried)',
  })
  @ApiParam({ name: 'problemId', type: Number })
  @ApiOkResponse({ type: ProblemRetriedView })
  async retry(
    @Param('id') id: string,
    @Param('problemId') problemParam: string,
    @Req() req: AuthenticatedRequest,
  ): Promise<ProblemRetriedView> {
    const problemId = Number(problemParam);
    if (!/^[1-9]\d{0,9}$/.test(problemParam))
      throw new ApiProblem(400, 'invalid_request', [
        { zh: '异常编号应为正整数', en: 'problemId must be a positive whole number', field: 'problemId' },
      ]);
    const problem = await this.problems.find(id, problemId);
    if (!problem)
      throw new ApiProblem(404, 'not_found', [
        { zh: '本轮评估没有该运行异常', en: 'this cycle has no such problem', field: 'problemId' },
      ]);
    if (problem.retriedAt)
      throw new ApiProblem(409, 'already_retried', [
        {
          zh: '该异常已经重试过，请刷新查看最新状态',
          en: 'this problem was already retried; refresh to see where it stands',
        },
      ]);
    // The signal first: a retry sent twice (two clicks at once) runs the step once, as the workflow keeps a set.
    await retryCycleStep(this.temporal, problem.workflowId, problemId);
    await this.problems.markRetried(problemId, req.principal.email);
    await this.audit.record(req, {
      action: 'retry_step',
      entityType: 'cycle',
      entityId: id,
      before: { problemId, step: problem.step, department: problem.department, error: problem.error },
    });
    return { id: problemId, retriedAt: new Date() };
  }
}
