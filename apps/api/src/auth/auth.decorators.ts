/** How a handler says who may call it, and how it reads who is calling. */
import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Permission } from '@libs/access/permissions';
import type { Principal } from '@libs/access/principal';
import type { Session } from '@libs/access/tokens';

export const PUBLIC_KEY = 'plan-eval:public';
export const PERMISSION_KEY = 'plan-eval:permission';

/** Open without sign-in (health, sign-in itself, email links, API docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * The role-level permission the handler needs. Department-level checks (is this
 * the caller's own item?) happen in the handler once the item is known.
 */
export const Requires = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

/** `session`: the signed session the principal came from (what signing out ends). */
export type AuthenticatedRequest = Request & { principal: Principal; session: Session; requestId: string };

export const Caller = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);
