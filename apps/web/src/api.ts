/**
 * The API client: bearer token from the session, the caller's language, and
 * the one error body ({ code, message, messageEn, details }) as an ApiError.
 */
import type { components } from './api-types';
import { clearSession, readSession, SESSION_LAPSED, sessionLapsed, SIGNED_OUT_EVENT } from './session';
import { currentLocale } from './i18n';

/** The request bodies and answers the API documents, generated from its OpenAPI document (scripts/openapi-types.ts). */
export type Schemas = components['schemas'];

export interface Problem {
  zh: string;
  en: string;
  field?: string;
  where?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Problem[],
  ) {
    super(message);
  }
}

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

export const enc = encodeURIComponent;

type Body = object | FormData | undefined;

/** The session ends here too, and the portal shows the sign-in page saying `why`. */
function signedOut(why: string): void {
  clearSession();
  window.dispatchEvent(new CustomEvent<string>(SIGNED_OUT_EVENT, { detail: why }));
}

/** Where a 401 is a wrong password or link, not a session refused. */
const SIGN_IN_PATHS = new Set(['/api/auth/login', '/api/auth/link']);

async function send(method: string, path: string, body?: Body): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': currentLocale() === 'en' ? 'en' : 'zh-CN' };
  const session = readSession();
  if (session) headers.Authorization = `Bearer ${session.token}`;
  else if (!SIGN_IN_PATHS.has(path) && sessionLapsed()) {
    // The tab sat past its session's expiry: no request would pass, so none is sent.
    const message = currentLocale() === 'en' ? SESSION_LAPSED.en : SESSION_LAPSED.zh;
    signedOut(message);
    throw new ApiError(401, 'session_expired', message, []);
  }
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers, body: payload });
  if (res.ok) return res;
  const problem = (await res.json().catch(() => null)) as {
    code?: string;
    message?: string;
    details?: Problem[];
  } | null;
  // The session was refused (not a sign-in's wrong password): the portal asks to sign in again, saying why.
  if (res.status === 401 && session && !SIGN_IN_PATHS.has(path)) {
    signedOut(problem?.message ?? res.statusText);
  }
  throw new ApiError(
    res.status,
    problem?.code ?? 'http_error',
    problem?.message ?? res.statusText,
    problem?.details ?? [],
  );
}

export const api = {
  get: async <T>(path: string): Promise<T> => (await send('GET', path)).json() as Promise<T>,
  post: async <T>(path: string, body?: Body): Promise<T> => (await send('POST', path, body ?? {})).json() as Promise<T>,
  put: async <T>(path: string, body: Body): Promise<T> => (await send('PUT', path, body)).json() as Promise<T>,
  text: async (path: string): Promise<string> => (await send('GET', path)).text(),
  /** Ends the session on the server too (every session of the account; a link's session alone), then here. */
  async signOut(): Promise<void> {
    await send('POST', '/api/auth/logout').catch(() => undefined);
    clearSession();
  },
  /** Fetches a file with the session and hands it to the browser as a download. */
  async download(path: string, fallbackName: string): Promise<void> {
    const res = await send('GET', path);
    const disposition = res.headers.get('Content-Disposition') ?? '';
    const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = name ? decodeURIComponent(name) : fallbackName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

/** Every page of a list (pageSize ≤ 200). */
export async function all<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api.get<Page<T>>(`${path}${sep}page=${page}&pageSize=200`);
    items.push(...res.items);
    if (items.length >= res.total || res.items.length === 0) return items;
  }
}
