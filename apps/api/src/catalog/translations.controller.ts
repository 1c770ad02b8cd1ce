/** The plan's English (indicator, target, task, project and service-item names): listed, and edited by the bureau. */
import { Body, Controller, Get, Inject, Param, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { readPlan } from '@libs/catalog/catalog-read';
import { checkTranslationEdit, saveTranslation, TranslationEditError } from '@libs/catalog/catalog-translations';
import { AuditRepository } from '@libs/persistence/repositories/audit.repository';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import { Transactions } from '@libs/persistence/repositories/transactions';
import {
  needsTranslation,
  TRANSLATED_FIELDS,
  TRANSLATED_KIND_NAMES,
  translations,
  type TranslatedField,
  type TranslatedKind,
} from '@libs/plan/translations';
import { ApiProblem, notFound } from '../common/problem.filter';
import { pageOf, PageQuery } from '../common/pagination';
import { AuditService } from '../audit/audit.service';
import { Requires, type AuthenticatedRequest } from '../auth/auth.decorators';
import { TranslationPage, TranslationView } from './plan-views';

class TranslationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TRANSLATED_KIND_NAMES })
  @IsOptional()
  @IsIn(TRANSLATED_KIND_NAMES)
  kind?: TranslatedKind;

  @ApiPropertyOptional({ description: 'only the texts that need English and have none' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  missing?: boolean;
}

class TranslationBody {
  @ApiProperty({ enum: TRANSLATED_KIND_NAMES, example: 'indicator' })
  @IsIn(TRANSLATED_KIND_NAMES)
  kind: TranslatedKind;

  @ApiProperty({ example: '3', description: 'the item’s number; a project group is `planned-一`' })
  @IsString()
  @MaxLength(40)
  key: string;

  @ApiProperty({ enum: TRANSLATED_FIELDS, example: 'name' })
  @IsIn(TRANSLATED_FIELDS)
  field: TranslatedField;

  @ApiProperty({ example: 'Urbanization rate of the permanent resident population' })
  @IsString()
  @MaxLength(2000)
  text: string;
}

@ApiTags('plans 规划')
@ApiBearerAuth()
@Controller('plans/:code/translations')
export class TranslationsController {
  constructor(
    @Inject(CatalogRepository) private readonly catalog: CatalogRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Get()
  @Requires('catalog:read')
  @ApiOperation({ summary: '英文译文 The plan’s texts with their English, in the plan’s order' })
  @ApiOkResponse({ type: TranslationPage })
  async list(@Param('code') code: string, @Query() q: TranslationQuery): Promise<TranslationPage> {
    const plan = await readPlan(this.catalog, code);
    const rows = translations(plan.file)
      .filter((t) => !q.kind || t.kind === q.kind)
      .map(({ where: _where, ...t }) => ({ ...t, needed: needsTranslation(t.zh) }))
      .filter((t) => !q.missing || (t.needed && t.en === null));
    return pageOf(rows, q);
  }

  @Put()
  @Requires('catalog:write')
  @ApiOperation({
    summary:
      '修改英文译文 Set the English of one text (audited before and after); blank or Chinese text refused (422), an unknown item 404',
  })
  @ApiOkResponse({ type: TranslationView, description: 'the text with its English as saved' })
  async edit(
    @Param('code') code: string,
    @Body() body: TranslationBody,
    @Req() req: AuthenticatedRequest,
  ): Promise<TranslationView> {
    const plan = await readPlan(this.catalog, code);
    let before;
    try {
      before = checkTranslationEdit(plan.file, body);
    } catch (e) {
      if (!(e instanceof TranslationEditError)) throw e;
      throw new ApiProblem(e.notFound ? 404 : 422, e.notFound ? 'not_found' : 'invalid_translation', [
        { ...e.problem, field: e.field },
      ]);
    }
    const row = await this.catalog.plan(code);
    // Removed since it was read above.
    if (!row) throw notFound(`没有编号为“${code}”的规划`, `no plan with code "${code}"`);
    const after = { ...before, en: body.text.trim() };
    await this.transactions.run(async (use) => {
      await saveTranslation(use(CatalogRepository), row, body);
      await this.audit.record(
        req,
        {
          action: 'edit_translation',
          entityType: 'translation',
          entityId: `${code}/${body.kind}-${body.key}.${body.field}`,
          before: { zh: before.zh, en: before.en },
          after: { zh: after.zh, en: after.en },
        },
        use(AuditRepository),
      );
    });
    const { where: _where, ...view } = after;
    return view;
  }
}
