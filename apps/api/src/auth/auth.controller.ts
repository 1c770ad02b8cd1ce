import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { verifyPassword } from '@libs/access/passwords';
import type { Principal } from '@libs/access/principal';
import { endSession } from '@libs/access/sessions';
import { TokenSigner } from '@libs/access/tokens';
import { UserAccount } from '@libs/persistence/entities';
import { ApiProblem } from '../common/problem.filter';
import { AuditService } from '../audit/audit.service';
import { Caller, Public, type AuthenticatedRequest } from './auth.decorators';
import { LinkService } from './link.service';

class LoginBody {
  @ApiProperty({ example: 'bureau@heyuan.example' })
  @IsEmail()
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

class LinkBody {
  @ApiProperty({ description: 'the token from an email link (/l/<token>)' })
  @IsString()
  @MinLength(1)
  token: string;
}

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(TokenSigner) private readonly tokens: TokenSigner,
    @Inject(LinkService) private readonly links: LinkService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '登录 Sign in with email and password; returns a session token with its expiry' })
  async login(@Body() body: LoginBody, @Req() req: AuthenticatedRequest) {
    const user = await this.ds.getRepository(UserAccount).findOneBy({ email: body.email.toLowerCase() });
    // The same answer for an unknown email and a wrong password: no probing for accounts.
    if (!user?.passwordHash || !user.active || !(await verifyPassword(body.password, user.passwordHash))) {
      throw new ApiProblem(401, 'login_failed', [{ zh: '邮箱或密码不正确', en: 'wrong email or password' }]);
    }
    const principal: Principal = { id: user.id, email: user.email, name: user.name, role: user.role, department: user.department };
    req.principal = principal;
    await this.audit.record(req, { action: 'sign_in', entityType: 'user', entityId: user.id });
    return { ...this.tokens.session({ ...principal, tokenVersion: user.tokenVersion }), user: principal };
  }

  @Post('link')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '邮件链接登录 Exchange an email link for a session limited to its item and purpose' })
  async link(@Body() body: LinkBody, @Req() req: AuthenticatedRequest) {
    const opened = await this.links.open(body.token);
    if (!opened.ok) throw new ApiProblem(opened.status, opened.code, [opened.problem]);
    req.principal = opened.principal;
    await this.audit.record(req, { action: 'open_link', entityType: 'item', entityId: `${opened.item.cycleId}#${opened.item.itemKey}` });
    return { ...opened.session, user: opened.principal, item: { cycleId: opened.item.cycleId, itemKey: opened.item.itemKey, title: opened.item.title, status: opened.item.status } };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: '退出登录 Sign out: every session of the account ends (a link session ends alone)' })
  async logout(@Req() req: AuthenticatedRequest): Promise<void> {
    const { id, scope } = req.principal;
    await this.ds.transaction(async (em) => {
      await endSession(em, req.session);
      await this.audit.record(req, scope ? { action: 'sign_out', entityType: 'item', entityId: `${scope.cycleId}#${scope.itemKey}` } : { action: 'sign_out', entityType: 'user', entityId: id }, em);
    });
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户 Who the session belongs to' })
  me(@Caller() principal: Principal) {
    return principal;
  }
}
