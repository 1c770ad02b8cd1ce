/**
 * The department directory: units, their submitter (填报人) and supervisor
 * (审核人), the groups that stand for several units, and delegations. Editing
 * a contact is audited with before and after; a plan import never overwrites it.
 */
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { authorize } from '@libs/access/permissions';
import { delegate, DelegationError } from '@libs/catalog/delegations';
import { validateContactEmail } from '@libs/plan/contact-email';
import {
  CONTACT_ROLES,
  DEPARTMENT_KINDS,
  type ContactRole,
  type Department,
  type DepartmentKind,
} from '@libs/persistence/entities';
import { AccessRepository } from '@libs/persistence/repositories/access.repository';
import { AuditRepository } from '@libs/persistence/repositories/audit.repository';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import { Transactions } from '@libs/persistence/repositories/transactions';
import { LOCALES, type Locale } from '@libs/plan/localized';
import { ApiProblem, forbidden, notFound } from '../common/problem.filter';
import { pageOf, PageQuery } from '../common/pagination';
import { AuditService } from '../audit/audit.service';
import { Caller, Requires, type AuthenticatedRequest } from '../auth/auth.decorators';
import type { Principal } from '@libs/access/principal';
import {
  ContactChangeView,
  DelegationPage,
  DelegationView,
  DepartmentPage,
  DepartmentView,
  type ContactView,
} from './department-views';

class DepartmentQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'part of the name, English name or code' })
  @IsOptional()
  @IsString()
  q?: string;

  @ApiPropertyOptional({ enum: DEPARTMENT_KINDS })
  @IsOptional()
  @IsIn(DEPARTMENT_KINDS)
  kind?: DepartmentKind;
}

class ContactBody {
  @ApiProperty({ example: '张三' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 'zhangsan@heyuan.gov.example' })
  @IsString()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'zh-CN' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

class MembersBody {
  @ApiProperty({
    type: [String],
    example: ['city-education', 'city-health'],
    description: 'department codes; empty to resolve the group per cycle again',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  members: string[];
}

class DelegationBody {
  @ApiProperty({ example: 'city-education' })
  @IsString()
  department: string;

  @ApiProperty({ enum: CONTACT_ROLES })
  @IsIn(CONTACT_ROLES)
  role: ContactRole;

  @ApiProperty({ example: '李四' })
  @IsString()
  @MinLength(1)
  delegateName: string;

  @ApiProperty({ example: 'lisi@heyuan.gov.example' })
  @IsEmail()
  delegateEmail: string;

  @ApiProperty({ example: '2026-03-01T00:00:00+08:00' })
  @IsString()
  validFrom: string;

  @ApiProperty({ example: '2026-03-31T23:59:59+08:00' })
  @IsString()
  validUntil: string;
}

class DelegationQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  department?: string;
}

@ApiTags('departments 部门')
@ApiBearerAuth()
@Controller()
export class DepartmentsController {
  constructor(
    @Inject(CatalogRepository) private readonly catalog: CatalogRepository,
    @Inject(AccessRepository) private readonly accounts: AccessRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Get('departments')
  @Requires('catalog:read')
  @ApiOperation({ summary: '部门名录 The directory, with contacts and group members' })
  @ApiOkResponse({ type: DepartmentPage })
  async list(@Query() q: DepartmentQuery): Promise<DepartmentPage> {
    const all = await this.catalog.directory();
    const needle = q.q?.toLowerCase();
    const members = await this.groupMembers();
    const matching = all.filter(
      (d) =>
        (!q.kind || d.kind === q.kind) &&
        (!needle || [d.code, d.name, d.nameEn, ...d.aliases].some((s) => s.toLowerCase().includes(needle))),
    );
    return pageOf(
      matching.map((d) => view(d, members.get(d.code))),
      q,
    );
  }

  @Get('departments/:code')
  @Requires('catalog:read')
  @ApiOperation({ summary: '部门 One department with its contacts and, for a group, its members' })
  @ApiOkResponse({ type: DepartmentView })
  async get(@Param('code') code: string): Promise<DepartmentView> {
    return view(await this.department(code), (await this.groupMembers()).get(code));
  }

  @Put('departments/:code/contacts/:role')
  @Requires('catalog:write')
  @ApiOperation({
    summary: '修改联系人 Set a department’s submitter or supervisor (audited; imports never overwrite it)',
  })
  @ApiOkResponse({ type: ContactChangeView })
  async setContact(
    @Param('code') code: string,
    @Param('role') role: string,
    @Body() body: ContactBody,
    @Req() req: AuthenticatedRequest,
  ): Promise<ContactChangeView> {
    if (role !== 'submitter' && role !== 'supervisor')
      throw notFound(
        `联系人角色应为 submitter 或 supervisor，而不是“${role}”`,
        `the contact role is submitter or supervisor, not "${role}"`,
      );
    const department = await this.department(code);
    const after = { name: body.name.trim(), email: body.email.trim().toLowerCase(), locale: body.locale ?? 'zh-CN' };
    // The same check as a plan import: a typo is refused here, not found weeks later as an undeliverable notice.
    const badAddress = validateContactEmail(department.name, role, after.email);
    if (badAddress) throw new ApiProblem(422, 'invalid_email', [{ ...badAddress, field: 'email' }]);
    return this.transactions.run(async (use) => {
      const before = await use(CatalogRepository).setContact(department, role, after);
      await this.audit.record(
        req,
        { action: 'edit_contact', entityType: 'contact', entityId: `${code}/${role}`, before, after },
        use(AuditRepository),
      );
      return { department: code, role, ...after };
    });
  }

  @Put('departments/:code/members')
  @Requires('catalog:write')
  @ApiOperation({
    summary:
      '指定部门组成员 Resolve a group (相关行业主管部门) to its departments once, instead of at every launch (audited)',
  })
  @ApiOkResponse({ type: DepartmentView })
  async setMembers(
    @Param('code') code: string,
    @Body() body: MembersBody,
    @Req() req: AuthenticatedRequest,
  ): Promise<DepartmentView> {
    const group = await this.department(code);
    if (group.kind !== 'group')
      throw new ApiProblem(422, 'not_a_group', [
        { zh: `“${group.name}”不是部门组`, en: `"${group.nameEn}" is not a group`, field: 'code' },
      ]);
    const codes = [...new Set(body.members)];
    const members = await this.catalog.departmentsByCode(codes);
    const problems = [
      ...codes
        .filter((c) => !members.some((m) => m.code === c))
        .map((c) => ({ zh: `没有代码为“${c}”的部门`, en: `no department "${c}"`, field: 'members' })),
      ...members
        .filter((m) => m.kind === 'group')
        .map((m) => ({
          zh: `“${m.name}”本身是部门组，不能作为成员`,
          en: `"${m.nameEn}" is itself a group`,
          field: 'members',
        })),
    ];
    if (problems.length) throw new ApiProblem(422, 'invalid_members', problems);
    const before = (await this.groupMembers()).get(code) ?? [];
    await this.transactions.run(async (use) => {
      await use(CatalogRepository).setGroupMembers(group, members);
      await this.audit.record(
        req,
        { action: 'set_group_members', entityType: 'department', entityId: code, before, after: codes.sort() },
        use(AuditRepository),
      );
    });
    return view(group, codes);
  }

  @Get('delegations')
  @Requires('catalog:read')
  @ApiOperation({ summary: '委托 Delegations, newest first' })
  @ApiOkResponse({ type: DelegationPage })
  async delegations(@Query() q: DelegationQuery): Promise<DelegationPage> {
    const rows = await this.catalog.delegations(q.department);
    return pageOf(
      rows.map(({ department, ...d }) => ({ ...d, department: department.code })),
      q,
    );
  }

  @Post('delegations')
  @HttpCode(201)
  @Requires('delegation:manage')
  @ApiOperation({
    summary: '新建委托 Let someone act as a department’s submitter or supervisor for a period',
    description:
      'Never to the holder of the role or of the department’s other role (422); to an address neither in the directory nor an active account, only by the bureau (403).',
  })
  @ApiCreatedResponse({ type: DelegationView })
  async delegate(
    @Body() body: DelegationBody,
    @Req() req: AuthenticatedRequest,
    @Caller() p: Principal,
  ): Promise<DelegationView> {
    const refusal = authorize(p, 'delegation:manage', { department: body.department });
    if (refusal) throw forbidden(refusal);
    try {
      const d = await delegate(this.catalog, this.accounts, {
        ...body,
        createdBy: p.email,
        byBureau: p.role === 'admin',
      });
      const after = {
        id: d.id,
        department: body.department,
        role: d.role,
        delegateName: d.delegateName,
        delegateEmail: d.delegateEmail,
        validFrom: d.validFrom,
        validUntil: d.validUntil,
      };
      await this.audit.record(req, { action: 'delegate', entityType: 'delegation', entityId: d.id, after });
      return after;
    } catch (e) {
      if (e instanceof DelegationError && e.needsBureau) throw forbidden(e.problem);
      if (e instanceof DelegationError)
        throw new ApiProblem(422, 'invalid_delegation', [{ ...e.problem, field: e.field }]);
      throw e;
    }
  }

  private async department(code: string): Promise<Department> {
    const d = await this.catalog.department(code);
    if (!d) throw notFound(`没有代码为“${code}”的部门`, `no department "${code}"`);
    return d;
  }

  private async groupMembers(): Promise<Map<string, string[]>> {
    const rows = await this.catalog.groupMembers();
    const map = new Map<string, string[]>();
    for (const r of rows) map.set(r.group.code, [...(map.get(r.group.code) ?? []), r.member.code]);
    return map;
  }
}

function view(d: Department, members: string[] | undefined): DepartmentView {
  const contact = (role: ContactRole): ContactView | null => {
    const c = d.contacts.find((x) => x.role === role);
    // Stored only from a checked contact (this API's ContactBody, a plan file's contact): one of LOCALES.
    return c ? { name: c.name, email: c.email, locale: c.locale as Locale } : null;
  };
  return {
    code: d.code,
    name: d.name,
    nameEn: d.nameEn,
    kind: d.kind,
    aliases: d.aliases,
    submitter: contact('submitter'),
    supervisor: contact('supervisor'),
    ...(d.kind === 'group' ? { members: members ?? [] } : {}),
  };
}
