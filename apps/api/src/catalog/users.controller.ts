/** User accounts, managed by the bureau: create, list, change role or department, reset a password, deactivate. */
import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { DataSource } from 'typeorm';
import { createUser, updateUser, USER_ROLES, UserError, userView } from '@libs/access/users';
import { UserAccount, type UserRole } from '@libs/persistence/entities';
import { ApiProblem, notFound } from '../common/problem.filter';
import { findPage, PageQuery } from '../common/pagination';
import { AuditService } from '../audit/audit.service';
import { Requires, type AuthenticatedRequest } from '../auth/auth.decorators';

class NewUserBody {
  @ApiProperty({ example: 'supervisor@city-education.heyuan.example' })
  @IsEmail()
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
  department?: string;

  @ApiPropertyOptional({ description: 'at least 10 characters with letters and digits; without one the person enters only through email links' })
  @IsOptional()
  @IsString()
  password?: string;

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'] })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  locale?: string;
}

class UserChangeBody {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  name?: string;

  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  department?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  password?: string;

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
  if (e instanceof UserError) throw new ApiProblem(e.conflict ? 409 : 422, e.conflict ? 'already_exists' : 'invalid_user', e.problems);
  throw e;
};

@ApiTags('users 用户')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Get()
  @Requires('users:manage')
  @ApiOperation({ summary: '用户列表 User accounts' })
  async list(@Query() q: UserQuery) {
    const where = { ...(q.role ? { role: q.role } : {}), ...(q.department ? { department: q.department } : {}) };
    return findPage(this.ds.getRepository(UserAccount), q, { where, order: { email: 'ASC' } }, userView);
  }

  @Post()
  @HttpCode(201)
  @Requires('users:manage')
  @ApiOperation({ summary: '新建用户 Create an account (409 when the email exists)' })
  async create(@Body() body: NewUserBody, @Req() req: AuthenticatedRequest) {
    const user = await createUser(this.ds, body).catch(refused);
    await this.audit.record(req, { action: 'create_user', entityType: 'user', entityId: user.id, after: user });
    return user;
  }

  @Patch(':id')
  @Requires('users:manage')
  @ApiOperation({ summary: '修改用户 Change role, department, name, password or active' })
  async update(@Param('id') id: string, @Body() body: UserChangeBody, @Req() req: AuthenticatedRequest) {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw notFound(`没有用户“${id}”`, `no user "${id}"`);
    const changed = await updateUser(this.ds, id, body).catch(refused);
    if (!changed) throw notFound(`没有用户“${id}”`, `no user "${id}"`);
    await this.audit.record(req, { action: 'update_user', entityType: 'user', entityId: id, ...changed });
    return changed.after;
  }
}
