/**
 * Reads the portal needs beside the item and the cycle: what to show next to
 * an indicator's input (target, base year, last year's approved value, the
 * value expected on the straight path, data-quality warnings on the latest
 * submission), and the bureau's dashboard (figures by department and by
 * category, timeliness, the overdue list and its Excel export: see CycleDashboard).
 */
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import type { Principal } from '@libs/access/principal';
import type { WorkItemSpec } from '@libs/cycle/submission';
import type { EvaluationCycle, Plan } from '@libs/persistence/entities';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import { SubmissionRepository } from '@libs/persistence/repositories/submission.repository';
import { LOCALES, type Locale } from '@libs/plan/localized';
import { checkValueQuality } from '@libs/rules/data-quality';
import { expectedValue, targetText } from '@libs/rules/expected';
import { Caller, Requires } from '../auth/auth.decorators';
import { CycleDashboard } from './dashboard.service';
import { ItemAccess } from './item-access.service';
import { writeOverdueWorkbook } from './overdue-workbook';
import { CycleOverviewView } from './overview-view';
import { GuideView, type PREVIOUS_VALUE_SOURCES } from './item-view';

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
    @Inject(CycleDashboard) private readonly dashboard: CycleDashboard,
    @Inject(ItemAccess) private readonly access: ItemAccess,
    @Inject(CatalogRepository) private readonly catalog: CatalogRepository,
    @Inject(SubmissionRepository) private readonly submissions: SubmissionRepository,
  ) {}

  @Get('items/:itemKey/guide')
  @Requires('item:read')
  @ApiOperation({
    summary:
      '填报参考 What to show beside the input: unit, base year, target, last year’s value, expected value, warnings on the latest submission',
  })
  @ApiOkResponse({ type: GuideView })
  async guide(
    @Param('cycleId') cycleId: string,
    @Param('itemKey') itemKey: string,
    @Caller() p: Principal,
  ): Promise<GuideView> {
    const item = await this.access.item(p, 'item:read', cycleId, itemKey);
    const cycle = await this.access.cycle(cycleId);
    const plan = await this.access.plan(cycle.planCode);
    const spec = item.spec as WorkItemSpec;
    const year = cycle.toYear;
    const latest = await this.submissions.latestVersion(cycleId, itemKey);
    const department = await this.catalog.department(item.department);
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
    const printed = await this.catalog.indicator(plan.code, spec.no);
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
  @ApiOkResponse({ type: CycleOverviewView })
  async overview(@Param('cycleId') cycleId: string): Promise<CycleOverviewView> {
    return this.dashboard.overview(await this.access.cycle(cycleId));
  }

  @Get('overdue/xlsx')
  @Requires('cycle:read')
  @ApiOperation({ summary: '导出逾期事项 The overdue list as an Excel workbook (lang=en for English headings)' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'the workbook, as an attachment', schema: { type: 'string', format: 'binary' } })
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
  ): Promise<{ year: number; value: number; source: (typeof PREVIOUS_VALUE_SOURCES)[number] } | null> {
    const year = cycle.toYear - 1;
    if (year === plan.baselineYear)
      return spec.indicator?.baseline.kind === 'value'
        ? { year, value: spec.indicator.baseline.value, source: 'baseline' }
        : null;
    const value = await this.submissions.approvedValue(plan.code, year, spec.key);
    return value === null ? null : { year, value, source: 'cycle' };
  }
}
