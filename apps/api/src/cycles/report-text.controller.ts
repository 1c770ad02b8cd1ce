/** The bureau's edits of the report's drafted chapters (存在的主要问题, 对策建议, 规划调整建议); the figures are not edited. */
import { Body, Controller, Get, Inject, Param, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires, type AuthenticatedRequest } from '../auth/auth.decorators';
import { ItemAccess } from './item-access.service';
import { ReportTextService } from './report-text.service';
import { ReportSectionView, ReportTextView, SaveTextBody, TextVersionsView } from './report-text-view';

@ApiTags('reports 报告')
@ApiBearerAuth()
@Controller('cycles/:cycleId/report/text')
export class ReportTextController {
  constructor(
    @Inject(ItemAccess) private readonly access: ItemAccess,
    @Inject(ReportTextService) private readonly texts: ReportTextService,
  ) {}

  @Get()
  @Requires('report:read')
  @ApiOperation({
    summary: '报告文字 The drafted sections of the latest version, each with its latest edit and versions',
  })
  @ApiOkResponse({ type: ReportTextView })
  async text(@Param('cycleId') cycleId: string): Promise<ReportTextView> {
    await this.access.cycle(cycleId);
    return this.texts.text(cycleId);
  }

  @Get(':section/versions')
  @Requires('report:read')
  @ApiOperation({ summary: '修改记录 One section’s versions: the drafted text (0), then every save with who and when' })
  @ApiOkResponse({ type: TextVersionsView })
  async versions(@Param('cycleId') cycleId: string, @Param('section') section: string): Promise<TextVersionsView> {
    await this.access.cycle(cycleId);
    return this.texts.versions(cycleId, section);
  }

  @Put(':section')
  @Requires('cycle:manage')
  @ApiOperation({
    summary:
      '修改报告文字 Save a section’s text as a new version, over the version named (a later one answers 409); the next compile writes it in place of the drafted text',
  })
  @ApiOkResponse({ type: ReportSectionView })
  async save(
    @Param('cycleId') cycleId: string,
    @Param('section') section: string,
    @Body() body: SaveTextBody,
    @Req() req: AuthenticatedRequest,
  ): Promise<ReportSectionView> {
    await this.access.cycle(cycleId);
    return this.texts.save(cycleId, section, body, req);
  }
}
