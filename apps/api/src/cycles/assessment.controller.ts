/**
 * 监督考核: the departments' scores of a closed cycle's latest report version,
 * ranked, as JSON for the portal and as an Excel workbook (zh-CN headers, or
 * English with lang=en). Computed and stored at the close; read here only.
 */
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import type { DepartmentAssessment } from '@libs/persistence/entities';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import { DepartmentAssessmentRepository } from '@libs/persistence/repositories/department-assessment.repository';
import { LOCALES, type Locale } from '@libs/plan/localized';
import type { AssessmentWeights } from '@libs/rules/department-assessment';
import { addAssessmentSheet, type ShownAssessment } from '@libs/report/report-assessment';
import { notFound } from '../common/problem.filter';
import { Requires } from '../auth/auth.decorators';
import { AssessmentFactsView, CycleAssessmentView, type DepartmentAssessmentView } from './assessment-view';
import { ItemAccess } from './item-access.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

class AssessmentQuery {
  @ApiPropertyOptional({ enum: LOCALES, default: 'zh-CN' })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

@ApiTags('reports 报告')
@ApiBearerAuth()
@Controller('cycles/:cycleId')
export class AssessmentController {
  constructor(
    @Inject(DepartmentAssessmentRepository) private readonly assessments: DepartmentAssessmentRepository,
    @Inject(CatalogRepository) private readonly catalog: CatalogRepository,
    @Inject(ItemAccess) private readonly access: ItemAccess,
  ) {}

  @Get('assessment')
  @Requires('report:read')
  @ApiOperation({
    summary: '部门考核 The departments’ assessment of the latest report: ranked, with components and weights',
  })
  @ApiOkResponse({ type: CycleAssessmentView })
  async assessment(@Param('cycleId') cycleId: string): Promise<CycleAssessmentView> {
    const rows = await this.scored(cycleId);
    const departments = await this.named(rows);
    return { cycleId, reportVersion: rows[0].reportVersion, weights: rows[0].weights, departments };
  }

  @Get('assessment.xlsx')
  @Requires('report:read')
  @ApiOperation({ summary: '导出部门考核 The departments’ assessment as an Excel workbook (lang=en for English)' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'the workbook, as an attachment', schema: { type: 'string', format: 'binary' } })
  async workbook(@Param('cycleId') cycleId: string, @Query() q: AssessmentQuery, @Res() res: Response): Promise<void> {
    const locale = q.lang ?? 'zh-CN';
    const departments = await this.named(await this.scored(cycleId));
    const wb = new ExcelJS.Workbook();
    wb.creator = 'plan-eval';
    addAssessmentSheet(
      wb,
      locale,
      departments.map((d): ShownAssessment => ({ ...d, name: locale === 'en' ? d.nameEn : d.name })),
    );
    res.type(XLSX);
    res.attachment(locale === 'en' ? 'assessment.en.xlsx' : '部门考核.xlsx');
    res.send(Buffer.from(await wb.xlsx.writeBuffer()));
  }

  private async scored(cycleId: string): Promise<DepartmentAssessment[]> {
    await this.access.cycle(cycleId);
    const rows = await this.assessments.latest(cycleId);
    if (rows.length === 0)
      throw notFound(
        '本轮评估尚未关闭，部门考核在关闭时计算',
        'this cycle has no assessment yet: departments are assessed when it closes',
      );
    return rows;
  }

  private async named(rows: DepartmentAssessment[]): Promise<DepartmentAssessmentView[]> {
    const names = new Map(
      (await this.catalog.departmentsByCode(rows.map((r) => r.department))).map((d) => [d.code, d]),
    );
    return rows.map((r) => ({
      department: r.department,
      name: names.get(r.department)?.name ?? r.department,
      nameEn: names.get(r.department)?.nameEn ?? r.department,
      rank: r.rank,
      total: r.total,
      grade: r.grade,
      components: {
        timeliness: r.timeliness,
        completeness: r.completeness,
        quality: r.quality,
        results: r.results,
      },
      weights: r.weights as AssessmentWeights,
      facts: r.facts as AssessmentFactsView,
    }));
  }
}
