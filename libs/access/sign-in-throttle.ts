/**
 * Sign-in throttling against password guessing, kept in PostgreSQL so that it
 * holds across API processes: attempts are counted per account (the email
 * tried, known or not) and per client address, each in a fixed window. An
 * attempt is counted before its password is checked, so guesses sent in
 * parallel cannot slip past the limit; a good password takes its own back.
 * Over the limit, no password is checked, the right one included, until the
 * window ends.
 */
import type { AccessRepository } from '../persistence/repositories/access.repository';
import type { AuditRepository } from '../persistence/repositories/audit.repository';

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
  accounts: AccessRepository,
  attempt: SignInAttempt,
): Promise<{ retryAfterSeconds: number } | null> {
  const { account, address } = keys(attempt);
  // The account's row before the address's, always: two attempts never wait on each other's rows.
  const rows = await accounts.countSignInAttempt([account, address], SIGN_IN_LIMITS.windowSeconds);
  const limit = (key: string) => (key === account ? SIGN_IN_LIMITS.perAccount : SIGN_IN_LIMITS.perAddress);
  const over = rows.filter((r) => r.attempts > limit(r.key));
  return over.length ? { retryAfterSeconds: Math.max(1, ...over.map((r) => r.retry_after)) } : null;
}

/** The right password: the account's count starts again, and the address's attempt was no guess. */
export async function signInSucceeded(accounts: AccessRepository, attempt: SignInAttempt): Promise<void> {
  const { account, address } = keys(attempt);
  await accounts.forgiveSignIn(account, address);
}

/**
 * A refused sign-in in the audit trail: the email tried (as actor and entity,
 * whether or not it has an account: the trail tells nobody which do), the
 * address, and why; never the password.
 */
export async function auditSignInFailure(
  audit: AuditRepository,
  requestId: string,
  attempt: SignInAttempt,
  reason: 'wrong_email_or_password' | 'throttled',
): Promise<void> {
  await audit.appendSignInFailure(requestId, attempt.email, attempt.address, reason);
}
