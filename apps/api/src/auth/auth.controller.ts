import { Body, Controller, Get, Header, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import type { Response } from 'express';
import { verifyPassword } from '@libs/access/passwords';
import type { Principal } from '@libs/access/principal';
import { admitSignIn, auditSignInFailure, signInSucceeded, SIGN_IN_LIMITS } from '@libs/access/sign-in-throttle';
import { endSession } from '@libs/access/sessions';
import { TokenSigner } from '@libs/access/tokens';
import { AccessRepository } from '@libs/persistence/repositories/access.repository';
import { AuditRepository } from '@libs/persistence/repositories/audit.repository';
import { Transactions } from '@libs/persistence/repositories/transactions';
import { ApiProblem } from '../common/problem.filter';
import { AuditService } from '../audit/audit.service';
import { Caller, Public, type AuthenticatedRequest } from './auth.decorators';
import { LinkService } from './link.service';
import { clearOperatorCookie, issueOperatorCookie } from './operator-cookie';
import { SessionCache } from './session-cache';
import { LinkSessionView, PrincipalView, SessionView } from './principal-view';

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
    @Inject(AccessRepository) private readonly accounts: AccessRepository,
    @Inject(AuditRepository) private readonly auditTrail: AuditRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(TokenSigner) private readonly tokens: TokenSigner,
    @Inject(LinkService) private readonly links: LinkService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SessionCache) private readonly sessions: SessionCache,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: '登录 Sign in with email and password; returns a session token with its expiry',
    description: `Throttled: after ${SIGN_IN_LIMITS.perAccount} attempts at one account, or ${SIGN_IN_LIMITS.perAddress} from one address, within ${SIGN_IN_LIMITS.windowSeconds / 60} minutes, 429 with Retry-After (seconds), the right password included. Every refusal is audited (sign_in_failed).`,
  })
  @ApiResponse({ status: 429, description: '登录失败次数过多 Too many attempts: wait for Retry-After seconds' })
  @ApiOkResponse({ type: SessionView })
  async login(
    @Body() body: LoginBody,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionView> {
    const attempt = { email: body.email.toLowerCase(), address: req.ip ?? 'unknown' };
    const throttled = await admitSignIn(this.accounts, attempt);
    if (throttled) {
      await auditSignInFailure(this.auditTrail, req.requestId, attempt, 'throttled');
      res.setHeader('Retry-After', String(throttled.retryAfterSeconds));
      const minutes = Math.ceil(throttled.retryAfterSeconds / 60);
      throw new ApiProblem(429, 'too_many_attempts', [
        {
          zh: `登录尝试次数过多，请${minutes}分钟后再试`,
          en: `too many sign-in attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
        },
      ]);
    }
    const user = await this.accounts.accountByEmail(attempt.email);
    // Checked against a hash even without an account: the same answer in the same time, no probing for accounts.
    const matches = await verifyPassword(body.password, user?.passwordHash);
    if (!user || !user.active || !matches) {
      await auditSignInFailure(this.auditTrail, req.requestId, attempt, 'wrong_email_or_password');
      throw new ApiProblem(401, 'login_failed', [{ zh: '邮箱或密码不正确', en: 'wrong email or password' }]);
    }
    await signInSucceeded(this.accounts, attempt);
    const principal: Principal = {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      department: user.department,
    };
    req.principal = principal;
    await this.audit.record(req, { action: 'sign_in', entityType: 'user', entityId: user.id });
    const session = this.tokens.session({ ...principal, tokenVersion: user.tokenVersion });
    issueOperatorCookie(res, principal, session);
    return { ...session, user: principal };
  }

  @Post('link')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: '邮件链接登录 Exchange an email link for a session limited to its item and purpose' })
  @ApiOkResponse({ type: LinkSessionView })
  async link(
    @Body() body: LinkBody,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LinkSessionView> {
    const opened = await this.links.open(body.token);
    if (!opened.ok) throw new ApiProblem(opened.status, opened.code, [opened.problem]);
    // Someone else may be at a shared browser: no administrator's operator cookie outlives the change of person.
    clearOperatorCookie(res);
    req.principal = opened.principal;
    await this.audit.record(req, {
      action: 'open_link',
      entityType: 'item',
      entityId: `${opened.item.cycleId}#${opened.item.itemKey}`,
    });
    return {
      ...opened.session,
      user: opened.principal,
      item: {
        cycleId: opened.item.cycleId,
        itemKey: opened.item.itemKey,
        title: opened.item.title,
        status: opened.item.status,
      },
    };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: '退出登录 Sign out: every session of the account ends (a link session ends alone)' })
  async logout(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    clearOperatorCookie(res);
    const { id, scope } = req.principal;
    await this.transactions.run(async (use) => {
      await endSession(use(AccessRepository), req.session);
      await this.audit.record(
        req,
        scope
          ? { action: 'sign_out', entityType: 'item', entityId: `${scope.cycleId}#${scope.itemKey}` }
          : { action: 'sign_out', entityType: 'user', entityId: id },
        use(AuditRepository),
      );
    });
    if (!scope) this.sessions.forget(id);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户 Who the session belongs to' })
  @ApiOkResponse({ type: PrincipalView })
  me(@Caller() principal: Principal): PrincipalView {
    return principal;
  }
}
