/** A cycle's report versions and their files: Word, Excel, HTML, JSON; zh-CN, or English with lang=en. */
import { access } from 'node:fs/promises';
import { Controller, Get, Inject, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { CycleRepository } from '@libs/persistence/repositories/cycle.repository';
import { LOCALES, type Locale } from '@libs/plan/localized';
import { notFound } from '../common/problem.filter';
import { Requires } from '../auth/auth.decorators';
import { REPORT_POLICY } from '../security-headers';
import { ItemAccess } from './item-access.service';
import { REPORT_FORMAT_NAMES, REPORT_FORMATS, ReportListView, type ReportFormat } from './report-view';

class ReportFileQuery {
  @ApiPropertyOptional({ enum: LOCALES, default: 'zh-CN' })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

@ApiTags('reports 报告')
@ApiBearerAuth()
@Controller('cycles/:cycleId/reports')
export class ReportsController {
  constructor(
    @Inject(CycleRepository) private readonly cycles: CycleRepository,
    @Inject(ItemAccess) private readonly access: ItemAccess,
  ) {}

  @Get()
  @Requires('report:read')
  @ApiOperation({ summary: '报告版本 Every compiled version (a reopen adds one and keeps the old)' })
  @ApiOkResponse({ type: ReportListView })
  async list(@Param('cycleId') cycleId: string): Promise<ReportListView> {
    await this.access.cycle(cycleId);
    const rows = await this.cycles.reports(cycleId);
    return {
      total: rows.length,
      items: rows.map((r) => ({
        version: r.version,
        contentHash: r.contentHash,
        stage: r.stage,
        createdAt: r.createdAt,
        formats: REPORT_FORMAT_NAMES,
      })),
    };
  }

  @Get(':version/:format')
  @Requires('report:read')
  @ApiOperation({ summary: '下载报告 Download one version in one format' })
  @ApiProduces(...Object.values(REPORT_FORMATS))
  @ApiOkResponse({
    description: 'the file: HTML shown in the page, the others as attachments',
    schema: { type: 'string', format: 'binary' },
  })
  async file(
    @Param('cycleId') cycleId: string,
    @Param('version', ParseIntPipe) version: number,
    @Param('format') format: string,
    @Query() q: ReportFileQuery,
    @Res() res: Response,
  ): Promise<void> {
    // Versions are small counters; anything else names no report (and must not reach PostgreSQL's int).
    const report = version >= 1 && version <= 100000 ? await this.cycles.report(cycleId, version) : null;
    if (!report) throw notFound(`本轮评估没有第${version}版报告`, `this cycle has no report version ${version}`);
    if (!(format in REPORT_FORMATS))
      throw notFound(
        `报告格式应为 ${REPORT_FORMAT_NAMES.join('、')}`,
        `the report format is one of ${REPORT_FORMAT_NAMES.join(', ')}`,
      );
    const base = report.path.replace(/\.json$/, '');
    const path = `${base}${q.lang === 'en' ? '.en' : ''}.${format}`;
    const exists = await access(path).then(
      () => true,
      () => false,
    );
    if (!exists)
      throw notFound(
        `第${version}版报告没有${q.lang === 'en' ? '英文' : ''}${format}文件`,
        `report version ${version} has no ${q.lang === 'en' ? 'English ' : ''}${format} file`,
      );
    res.type(REPORT_FORMATS[format as ReportFormat]);
    if (format === 'html') res.setHeader('Content-Security-Policy', REPORT_POLICY);
    else res.attachment(`report-v${version}${q.lang === 'en' ? '.en' : ''}.${format}`);
    res.sendFile(path);
  }
}
