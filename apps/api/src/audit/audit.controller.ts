import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { AuditRepository } from '@libs/persistence/repositories/audit.repository';
import { PageQuery } from '../common/pagination';
import { Requires } from '../auth/auth.decorators';
import { AuditPage } from './audit-view';

class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'e.g. item, cycle, contact, user' })
  @IsOptional()
  @IsString()
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  entityId?: string;

  @ApiPropertyOptional({ description: 'email of the person who acted' })
  @IsOptional()
  @IsString()
  actor?: string;
}

@ApiTags('audit 审计')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(@Inject(AuditRepository) private readonly audit: AuditRepository) {}

  @Get()
  @Requires('audit:read')
  @ApiOperation({ summary: '审计日志 The audit trail, newest first' })
  @ApiOkResponse({ type: AuditPage })
  async list(@Query() q: AuditQuery): Promise<AuditPage> {
    const where = {
      ...(q.entityType ? { entityType: q.entityType } : {}),
      ...(q.entityId ? { entityId: q.entityId } : {}),
      ...(q.actor ? { actor: q.actor } : {}),
    };
    return this.audit.entries(where, q);
  }
}
