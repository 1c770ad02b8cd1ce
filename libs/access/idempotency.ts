/**
 * Idempotency-Key bound to its request, the way payment APIs (Stripe) bind
 * it: a key belongs to its caller, and to the one request it was first sent
 * with (method, path and body). Sent again with that request, it is the same
 * request: the same request ID, so the workflow's Update and the audit entry
 * answer as they did the first time. Sent with any other request it is
 * refused, rather than answering that other request with the first one's
 * result. Keys are kept for a day; after that one may be used afresh (with a
 * new request ID, since the first request's Update and audit entry remain).
 */
import { createHash } from 'node:crypto';
import type { AccessRepository } from '../persistence/repositories/access.repository';

/** How long a key stays bound to its first request. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3_600_000;

/** The keys accepted: long enough to be unique (a UUID fits), short and plain enough to store and show. */
export const IDEMPOTENCY_KEY_FORMAT = /^[\w.:-]{8,128}$/;

export interface KeyedRequest {
  method: string;
  /** The path as requested, query included. */
  path: string;
  /** The request's content as far as it is known before the handler runs (the parsed JSON body). */
  body: unknown;
}

export type KeyClaim =
  | { ok: true; requestId: string }
  | { ok: false; first: { method: string; path: string }; differs: Array<'method' | 'path' | 'body'> };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What a key is bound to: a hash of the method, path and body. */
export const requestFingerprint = (r: KeyedRequest): string =>
  sha256(JSON.stringify([r.method.toUpperCase(), r.path, r.body ?? null]));

/** The request ID a key stands for: its caller's, from its first use (a key used afresh after it expired is another request). */
export const keyedRequestId = (caller: string, key: string, since: string): string =>
  sha256(JSON.stringify([caller, key, since])).slice(0, 32);

/**
 * Binds `key` to the request on its first use (or once it has expired), and
 * answers a later use with the same request ID if it is the same request, or
 * with how it differs if not. Two uses at once: one inserts, the other waits
 * for it and reads what it bound.
 */
export async function claimIdempotencyKey(
  accounts: AccessRepository,
  caller: string,
  key: string,
  request: KeyedRequest,
): Promise<KeyClaim> {
  const fingerprint = requestFingerprint(request);
  const method = request.method.toUpperCase();
  const since = await accounts.bindIdempotencyKey(
    caller,
    key,
    { method, path: request.path, fingerprint },
    IDEMPOTENCY_KEY_TTL_MS,
  );
  if (since !== null) return { ok: true, requestId: keyedRequestId(caller, key, since) };
  const first = await accounts.boundIdempotencyKey(caller, key);
  // Gone in between: it expired and was purged this very instant.
  if (!first) return claimIdempotencyKey(accounts, caller, key, request);
  if (first.fingerprint === fingerprint) return { ok: true, requestId: keyedRequestId(caller, key, first.since) };
  const differs = [
    ...(first.method !== method ? ['method' as const] : []),
    ...(first.path !== request.path ? ['path' as const] : []),
  ];
  return { ok: false, first: { method: first.method, path: first.path }, differs: differs.length ? differs : ['body'] };
}
