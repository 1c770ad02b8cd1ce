/** The signed-in session, kept in sessionStorage: it ends with the browser tab. */
import { authorize, type AccessTarget, type Permission } from '@libs/access/permissions';
import type { Principal } from '@libs/access/principal';
import type { Schemas } from './api';

/** The person as the API knows them (`authorize` from libs/access decides what the portal offers them). */
export type User = Principal;

/** As the API answers a sign-in (`SessionView`), the person typed by the domain's own Principal. */
export type Session = Omit<Schemas['SessionView'], 'user'> & { user: User };

const KEY = 'plan-eval.session';

function stored(): Session | null {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
  } catch {
    return null;
  }
}

export function readSession(): Session | null {
  const s = stored();
  return s && Date.parse(s.expiresAt) > Date.now() ? s : null;
}

export const SESSION_LAPSED = { zh: '登录已过期，请重新登录', en: 'Your session has expired; please sign in again' };

/** A session this tab held has expired (the tab sat past its expiry): the sign-in page says so, not just asks. */
export function sessionLapsed(): boolean {
  const s = stored();
  return s !== null && Date.parse(s.expiresAt) <= Date.now();
}

/** Sent when the API ends the session (expired, signed out elsewhere, a link's right gone); `detail` says why. */
export const SIGNED_OUT_EVENT = 'plan-eval:signed-out';

export function saveSession(s: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(s));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

/** Whether the person may do this, by the API's own rule: the portal offers no action the API would refuse. */
export const may = (user: User, permission: Permission, target?: AccessTarget): boolean =>
  authorize(user, permission, target) === null;
