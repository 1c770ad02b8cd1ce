/**
 * Every request is signed in unless its handler is @Public: a bearer session
 * token, checked for signature and expiry, and the handler's @Requires
 * permission checked against the caller's role before the handler runs.
 */
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { authorize, type Permission } from '@libs/access/permissions';
import { TokenSigner } from '@libs/access/tokens';
import { ApiProblem, forbidden } from '../common/problem.filter';
import { PERMISSION_KEY, PUBLIC_KEY, type AuthenticatedRequest } from './auth.decorators';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenSigner) private readonly tokens: TokenSigner,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    // A client-chosen Idempotency-Key makes a retried request the same request.
    const key = req.headers['idempotency-key'];
    req.requestId = typeof key === 'string' && /^[\w.:-]{8,128}$/.test(key) ? key : randomUUID();
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer) throw new ApiProblem(401, 'unauthorized', [{ zh: '请先登录', en: 'please sign in' }]);
    const session = this.tokens.verifySession(bearer);
    if (!session.ok) {
      throw session.reason === 'expired'
        ? new ApiProblem(401, 'session_expired', [{ zh: '登录已过期，请重新登录', en: 'your session has expired; please sign in again' }])
        : new ApiProblem(401, 'unauthorized', [{ zh: '登录凭证无效，请重新登录', en: 'invalid session; please sign in again' }]);
    }
    req.principal = session.claims;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (permission) {
      // Here the role (or the link's purpose); the handler checks the item itself once it is known.
      const p = session.claims;
      const refusal = p.scope ? authorize(p, permission, p.scope) : authorize(p, permission);
      if (refusal) throw forbidden(refusal);
    }
    return true;
  }
}
