/**
 * Reads the portal needs beside the item and the cycle: what to show next to
 * an indicator's input (target, base year, last year's approved value, the
 * value expected on the straight path, data-quality warnings on the latest
 * submission), and the bureau's dashboard (figures by department and by
 * category, timeliness, the overdue list and its Excel export: see CycleDashboard).
 */
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { Principal } from '@libs/access/principal';
import type { WorkItemSpec } from '@libs/cycle/submission';
import { Department, Indicator, Plan, SubmissionVersion, type EvaluationCycle } from '@libs/persistence/entities';
import { LOCALES, type Locale } from '@libs/plan/localized';
import { checkValueQuality } from '@libs/rules/data-quality';
import { expectedValue, targetText } from '@libs/rules/expected';
import { Caller, Requires } from '../auth/auth.decorators';
import { CycleDashboard } from './dashboard.service';
import { ItemAccess } from './item-access.service';
import { writeOverdueWorkbook } from './overdue-workbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

class WorkbookQuery {
  @ApiPropertyOptional({ enum: LOCALES, default: 'zh-CN' })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

@ApiTags('items 事项')
@ApiBearerAuth()
@Controller('cycles/:cycleId')
export class PortalController {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(CycleDashboard) private readonly dashboard: CycleDashboard,
    @Inject(ItemAccess) private readonly access: ItemAccess,
  ) {}

  @Get('items/:itemKey/guide')
  @Requires('item:read')
  @ApiOperation({
    summary:
      '填报参考 What to show beside the input: unit, base year, target, last year’s value, expected value, warnings on the latest submission',
  })
  async guide(@Param('cycleId') cycleId: string, @Param('itemKey') itemKey: string, @Caller() p: Principal) {
    const item = await this.access.item(p, 'item:read', cycleId, itemKey);
    const cycle = await this.access.cycle(cycleId);
    const plan = await this.ds.getRepository(Plan).findOneByOrFail({ code: cycle.planCode });
    const spec = item.spec as WorkItemSpec;
    const year = cycle.toYear;
    const latest = await this.ds
      .getRepository(SubmissionVersion)
      .findOne({ where: { cycleId, itemKey }, order: { version: 'DESC' } });
    const department = await this.ds.getRepository(Department).findOneBy({ code: item.department });
    const context = {
      year,
      kind: spec.kind,
      cycle: {
        id: cycle.id,
        kind: cycle.kind,
        fromYear: cycle.fromYear,
        toYear: cycle.toYear,
        deadline: cycle.deadline,
        status: cycle.status,
      },
      department: {
        code: item.department,
        zh: department?.name ?? item.department,
        en: department?.nameEn ?? item.department,
      },
    };
    if (!spec.indicator) return { ...context, indicator: null, latest: latest?.payload ?? null, warnings: [] };
    const printed = await this.ds
      .getRepository(Indicator)
      .findOne({ where: { plan: { code: plan.code }, no: spec.no }, relations: { category: true } });
    const previous = await this.previousValue(cycle, plan, spec);
    const value = (latest?.payload as { value?: unknown } | undefined)?.value;
    const warnings =
      typeof value === 'number'
        ? checkValueQuality({ no: spec.no, unit: spec.indicator.unit }, value, previous?.value ?? null).map((w) => ({
            ...w.message,
            rule: w.rule,
            blocking: w.blocking,
          }))
        : [];
    return {
      ...context,
      indicator: {
        unit: spec.indicator.unit,
        category: printed ? { zh: printed.category.name, en: printed.category.nameEn } : null,
        binding: printed?.attribute === 'binding',
        baseline: {
          year: plan.baselineYear,
          printed: printed?.baselinePrinted ?? null,
          value: spec.indicator.baseline.kind === 'value' ? spec.indicator.baseline.value : null,
        },
        target: {
          year: plan.endYear,
          printed: printed?.targetPrinted ?? null,
          text: targetText(spec.indicator.target),
          kind: spec.indicator.target.kind,
        },
        expected: expectedValue(spec.indicator, year, plan),
        previous,
      },
      latest: latest?.payload ?? null,
      warnings,
    };
  }

  @Get('overview')
  @Requires('cycle:read')
  @ApiOperation({
    summary:
      '进度总览 The dashboard, from the records and the clock: items by department and by category and state, each department’s timeliness, the overdue items (a closed cycle’s: those never submitted or left returned)',
  })
  async overview(@Param('cycleId') cycleId: string) {
    return this.dashboard.overview(await this.access.cycle(cycleId));
  }

  @Get('overdue/xlsx')
  @Requires('cycle:read')
  @ApiOperation({ summary: '导出逾期事项 The overdue list as an Excel workbook (lang=en for English headings)' })
  async overdueWorkbook(@Param('cycleId') cycleId: string, @Query() q: WorkbookQuery, @Res() res: Response) {
    const overview = await this.dashboard.overview(await this.access.cycle(cycleId));
    const locale = q.lang ?? 'zh-CN';
    res.type(XLSX);
    res.attachment(locale === 'en' ? 'overdue.en.xlsx' : '逾期事项.xlsx');
    res.send(await writeOverdueWorkbook(overview, locale));
  }

  /** Last year's approved value: the base year's printed figure, or the previous annual cycle's approved version. */
  private async previousValue(
    cycle: EvaluationCycle,
    plan: Plan,
    spec: WorkItemSpec,
  ): Promise<{ year: number; value: number; source: 'baseline' | 'cycle' } | null> {
    const year = cycle.toYear - 1;
    if (year === plan.baselineYear)
      return spec.indicator?.baseline.kind === 'value'
        ? { year, value: spec.indicator.baseline.value, source: 'baseline' }
        : null;
    const [row] = await this.ds.query(
      `SELECT s.payload->'value' AS value FROM submission_version s JOIN evaluation_cycle c ON c.id = s.cycle_id
        WHERE c.plan_code = $1 AND c.to_year = $2 AND s.item_key = $3 AND s.approved_at IS NOT NULL
        ORDER BY s.approved_at DESC LIMIT 1`,
      [plan.code, year, spec.key],
    );
    return typeof row?.value === 'number' ? { year, value: row.value, source: 'cycle' } : null;
  }
}
