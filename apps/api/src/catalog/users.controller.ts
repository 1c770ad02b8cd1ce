/** User accounts, managed by the bureau: create, list, change role or department, reset a password, deactivate. */
import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  OmitType,
  PartialType,
} from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PASSWORD_MAX_BYTES } from '@libs/access/passwords';
import { createUser, updateUser, USER_ROLES, UserError, userView } from '@libs/access/users';
import type { UserRole } from '@libs/persistence/entities';
import { AccessRepository } from '@libs/persistence/repositories/access.repository';
import { LOCALES, type Locale } from '@libs/plan/localized';
import { ApiProblem, notFound } from '../common/problem.filter';
import { PageQuery } from '../common/pagination';
import { AuditService } from '../audit/audit.service';
import { Requires, type AuthenticatedRequest } from '../auth/auth.decorators';
import { SessionCache } from '../auth/session-cache';
import { UserAccountPage, UserAccountView } from './user-view';

class NewUserBody {
  @ApiProperty({ example: 'supervisor@city-education.heyuan.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: '王五' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES)
  role: UserRole;

  @ApiPropertyOptional({ description: 'department code, for submitters and supervisors' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  department?: string;

  @ApiPropertyOptional({
    description: `at least 10 characters and at most ${PASSWORD_MAX_BYTES} bytes (UTF-8), not a common password, and hard to guess (zxcvbn score 3 or more); without one the person enters only through email links`,
  })
  @IsOptional()
  @IsString()
  password?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

/** The fields of a new account that can change, with the same limits; the department may be cleared. */
class UserChangeBody extends PartialType(OmitType(NewUserBody, ['email', 'department'] as const)) {
  @ApiPropertyOptional({ nullable: true, description: 'department code, or null for admins and viewers' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(100)
  department?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

class UserQuery extends PageQuery {
  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  department?: string;
}

const refused = (e: unknown): never => {
  if (e instanceof UserError)
    throw new ApiProblem(e.conflict ? 409 : 422, e.conflict ? 'already_exists' : 'invalid_user', e.problems);
  throw e;
};

@ApiTags('users 用户')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    @Inject(AccessRepository) private readonly accounts: AccessRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SessionCache) private readonly sessions: SessionCache,
  ) {}

  @Get()
  @Requires('users:manage')
  @ApiOperation({ summary: '用户列表 User accounts' })
  @ApiOkResponse({ type: UserAccountPage })
  async list(@Query() q: UserQuery): Promise<UserAccountPage> {
    const where = { ...(q.role ? { role: q.role } : {}), ...(q.department ? { department: q.department } : {}) };
    return this.accounts.accounts(where, q, userView);
  }

  @Post()
  @HttpCode(201)
  @Requires('users:manage')
  @ApiOperation({ summary: '新建用户 Create an account (409 when the email exists)' })
  @ApiCreatedResponse({ type: UserAccountView })
  async create(@Body() body: NewUserBody, @Req() req: AuthenticatedRequest): Promise<UserAccountView> {
    const user = await createUser(this.accounts, body).catch(refused);
    await this.audit.record(req, { action: 'create_user', entityType: 'user', entityId: user.id, after: user });
    return user;
  }

  @Patch(':id')
  @Requires('users:manage')
  @ApiOperation({ summary: '修改用户 Change role, department, name, password, language or active' })
  @ApiOkResponse({ type: UserAccountView })
  async update(
    @Param('id') id: string,
    @Body() body: UserChangeBody,
    @Req() req: AuthenticatedRequest,
  ): Promise<UserAccountView> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw notFound(`没有用户“${id}”`, `no user "${id}"`);
    const changed = await updateUser(this.accounts, id, body).catch(refused);
    this.sessions.forget(id);
    if (!changed) throw notFound(`没有用户“${id}”`, `no user "${id}"`);
    await this.audit.record(req, { action: 'update_user', entityType: 'user', entityId: id, ...changed });
    return changed.after;
  }
}
