/** Plans: list, the catalog as the portal reads it, export (JSON or Excel) and import of a new version. */
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { Response } from 'express';
import { readPlan } from '@libs/catalog/catalog-read';
import { exportPlan } from '@libs/catalog/plan-export';
import { PROJECT_STATUSES } from '@libs/plan/plan-file';
import { parsePlanUpload } from '@libs/catalog/plan-file-io';
import { writePlanWorkbook } from '@libs/catalog/plan-workbook';
import { assignServiceItems, listServiceItems } from '@libs/catalog/service-assignments';
import { AuditRepository } from '@libs/persistence/repositories/audit.repository';
import { CatalogImportRepository } from '@libs/persistence/repositories/catalog-import.repository';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import { Transactions } from '@libs/persistence/repositories/transactions';
import { FileUpload } from '../common/file-upload';
import { ApiProblem, badRequest } from '../common/problem.filter';
import { pageOf, PageQuery } from '../common/pagination';
import { AuditService } from '../audit/audit.service';
import { Requires, type AuthenticatedRequest } from '../auth/auth.decorators';
import {
  IndicatorPage,
  PlanImportView,
  PlanPage,
  ProjectPage,
  ServiceItemsView,
  TargetPage,
  TaskPage,
} from './plan-views';

class IndicatorQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'department code or name (variants such as 统计局 accepted)' })
  @IsOptional()
  @IsString()
  department?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  category?: string;
}

class ProjectQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROJECT_STATUSES, description: 'planned (附件3) or reserve (附件4); both when absent' })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: (typeof PROJECT_STATUSES)[number];
}

class ExportQuery {
  @ApiPropertyOptional({ enum: ['json', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'xlsx'])
  format: 'json' | 'xlsx' = 'json';
}

class ServiceAssignmentBody {
  @ApiProperty({ example: 5, description: 'the item’s number in 专栏2' })
  @IsInt()
  @Min(1)
  no: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'city-health',
    description:
      'the department by its code or name (as GET /api/departments lists them); null withdraws the assignment',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  department: string | null = null;
}

class ServiceAssignmentsBody {
  @ApiProperty({ type: [ServiceAssignmentBody] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ServiceAssignmentBody)
  assignments: ServiceAssignmentBody[];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Plan files are small; anything bigger than this is not a plan. */
const MAX_PLAN_BYTES = 10 * 1024 * 1024;

@ApiTags('plans 规划')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(
    @Inject(CatalogRepository) private readonly catalog: CatalogRepository,
    @Inject(CatalogImportRepository) private readonly imports: CatalogImportRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Get()
  @Requires('catalog:read')
  @ApiOperation({ summary: '规划列表 Plans in the catalog' })
  @ApiOkResponse({ type: PlanPage })
  async list(@Query() q: PageQuery): Promise<PlanPage> {
    const plans = await this.catalog.plans();
    return pageOf(
      plans.map(({ code, name, nameEn, baselineYear, startYear, endYear, updatedAt }) => ({
        code,
        name,
        nameEn,
        baselineYear,
        startYear,
        endYear,
        updatedAt,
      })),
      q,
    );
  }

  @Get(':code/indicators')
  @Requires('catalog:read')
  @ApiOperation({ summary: '主要指标 The plan’s indicators, by department and category' })
  @ApiOkResponse({ type: IndicatorPage })
  async indicators(@Param('code') code: string, @Query() q: IndicatorQuery): Promise<IndicatorPage> {
    const plan = await readPlan(this.catalog, code);
    const dept = q.department ? (plan.directory.unit(q.department)?.name ?? q.department) : undefined;
    const items = exportPlan(plan).indicators.filter(
      (i) =>
        (!dept || i.leadDepartment === dept || i.coDepartments.includes(dept)) &&
        (!q.category || i.category === q.category),
    );
    return pageOf(items, q);
  }

  @Get(':code/targets')
  @Requires('catalog:read')
  @ApiOperation({ summary: '主要目标 The plan’s main targets (附件2), with their indicators and departments' })
  @ApiOkResponse({ type: TargetPage })
  async targets(@Param('code') code: string, @Query() q: PageQuery): Promise<TargetPage> {
    return pageOf(exportPlan(await readPlan(this.catalog, code)).targets, q);
  }

  @Get(':code/tasks')
  @Requires('catalog:read')
  @ApiOperation({ summary: '主要任务 The plan’s main tasks (附件2), with their details and departments' })
  @ApiOkResponse({ type: TaskPage })
  async tasks(@Param('code') code: string, @Query() q: PageQuery): Promise<TaskPage> {
    return pageOf(exportPlan(await readPlan(this.catalog, code)).tasks, q);
  }

  @Get(':code/projects')
  @Requires('catalog:read')
  @ApiOperation({
    summary:
      '重大项目 The plan’s major projects, planned (附件3) and reserve (附件4): content, investment, land, owner and departments',
  })
  @ApiOkResponse({ type: ProjectPage })
  async projects(@Param('code') code: string, @Query() q: ProjectQuery): Promise<ProjectPage> {
    const projects = exportPlan(await readPlan(this.catalog, code)).projects;
    return pageOf(
      projects.filter((p) => !q.status || p.status === q.status),
      q,
    );
  }

  @Get(':code/export')
  @Requires('catalog:read')
  @ApiOperation({ summary: '导出规划 The plan as a JSON file or an Excel workbook (the import template)' })
  @ApiProduces('application/json', XLSX)
  @ApiOkResponse({ description: 'the file, as an attachment', schema: { type: 'string', format: 'binary' } })
  async export(@Param('code') code: string, @Query() q: ExportQuery, @Res() res: Response): Promise<void> {
    const plan = await readPlan(this.catalog, code);
    if (q.format === 'xlsx') {
      res
        .attachment(`${code}.xlsx`)
        .type(XLSX)
        .send(await writePlanWorkbook(plan.file));
    } else {
      res
        .attachment(`${code}.json`)
        .type('application/json')
        .send(JSON.stringify(exportPlan(plan), null, 2));
    }
  }

  @Get(':code/service-items')
  @Requires('catalog:read')
  @ApiOperation({
    summary:
      '基本公共服务项目 The basic public service items (专栏2), each with the department assigned to report it (null: none yet)',
  })
  @ApiOkResponse({ type: ServiceItemsView })
  async serviceItems(@Param('code') code: string): Promise<ServiceItemsView> {
    return { items: await listServiceItems(this.catalog, code) };
  }

  @Put(':code/service-items/departments')
  @Requires('catalog:write')
  @ApiOperation({
    summary:
      '指定基本公共服务项目责任单位 Assign the departments that report basic service items, all or none (audited; a launch refuses items left unassigned)',
  })
  @ApiOkResponse({ type: ServiceItemsView })
  async assignServiceItems(
    @Param('code') code: string,
    @Body() body: ServiceAssignmentsBody,
    @Req() req: AuthenticatedRequest,
  ): Promise<ServiceItemsView> {
    return this.transactions.run(async (use) => {
      const outcome = await assignServiceItems(use(CatalogRepository), code, body.assignments);
      if (!outcome.ok) throw new ApiProblem(422, 'invalid_assignment', outcome.problems);
      await this.audit.record(
        req,
        {
          action: 'assign_service_items',
          entityType: 'plan',
          entityId: code,
          before: outcome.before,
          after: body.assignments.map(({ no, department }) => ({ no, department })),
        },
        use(AuditRepository),
      );
      return { items: outcome.items };
    });
  }

  @Post('import')
  @HttpCode(200)
  @Requires('catalog:write')
  @UseInterceptors(FileUpload(MAX_PLAN_BYTES, { zh: '规划文件', en: 'the plan file' }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary', description: '.json or .xlsx' } },
      required: ['file'],
    },
  })
  @ApiOperation({
    summary:
      '导入规划 Import a plan file; all or nothing, with rows added/changed/unchanged. A refused file names sheet, row and column (413 larger than 10 MB)',
  })
  @ApiOkResponse({ type: PlanImportView })
  async import(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() req: AuthenticatedRequest,
  ): Promise<PlanImportView> {
    if (!file) throw badRequest('请上传规划文件（字段名 file）', 'upload the plan file in the field "file"');
    const plan = await parsePlanUpload(file.originalname, file.buffer);
    const report = await this.imports.importPlan(plan);
    await this.audit.record(req, {
      action: 'import_plan',
      entityType: 'plan',
      entityId: plan.file.plan.code,
      after: { file: file.originalname, report },
    });
    return { plan: plan.file.plan.code, report };
  }
}
