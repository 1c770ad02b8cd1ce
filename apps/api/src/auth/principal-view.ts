/** Who a session belongs to (libs/access/principal), described for the OpenAPI document. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LinkScope, Principal } from '@libs/access/principal';
import { USER_ROLES, type UserRole } from '@libs/access/roles';
import { ITEM_STATUSES, type ItemStatus } from '@libs/cycle/department-state';

class LinkScopeView implements LinkScope {
  @ApiProperty({ enum: ['submit', 'review', 'contribute'] })
  purpose: LinkScope['purpose'];

  @ApiProperty()
  cycleId: string;

  @ApiProperty({ description: 'department code' })
  department: string;

  @ApiProperty({ example: 'indicator-5' })
  itemKey: string;
}

export class PrincipalView implements Principal {
  @ApiProperty({ description: 'the account’s ID, or the email address of someone who entered through a link' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: USER_ROLES })
  role: UserRole;

  @ApiProperty({ type: String, nullable: true, description: 'department code for submitters and supervisors' })
  department: string | null;

  @ApiPropertyOptional({ type: LinkScopeView, description: 'only for a session opened from an email link' })
  scope?: LinkScopeView;
}

/** A session: its bearer token and when it ends, and whose it is. */
export class SessionView {
  @ApiProperty({ description: 'the bearer token (Authorization: Bearer …)' })
  token: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ type: PrincipalView })
  user: PrincipalView;
}

class LinkedItemView {
  @ApiProperty()
  cycleId: string;

  @ApiProperty({ example: 'indicator-5' })
  itemKey: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: ITEM_STATUSES })
  status: ItemStatus;
}

/** A session opened from an email link, limited to its item. */
export class LinkSessionView extends SessionView {
  @ApiProperty({ type: LinkedItemView })
  item: LinkedItemView;
}

/** An answer that is only something to tell the person. */
export class MessageView {
  @ApiProperty()
  message: string;

  @ApiProperty()
  messageEn: string;
}
