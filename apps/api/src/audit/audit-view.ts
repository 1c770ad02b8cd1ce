/** Audit entries as the API answers them (the trail, an item's history), described for the OpenAPI document. */
import { ApiProperty } from '@nestjs/swagger';
import type { AuditEntry } from '@libs/persistence/entities';
import { freeForm } from '../common/free-form';
import { PageOf } from '../common/page-view';

/** What an item's history shows of each audited change. */
export class AuditChangeView implements Pick<
  AuditEntry,
  'at' | 'actor' | 'actorRole' | 'ip' | 'action' | 'before' | 'after'
> {
  @ApiProperty({ type: String, format: 'date-time' })
  at: Date;

  @ApiProperty({ description: 'email of the person who acted' })
  actor: string;

  @ApiProperty({ description: 'their role then (admin, submitter, supervisor, viewer, or a link’s)' })
  actorRole: string;

  @ApiProperty({ type: String, nullable: true })
  ip: string | null;

  @ApiProperty({ example: 'submit' })
  action: string;

  @ApiProperty(freeForm('the state before the change', true))
  before: unknown;

  @ApiProperty(freeForm('the state after it', true))
  after: unknown;
}

export class AuditEntryView extends AuditChangeView implements AuditEntry {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'the API request that made the change' })
  requestId: string;

  @ApiProperty({ example: 'item', description: 'item, cycle, contact, user, …' })
  entityType: string;

  @ApiProperty({ example: 'cycle/heyuan-public-services-2021-2025/annual/2023#indicator-5' })
  entityId: string;
}

export class AuditPage extends PageOf(AuditEntryView) {}
