/** Who a session belongs to (libs/access/principal), described for the OpenAPI document. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LinkScope, Principal } from '@libs/access/principal';
import { USER_ROLES, type UserRole } from '@libs/access/roles';

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
