/**
 * Access's SQL: accounts, sessions that end early, sign-in throttling,
 * idempotency keys, and what an email link's standing is read from.
 */
import type { FindOptionsWhere } from 'typeorm';
import type { LinkStanding } from '../../access/link-standing';
import type { AccountStanding } from '../../access/sessions';
import { Department, UserAccount, type ContactRole, type UserRole } from '../entities';
import { findPage, type Page, type PageRequest } from './page';
import type { Database } from './transactions';

/** An account as created: everything but what the database fills in. */
export type NewAccount = Pick<
  UserAccount,
  'email' | 'name' | 'role' | 'department' | 'passwordHash' | 'locale' | 'active'
>;

/** The sign-in throttle's count for one key in its window. */
export interface ThrottleCount {
  key: string;
  attempts: number;
  /** Seconds until the window ends. */
  retry_after: number;
}

/** An idempotency key's first request; `since`: its first use, in microseconds, as text. */
export interface BoundKey {
  method: string;
  path: string;
  fingerprint: string;
  since: string;
}

/** Where every change to an account's standing is announced, with its ID (migration AccountChangedNotify). */
export const ACCOUNT_CHANGED_CHANNEL = 'account_changed';

/** The first use's instant in microseconds, as text: the same on every read, whatever the driver does with dates. */
const SINCE = `(extract(epoch FROM created_at) * 1000000)::bigint::text AS since`;

export class AccessRepository {
  constructor(private readonly db: Database) {}

  account(id: string): Promise<UserAccount | null> {
    return this.db.getRepository(UserAccount).findOneBy({ id });
  }

  accountByEmail(email: string): Promise<UserAccount | null> {
    return this.db.getRepository(UserAccount).findOneBy({ email });
  }

  /** A page of accounts by email; `view` shapes each for the answer. */
  accounts<R>(
    where: FindOptionsWhere<UserAccount>,
    page: PageRequest,
    view: (account: UserAccount) => R,
  ): Promise<Page<R>> {
    return findPage(this.db.getRepository(UserAccount), page, { where, order: { email: 'ASC' } }, view);
  }

  /** The first active account of a role without a department (the approver, whom notices reach), oldest first. */
  firstActiveAccount(role: UserRole): Promise<UserAccount | null> {
    return this.db.getRepository(UserAccount).findOne({ where: { role, active: true }, order: { createdAt: 'ASC' } });
  }

  /** Whether the department an account belongs to exists. */
  departmentExists(code: string): Promise<boolean> {
    return this.db.getRepository(Department).existsBy({ code });
  }

  /** Whether an active account matches (an email, and maybe a role and department). */
  hasActiveAccount(where: { email: string; role?: UserRole; department?: string }): Promise<boolean> {
    return this.db.getRepository(UserAccount).existsBy({ ...where, active: true });
  }

  /** The new account's ID; null when the email has one already (two requests at once: one account). */
  async createAccount(account: NewAccount): Promise<string | null> {
    const inserted = await this.db
      .createQueryBuilder()
      .insert()
      .into(UserAccount)
      .values(account)
      .orIgnore()
      .returning('id')
      .execute();
    const [row] = inserted.raw as Array<{ id: string }>;
    return row?.id ?? null;
  }

  /** `revokeSessions`: the change ends the account's sessions (libs/access/sessions). */
  async updateAccount(
    id: string,
    change: Partial<Omit<NewAccount, 'email'>>,
    { revokeSessions }: { revokeSessions: boolean },
  ): Promise<void> {
    await this.db
      .getRepository(UserAccount)
      .update(id, { ...change, ...(revokeSessions ? { tokenVersion: () => 'token_version + 1' } : {}) });
  }

  /** By primary key: the one lookup every signed-in request makes. */
  async accountStanding(id: string): Promise<AccountStanding | null> {
    const [row]: Array<{ active: boolean; token_version: number; role: UserRole; department: string | null }> =
      await this.db.query(`SELECT active, token_version, role, department FROM user_account WHERE id = $1`, [id]);
    return row
      ? { active: row.active, tokenVersion: row.token_version, role: row.role, department: row.department }
      : null;
  }

  /** Ends every session of the account now. */
  async revokeSessions(accountId: string): Promise<void> {
    await this.db.query(`UPDATE user_account SET token_version = token_version + 1 WHERE id = $1`, [accountId]);
  }

  /** Records a signed-out link session until it would have expired anyway. */
  async endLinkSession(sessionId: string | null, expiresAt: Date): Promise<void> {
    // Sign-outs are rare: the ones past their expiry go as another comes in.
    await this.db.query(`DELETE FROM ended_link_session WHERE expires_at < now()`);
    await this.db.query(
      `INSERT INTO ended_link_session (session_id, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [sessionId, expiresAt],
    );
  }

  /** Counts one attempt against each key (windows past `windowSeconds` start again); the counts after it. */
  async countSignInAttempt(keys: string[], windowSeconds: number): Promise<ThrottleCount[]> {
    await this.db.query(`DELETE FROM sign_in_throttle WHERE window_started_at <= now() - make_interval(secs => $1)`, [
      windowSeconds,
    ]);
    // The keys in the order given, in every statement: two attempts never wait on each other's rows.
    return this.db.query(
      `INSERT INTO sign_in_throttle AS t (key, attempts, window_started_at)
       SELECT k, 1, now() FROM unnest($1::varchar[]) WITH ORDINALITY AS u(k, n) ORDER BY n
       ON CONFLICT (key) DO UPDATE SET attempts = t.attempts + 1
       RETURNING key, attempts, ceil(extract(epoch FROM t.window_started_at + make_interval(secs => $2) - now()))::int AS retry_after`,
      [keys, windowSeconds],
    );
  }

  /** A sign-in that succeeded: the account's count goes, the address's attempt is taken back. */
  async forgiveSignIn(accountKey: string, addressKey: string): Promise<void> {
    await this.db.query(`DELETE FROM sign_in_throttle WHERE key = $1`, [accountKey]);
    await this.db.query(`UPDATE sign_in_throttle SET attempts = greatest(attempts - 1, 0) WHERE key = $1`, [
      addressKey,
    ]);
  }

  /**
   * Binds a key to a request on its first use, or once it has expired; the
   * first use's instant (`since`), or null when the key is bound already.
   */
  async bindIdempotencyKey(
    caller: string,
    key: string,
    request: Pick<BoundKey, 'method' | 'path' | 'fingerprint'>,
    ttlMs: number,
  ): Promise<string | null> {
    const [claimed]: Array<{ since: string }> = await this.db.query(
      `INSERT INTO idempotency_key (caller, key, method, path, fingerprint, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + $6 * interval '1 millisecond')
       ON CONFLICT (caller, key) DO UPDATE
         SET method = EXCLUDED.method, path = EXCLUDED.path, fingerprint = EXCLUDED.fingerprint, created_at = now(), expires_at = EXCLUDED.expires_at
         WHERE idempotency_key.expires_at <= now()
       RETURNING ${SINCE}`,
      [caller, key, request.method, request.path, request.fingerprint, ttlMs],
    );
    return claimed?.since ?? null;
  }

  /** What a key is bound to; null when it is not (or no longer) stored. */
  async boundIdempotencyKey(caller: string, key: string): Promise<BoundKey | null> {
    const [first]: BoundKey[] = await this.db.query(
      `SELECT method, path, fingerprint, ${SINCE} FROM idempotency_key WHERE caller = $1 AND key = $2`,
      [caller, key],
    );
    return first ?? null;
  }

  async purgeExpiredIdempotencyKeys(): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_key WHERE expires_at <= now()`);
  }

  /**
   * One query: the item and its cycle, the department's contact and latest
   * delegate in force for the role (as a notice's recipient is picked), and
   * whether the session was signed out. Null when the item does not exist.
   */
  async linkStanding(
    link: { cycleId: string; itemKey: string; department: string; role: ContactRole },
    holder: string,
    sessionId: string | null,
  ): Promise<LinkStanding | null> {
    const [row]: Array<{
      item_status: string;
      cycle_running: boolean;
      holder_entitled: boolean;
      signed_out: boolean;
      review_open: boolean;
    }> = await this.db.query(
      `SELECT w.status AS item_status, c.status = 'running' AS cycle_running,
              EXISTS (SELECT 1 FROM report_review r
                       WHERE r.cycle_id = w.cycle_id AND r.stage IN ('commenting', 'recompiling')) AS review_open,
              coalesce(lower(k.email) = lower($5) OR lower(g.delegate_email) = lower($5), false) AS holder_entitled,
              EXISTS (SELECT 1 FROM ended_link_session e WHERE e.session_id = $6::uuid) AS signed_out
         FROM work_item w
         JOIN evaluation_cycle c ON c.id = w.cycle_id
         LEFT JOIN department d ON d.code = $3
         LEFT JOIN department_contact k ON k."departmentId" = d.id AND k.role = $4
         LEFT JOIN LATERAL (
           SELECT delegate_email FROM delegation
            WHERE "departmentId" = d.id AND role = $4 AND valid_from <= now() AND valid_until > now()
            ORDER BY valid_from DESC LIMIT 1
         ) g ON true
        WHERE w.cycle_id = $1 AND w.item_key = $2`,
      [link.cycleId, link.itemKey, link.department, link.role, holder, sessionId],
    );
    return row
      ? {
          itemStatus: row.item_status,
          cycleRunning: row.cycle_running,
          holderEntitled: row.holder_entitled,
          signedOut: row.signed_out,
          reviewOpen: row.review_open,
        }
      : null;
  }
}
