/** The signed-in session, kept in sessionStorage: it ends with the browser tab. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'viewer' | 'submitter' | 'supervisor';
  department: string | null;
  /** Set for a session opened from an email link: that one item and purpose only. */
  scope?: { purpose: 'submit' | 'review' | 'contribute'; cycleId: string; department: string; itemKey: string };
}

export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

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
