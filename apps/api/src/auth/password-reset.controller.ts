/**
 * 忘记密码 (libs/access/password-reset): a link by email, and the new password
 * set with it. The request answers the same for every address, is throttled
 * like sign-in (its own counters: asking for links never locks anyone out of
 * signing in), and only queues the mail (the relay sends it). The link works
 * once, for 30 minutes; the new password follows the password rules, and every
 * session of the account ends.
 */
import { Body, Controller, Header, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { checkPasswordStrength, hashPassword } from '@libs/access/passwords';
import {
  PASSWORD_RESET_REQUESTED,
  PASSWORD_RESET_TTL_MS,
  passwordResetLink,
  passwordResetMessage,
} from '@libs/access/password-reset';
import { admitSignIn, SIGN_IN_LIMITS } from '@libs/access/sign-in-throttle';
import { TokenSigner } from '@libs/access/tokens';
import type { NoticeOutboxConfig } from '@libs/mail/notice-outbox';
import { AccessResetRepository } from '@libs/persistence/repositories/access-reset.repository';
import { AccessRepository } from '@libs/persistence/repositories/access.repository';
import { AuditService } from '../audit/audit.service';
import { ApiProblem } from '../common/problem.filter';
import { RequestValidationError } from '../common/validation';
import { NOTICE_OUTBOX } from '../tokens';
import { Public, type AuthenticatedRequest } from './auth.decorators';
import { MessageView } from './principal-view';
import { SessionCache } from './session-cache';

class PasswordResetRequestBody {
  @ApiProperty({ example: 'submitter@city-education.heyuan.example' })
  @IsEmail()
  @MaxLength(200)
  email: string;
}

class PasswordResetBody {
  @ApiProperty({ description: 'the token from the mailed link (/reset-password#<token>)' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  token: string;

  @ApiProperty({ description: 'the new password, under the same rules as any password' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

const LINK_REFUSED = {
  invalid: new ApiProblem(400, 'reset_link_invalid', [
    {
      zh: '重置密码链接不完整或已被改动，请从邮件中完整打开链接，或重新申请',
      en: 'the reset link is incomplete or altered; open the whole link from the mail, or ask for a new one',
    },
  ]),
  expired: new ApiProblem(410, 'reset_link_expired', [
    {
      zh: '重置密码链接已过期（30分钟内有效），请重新申请',
      en: 'the reset link has expired (it works for 30 minutes); ask for a new one',
    },
  ]),
  used: new ApiProblem(410, 'reset_link_used', [
    {
      zh: '此重置密码链接已使用过（或账号已变更），请重新申请',
      en: 'this reset link has been used (or the account has changed); ask for a new one',
    },
  ]),
};

@ApiTags('auth 登录')
@Controller('auth/password-reset')
export class PasswordResetController {
  private readonly accounts: AccessResetRepository;

  constructor(
    @Inject(DataSource) ds: DataSource,
    @Inject(AccessRepository) private readonly access: AccessRepository,
    @Inject(TokenSigner) private readonly tokens: TokenSigner,
    @Inject(NOTICE_OUTBOX) private readonly outbox: NoticeOutboxConfig,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SessionCache) private readonly sessions: SessionCache,
  ) {
    this.accounts = new AccessResetRepository(ds);
  }

  @Post()
  @Public()
  @HttpCode(202)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: '忘记密码 Mail a link to set a new password; the same answer whether or not the email has an account',
    description: `Throttled like sign-in, on counters of its own: ${SIGN_IN_LIMITS.perAccount} requests for one email or ${SIGN_IN_LIMITS.perAddress} from one address in ${SIGN_IN_LIMITS.windowSeconds / 60} minutes, then 429 with Retry-After.`,
  })
  @ApiResponse({ status: 429, description: '请求次数过多 Too many requests: wait for Retry-After seconds' })
  @ApiAcceptedResponse({ type: MessageView })
  async request(
    @Body() body: PasswordResetRequestBody,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MessageView> {
    const email = body.email.toLowerCase();
    // Counted apart from sign-in: asking for links must not use up a person's sign-in attempts.
    const throttled = await admitSignIn(this.access, {
      email: `reset:${email}`,
      address: `reset:${req.ip ?? 'unknown'}`,
    });
    if (throttled) {
      res.setHeader('Retry-After', String(throttled.retryAfterSeconds));
      const minutes = Math.ceil(throttled.retryAfterSeconds / 60);
      throw new ApiProblem(429, 'too_many_attempts', [
        {
          zh: `申请次数过多，请${minutes}分钟后再试`,
          en: `too many requests; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
        },
      ]);
    }
    const account = await this.accounts.resettableAccount(email);
    if (account) {
      const token = this.tokens.passwordReset(
        { accountId: account.id, tokenVersion: account.tokenVersion },
        Date.now() + PASSWORD_RESET_TTL_MS,
      );
      const link = passwordResetLink(this.outbox.publicUrl, token);
      await this.accounts.queueResetMail(account, passwordResetMessage(account, link, this.outbox.bureauName));
    }
    return { message: PASSWORD_RESET_REQUESTED.zh, messageEn: PASSWORD_RESET_REQUESTED.en };
  }

  @Post('confirm')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: '设置新密码 Set a new password with a mailed link: once, within 30 minutes' })
  @ApiResponse({ status: 410, description: '链接已过期或已使用 The link has expired or been used' })
  @ApiOkResponse({ type: MessageView })
  async confirm(@Body() body: PasswordResetBody, @Req() req: AuthenticatedRequest): Promise<MessageView> {
    const checked = this.tokens.verifyPasswordReset(body.token);
    if (!checked.ok) throw LINK_REFUSED[checked.reason];
    const { accountId, tokenVersion } = checked.claims;
    const account = await this.accounts.account(accountId);
    if (!account || account.tokenVersion !== tokenVersion) throw LINK_REFUSED.used;
    const weak = checkPasswordStrength(body.password, [account.email, account.name]);
    if (weak) throw new RequestValidationError([{ ...weak, field: 'password' }]);
    if (!(await this.accounts.setPassword(accountId, tokenVersion, await hashPassword(body.password))))
      throw LINK_REFUSED.used;
    this.sessions.forget(accountId);
    req.principal = {
      id: account.id,
      email: account.email,
      name: account.name,
      role: account.role,
      department: account.department,
    };
    await this.audit.record(req, { action: 'password_reset', entityType: 'user', entityId: account.id });
    return {
      message: '新密码已设置，请用新密码登录',
      messageEn: 'Your new password is set; sign in with it',
    };
  }
}
