/**
 * The request ID of a signed-in request: from its Idempotency-Key, bound to
 * the caller and the request (libs/access/idempotency), or a fresh one. Only
 * changes are keyed (reads change nothing to repeat); a key that is not
 * well-formed is refused rather than ignored, and one first used for another
 * request is refused with 422 naming how the two differ.
 */
import { randomUUID } from 'node:crypto';
import { claimIdempotencyKey, IDEMPOTENCY_KEY_FORMAT } from '@libs/access/idempotency';
import type { AccessRepository } from '@libs/persistence/repositories/access.repository';
import { ApiProblem } from '../common/problem.filter';
import type { AuthenticatedRequest } from './auth.decorators';

const FIELD = 'Idempotency-Key';
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const DIFFERS = {
  method: { zh: '请求方法', en: 'method' },
  path: { zh: '地址', en: 'path' },
  body: { zh: '请求内容', en: 'body' },
};
/** Expired keys are overwritten when used again; the rest are dropped now and then, not on every request. */
const PURGE_EVERY_MS = 10 * 60_000;

export class IdempotencyKeys {
  private purgedAt = Date.now();

  constructor(private readonly accounts: AccessRepository) {}

  async requestId(req: AuthenticatedRequest): Promise<string> {
    const key = req.headers['idempotency-key'];
    if (key === undefined || READS.has(req.method)) return randomUUID();
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY_FORMAT.test(key)) {
      throw new ApiProblem(400, 'invalid_request', [
        {
          field: FIELD,
          zh: 'Idempotency-Key 须为8至128个字母、数字或 _ . : - 字符（例如一个UUID）',
          en: 'Idempotency-Key must be 8 to 128 letters, digits or _ . : - (a UUID, for example)',
        },
      ]);
    }
    this.purgeNowAndThen();
    // Before the handler runs, an upload's file is not yet read: its size stands for it.
    const body = req.is('multipart/form-data') ? { multipart: req.headers['content-length'] ?? null } : req.body;
    const claim = await claimIdempotencyKey(this.accounts, req.principal.id, key, {
      method: req.method,
      path: req.originalUrl,
      body,
    });
    if (claim.ok) return claim.requestId;
    const first = `${claim.first.method} ${claim.first.path}`;
    const differs = `${claim.differs.map((d) => DIFFERS[d].en).join(' and ')} ${claim.differs.length > 1 ? 'differ' : 'differs'}`;
    throw new ApiProblem(422, 'idempotency_key_reused', [
      {
        field: FIELD,
        zh: `此 Idempotency-Key 已用于另一个请求（${first}），${claim.differs.map((d) => DIFFERS[d].zh).join('、')}不同；新的请求请使用新的键`,
        en: `this Idempotency-Key was first used for another request (${first}): the ${differs}; use a new key for a new request`,
      },
    ]);
  }

  private purgeNowAndThen(): void {
    if (Date.now() - this.purgedAt < PURGE_EVERY_MS) return;
    this.purgedAt = Date.now();
    // Nothing waits on it, and a failure only leaves the rows for next time.
    this.accounts.purgeExpiredIdempotencyKeys().catch(() => undefined);
  }
}
