import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_CHASING_POLICY, type CycleDefinition } from '@libs/cycle/cycle-definition';
import { CycleRequestError, type CycleClient } from '@libs/temporal/cycle-client';
import { CYCLE_CLIENT } from './tokens';

type LaunchBody = Partial<CycleDefinition>;

/** Launching a cycle and reading its state; the state comes from PostgreSQL, kept current by the workflows. */
@Controller('cycles')
export class CyclesController {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(CYCLE_CLIENT) private readonly cycles: CycleClient,
  ) {}

  @Post()
  @HttpCode(201)
  launch(@Body() body: LaunchBody) {
    const missing = (['planCode', 'kind', 'fromYear', 'toYear', 'deadline', 'hardClose'] as const).filter((k) => body?.[k] === undefined);
    if (missing.length) {
      throw new CycleRequestError('invalid_request', missing.map((k) => ({ zh: `缺少字段 ${k}`, en: `${k} is required` })));
    }
    if (!['annual', 'midterm', 'final'].includes(body.kind!)) {
      throw new CycleRequestError('invalid_request', [{ zh: 'kind 应为 annual、midterm 或 final', en: 'kind must be annual, midterm or final' }]);
    }
    return this.cycles.launch({
      itemKinds: ['indicator', 'task', 'project'],
      requireBureauAcceptance: false,
      groupResolution: {},
      ...body,
      policy: { ...DEFAULT_CHASING_POLICY, ...body.policy },
    } as CycleDefinition);
  }

  /** Cycle IDs contain slashes: clients URL-encode them (cycle%2Fheyuan…). */
  @Get(':id')
  async status(@Param('id') id: string) {
    const [cycle] = await this.ds.query(`SELECT id, plan_code, kind, from_year, to_year, deadline, hard_close, status FROM evaluation_cycle WHERE id = $1`, [id]);
    if (!cycle) throw new NotFoundException(`cycle ${id}`);
    const byDepartment = await this.ds.query(
      `SELECT department, status, count(*)::int AS items FROM work_item WHERE cycle_id = $1 GROUP BY department, status ORDER BY department, status`,
      [id],
    );
    return { cycle, byDepartment };
  }
}
