/**
 * Back to the Temporal UI after signing in. The proxy sends a browser that
 * opened the UI (/temporal/…) without a standing administrator's session to
 * the portal's sign-in as `/login?next=<the path asked for>`
 * (deploy/proxy/nginx.conf); signed in, an administrator — who alone gets the
 * operator cookie the proxy asks for — goes back there. Anyone else stays in
 * the portal: sent back, they would only be refused again.
 */
import { authorize } from '@libs/access/permissions';
import type { Principal } from '@libs/access/principal';
import type { Localized } from '@libs/plan/localized';

export const TEMPORAL_UI_SIGN_IN = {
  zh: 'Temporal 界面仅供市统计局系统管理员使用，请以系统管理员身份登录',
  en: "The Temporal UI is for the bureau's administrators: sign in as one to open it",
} satisfies Localized;

/**
 * The UI page a sign-in page's query names, or null. The proxy puts the path
 * as the browser sent it, percent-encoding kept (a workflow ID's `%2F` must
 * stay encoded), so it is read from the raw query, not decoded; only a path
 * under /temporal/ of this origin is taken.
 */
export function requestedUiPage(search: string): string | null {
  const next = /(?:^\?|&)next=([^&#]*)/.exec(search)?.[1];
  if (next === undefined || !next.startsWith('/temporal/')) return null;
  // A path of this origin only: no backslash a browser would read as a slash, no dot segments, no spaces.
  if (/[\\\s]|\/\.\.?(?:\/|$)/.test(next)) return null;
  return next;
}

/** Whether this person's sign-in opens the UI (the proxy's check asks the same of the API). */
export function opensTemporalUi(user: Principal): boolean {
  return authorize(user, 'payloads:decode') === null;
}
