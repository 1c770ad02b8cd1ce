/** An account as the API answers it (libs/access/users' UserView: never its password hash), for the OpenAPI document. */
import { ApiProperty } from '@nestjs/swagger';
import { USER_ROLES, type UserRole } from '@libs/access/roles';
import type { UserView } from '@libs/access/users';
import { LOCALES } from '@libs/plan/localized';
import { PageOf } from '../common/page-view';

export class UserAccountView implements UserView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'submitter@city-education.heyuan.example' })
  email: string;

  @ApiProperty({ example: '王五' })
  name: string;

  @ApiProperty({ enum: USER_ROLES })
  role: UserRole;

  @ApiProperty({ type: String, nullable: true, description: 'department code; null for admins and viewers' })
  department: string | null;

  // Typed as the column is (a string); every write checks it against LOCALES.
  @ApiProperty({ enum: LOCALES })
  locale: string;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ description: 'whether the account can sign in with a password (else by email links only)' })
  hasPassword: boolean;
}

export class UserAccountPage extends PageOf(UserAccountView) {}
