/**
 * Sign-in throttling against password guessing, kept in PostgreSQL so that it
 * holds across API processes: attempts are counted per account (the email
 * tried, known or not) and per client address, each in a fixed window. An
 * attempt is counted before its password is checked, so guesses sent in
 * parallel cannot slip past the limit; a good password takes its own back.
 * Over the limit, no password is checked, the right one included, until the
 * window ends.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { AUDIT_COLUMNS } from './audit-log';

export const SIGN_IN_LIMITS = {
  /** Guesses at one account: a person mistyping gets five. */
  perAccount: 5,
  /** From one address, over any accounts: an office behind one address signs in many people, most of them right. */
  perAddress: 20,
  windowSeconds: 15 * 60,
};

export interface SignInAttempt {
  /** As typed, lower-cased: an unknown email is counted like a known one. */
  email: string;
  /** The client's address as the API saw it. */
  address: string;
}

const keys = (a: SignInAttempt) => ({ account: `account:${a.email}`, address: `address:${a.address}` });

/**
 * Counts an attempt; null when it may go on to the password, otherwise how
 * many seconds until the window that refused it ends.
 */
export async function admitSignIn(
  db: DataSource | EntityManager,
  attempt: SignInAttempt,
): Promise<{ retryAfterSeconds: number } | null> {
  const { account, address } = keys(attempt);
  await db.query(`DELETE FROM sign_in_throttle WHERE window_started_at <= now() - make_interval(secs => $1)`, [
    SIGN_IN_LIMITS.windowSeconds,
  ]);
  // The account's row before the address's, in every statement: two attempts never wait on each other's rows.
  const rows: Array<{ key: string; attempts: number; retry_after: number }> = await db.query(
    `INSERT INTO sign_in_throttle AS t (key, attempts, window_started_at)
     SELECT k, 1, now() FROM unnest($1::varchar[]) WITH ORDINALITY AS u(k, n) ORDER BY n
     ON CONFLICT (key) DO UPDATE SET attempts = t.attempts + 1
     RETURNING key, attempts, ceil(extract(epoch FROM t.window_started_at + make_interval(secs => $2) - now()))::int AS retry_after`,
    [[account, address], SIGN_IN_LIMITS.windowSeconds],
  );
  const limit = (key: string) => (key === account ? SIGN_IN_LIMITS.perAccount : SIGN_IN_LIMITS.perAddress);
  const over = rows.filter((r) => r.attempts > limit(r.key));
  return over.length ? { retryAfterSeconds: Math.max(1, ...over.map((r) => r.retry_after)) } : null;
}

/** The right password: the account's count starts again, and the address's attempt was no guess. */
export async function signInSucceeded(db: DataSource | EntityManager, attempt: SignInAttempt): Promise<void> {
  const { account, address } = keys(attempt);
  await db.query(`DELETE FROM sign_in_throttle WHERE key = $1`, [account]);
  await db.query(`UPDATE sign_in_throttle SET attempts = greatest(attempts - 1, 0) WHERE key = $1`, [address]);
}

/**
 * A refused sign-in in the audit trail: the email tried (as actor and entity,
 * whether or not it has an account: the trail tells nobody which do), the
 * address, and why; never the password.
 */
export async function auditSignInFailure(
  db: DataSource | EntityManager,
  requestId: string,
  attempt: SignInAttempt,
  reason: 'wrong_email_or_password' | 'throttled',
): Promise<void> {
  await db.query(
    `INSERT INTO audit_entry (${AUDIT_COLUMNS}) VALUES ($1, $2, 'anonymous', $3, 'sign_in_failed', 'user', $2, NULL, $4::jsonb) ON CONFLICT DO NOTHING`,
    [requestId, attempt.email, attempt.address, JSON.stringify({ reason })],
  );
}
