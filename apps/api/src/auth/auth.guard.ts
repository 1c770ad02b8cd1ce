/**
 * Every request is signed in unless its handler is @Public: a bearer session
 * token, checked for signature and expiry, then that it still stands (the
 * account active and unchanged, or the link's right still held), and the
 * handler's @Requires permission checked against the caller's role before the
 * handler runs. Last, the request's ID, from its Idempotency-Key when it has one.
 */
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { authorize, type Permission } from '@libs/access/permissions';
import { TokenSigner } from '@libs/access/tokens';
import { AccessRepository } from '@libs/persistence/repositories/access.repository';
import { ApiProblem, forbidden } from '../common/problem.filter';
import { PERMISSION_KEY, PUBLIC_KEY, type AuthenticatedRequest } from './auth.decorators';
import { IdempotencyKeys } from './idempotency-keys';
import { OPERATOR_COOKIE_KEY, presentedSessionToken } from './operator-cookie';
import { SessionCache } from './session-cache';
import { checkSessionStanding, linkPurposeDone } from './session-standing';

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly keys: IdempotencyKeys;

  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenSigner) private readonly tokens: TokenSigner,
    @Inject(AccessRepository) private readonly accounts: AccessRepository,
    @Inject(SessionCache) private readonly sessions: SessionCache,
  ) {
    this.keys = new IdempotencyKeys(accounts);
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      // Nobody is signed in to scope a key to: sign-in and opening a link are never keyed.
      req.requestId = randomUUID();
      return true;
    }

    const bearer = presentedSessionToken(
      req,
      !!this.reflector.getAllAndOverride<boolean>(OPERATOR_COOKIE_KEY, targets),
    );
    if (!bearer) throw new ApiProblem(401, 'unauthorized', [{ zh: '请先登录', en: 'please sign in' }]);
    const session = this.tokens.verifySession(bearer);
    if (!session.ok) {
      throw session.reason === 'expired'
        ? new ApiProblem(401, 'session_expired', [
            { zh: '登录已过期，请重新登录', en: 'your session has expired; please sign in again' },
          ])
        : new ApiProblem(401, 'unauthorized', [
            { zh: '登录凭证无效，请重新登录', en: 'invalid session; please sign in again' },
          ]);
    }
    const { purposeDone } = await checkSessionStanding(
      this.accounts,
      (accountId) => this.sessions.standing(accountId),
      session.claims,
    );
    const p = session.claims.principal;
    req.principal = p;
    req.session = session.claims;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (permission) {
      // Here the role (or the link's purpose); the handler checks the item itself once it is known.
      const refusal = p.scope ? authorize(p, permission, p.scope) : authorize(p, permission);
      if (refusal) throw forbidden(refusal);
      if (purposeDone && permission !== 'item:read') throw linkPurposeDone(p.scope!);
    }
    req.requestId = await this.keys.requestId(req);
    return true;
  }
}
