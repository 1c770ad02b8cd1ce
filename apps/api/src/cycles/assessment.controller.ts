/**
 * 监督考核: the departments' scores of a closed cycle's latest report version,
 * ranked, as JSON for the portal and as an Excel workbook (zh-CN headers, or
 * English with lang=en). Computed and stored at the close; read here only.
 */
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import type { Timeliness } from '@libs/cycle/timeliness';
import { TIMELINESSES } from '@libs/cycle/timeliness';
import type { DepartmentAssessment } from '@libs/persistence/entities';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import { DepartmentAssessmentRepository } from '@libs/persistence/repositories/department-assessment.repository';
import { LOCALES, type Locale } from '@libs/plan/localized';
import { GRADES, type AssessmentWeights, type Grade } from '@libs/rules/department-assessment';
import { addAssessmentSheet, type ShownAssessment } from '@libs/report/report-assessment';
import { notFound } from '../common/problem.filter';
import { Requires } from '../auth/auth.decorators';
import { ItemAccess } from './item-access.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

class AssessmentQuery {
  @ApiPropertyOptional({ enum: LOCALES, default: 'zh-CN' })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

export class AssessmentWeightsView {
  @ApiProperty({ example: 25 })
  timeliness: number;
  @ApiProperty({ example: 25 })
  completeness: number;
  @ApiProperty({ example: 20 })
  quality: number;
  @ApiProperty({ example: 30 })
  results: number;
}

export class AssessmentComponentsView {
  @ApiProperty({ description: '报送及时性 0–100' })
  timeliness: number;
  @ApiProperty({ description: '报送完整性 0–100' })
  completeness: number;
  @ApiProperty({ description: '数据质量 0–100' })
  quality: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '目标完成情况 0–100; null: no item judged against a path (its weight counts for the others)',
  })
  results: number | null;
}

export class AssessmentFactsView {
  @ApiProperty({ enum: TIMELINESSES })
  timeliness: Timeliness;
  @ApiProperty({ description: 'items assigned to the department as lead' })
  assigned: number;
  @ApiProperty({ description: 'of them, approved at the close' })
  approved: number;
  @ApiProperty({ description: 'times a review returned one of its submissions' })
  returns: number;
  @ApiProperty({ description: 'blocking data-quality findings on its approved values' })
  blockingFindings: number;
  @ApiProperty({ description: 'data-quality warnings standing on its approved values' })
  warnings: number;
  @ApiProperty({ description: 'its items whose reasons or measures are boilerplate (套话)' })
  boilerplate: number;
}

export class DepartmentAssessmentView {
  @ApiProperty({ example: 'city-education' })
  department: string;
  @ApiProperty({ example: '市教育局' })
  name: string;
  @ApiProperty({ example: 'Municipal Education Bureau' })
  nameEn: string;
  @ApiProperty({ description: '1 is best; equal totals share a rank' })
  rank: number;
  @ApiProperty({ description: 'the weighted total, 0–100' })
  total: number;
  @ApiProperty({ enum: GRADES, description: '优秀 ≥90, 良好 ≥80, 合格 ≥60, 不合格 below' })
  grade: Grade;
  @ApiProperty({ type: AssessmentComponentsView })
  components: AssessmentComponentsView;
  @ApiProperty({ type: AssessmentWeightsView, description: 'the weights this score was made with' })
  weights: AssessmentWeightsView;
  @ApiProperty({ type: AssessmentFactsView })
  facts: AssessmentFactsView;
}

export class CycleAssessmentView {
  @ApiProperty()
  cycleId: string;
  @ApiProperty({ description: 'the report version the scores belong to (a reopen’s recompiled version has its own)' })
  reportVersion: number;
  @ApiProperty({ type: AssessmentWeightsView })
  weights: AssessmentWeightsView;
  @ApiProperty({ type: [DepartmentAssessmentView], description: 'best first' })
  departments: DepartmentAssessmentView[];
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
