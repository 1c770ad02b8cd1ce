/**
 * The operator cookie: how the Temporal UI, which the proxy serves under
 * /temporal/ on the portal's origin, opens to the bureau's administrators
 * alone, with no single sign-on. The portal keeps its session in the tab and
 * sends it as a Bearer token, which the UI cannot do; so an administrator's
 * sign-in also gives the browser the same session token as an HttpOnly,
 * Secure, SameSite=Strict cookie, sent only on the paths that need it: the
 * UI's (the proxy asks GET /api/auth/operator-check with it before passing a
 * request on, deploy/proxy/nginx.conf) and the codec endpoint the UI decrypts
 * through. Only handlers marked @AcceptsOperatorCookie take it; it is the
 * session itself, so signing out (every session of the account ends) voids it.
 */
import { SetMetadata } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '@libs/access/permissions';
import type { Principal } from '@libs/access/principal';
import { ApiProblem } from '../common/problem.filter';

/** `__Secure-`: a browser takes it only from an HTTPS answer, and no plain-HTTP page can overwrite it. */
export const OPERATOR_COOKIE = '__Secure-plan-eval-operator';

/** The UI's pages and API, and the codec endpoint; the portal's own API never receives it. */
export const OPERATOR_COOKIE_PATHS = ['/temporal', '/api/temporal-codec'] as const;

/** The header every codec call of the Temporal UI carries: a cross-site form cannot send it. */
export const CODEC_NAMESPACE_HEADER = 'x-namespace';

export const OPERATOR_COOKIE_KEY = 'plan-eval:operator-cookie';

/** The handler also takes the session from the operator cookie when no Bearer token comes. */
export const AcceptsOperatorCookie = () => SetMetadata(OPERATOR_COOKIE_KEY, true);

const cookieOptions = { httpOnly: true, secure: true, sameSite: 'strict' } as const;

/**
 * At sign-in: the cookie for an operator (who may read decrypted histories),
 * and none for anyone else, so whoever signs in next on a shared browser does
 * not inherit an administrator's.
 */
export function issueOperatorCookie(res: Response, who: Principal, session: { token: string; expiresAt: string }) {
  if (authorize(who, 'payloads:decode') !== null) return clearOperatorCookie(res);
  for (const path of OPERATOR_COOKIE_PATHS)
    res.cookie(OPERATOR_COOKIE, session.token, { ...cookieOptions, path, expires: new Date(session.expiresAt) });
}

export function clearOperatorCookie(res: Response): void {
  for (const path of OPERATOR_COOKIE_PATHS) res.clearCookie(OPERATOR_COOKIE, { ...cookieOptions, path });
}

/**
 * The session token a request presents: its Bearer token, or where the
 * handler accepts it, the operator cookie. A cookie rides along on any request
 * to its path, so a state-changing one (the codec's POSTs, each decode
 * audited) must also show it was made by a page of this origin: SameSite=Strict
 * keeps the cookie off other sites' requests, and the X-Namespace header the UI
 * sends cannot be set by a cross-site form (and from script only after a CORS
 * preflight the API never grants).
 */
export function presentedSessionToken(req: Request, acceptsCookie: boolean): string | undefined {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (bearer || !acceptsCookie) return bearer;
  const cookie = cookieValue(req.headers.cookie, OPERATOR_COOKIE);
  if (!cookie) return undefined;
  // A browser says where a request comes from: `none` for an address typed in, `same-origin` from our pages.
  const fromElsewhere = ['cross-site', 'same-site'].includes(String(req.headers['sec-fetch-site']));
  const safe = req.method === 'GET' || req.method === 'HEAD';
  if (fromElsewhere || (!safe && !req.headers[CODEC_NAMESPACE_HEADER]))
    throw new ApiProblem(403, 'cross_site_request', [
      {
        zh: '请求须来自本站的 Temporal 界面（缺少 X-Namespace 请求头，或来自其他站点）',
        en: 'the request must come from this site’s Temporal UI (X-Namespace header missing, or sent from another site)',
        field: 'X-Namespace',
      },
    ]);
  return cookie;
}

/** One cookie's value from a Cookie header (RFC 6265 §5.4: `name=value` pairs joined by "; "). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim() || undefined;
  }
  return undefined;
}
