/**
 * Sessions that end before they expire. An account's session stands while the
 * account is active and its token version, role and department are those the
 * session was issued under: deactivating, changing role, department or
 * password, and signing out move the version on, which ends every session of
 * the account at its next request. A session opened from an email link is no
 * account: signing it out records its own ID (libs/access/link-standing reads it).
 */
import type { UserRole } from '../persistence/entities';
import type { AccessRepository } from '../persistence/repositories/access.repository';
import type { Session } from './tokens';

export interface AccountStanding {
  active: boolean;
  tokenVersion: number;
  role: UserRole;
  department: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The account a session was issued for, by primary key: the one lookup every signed-in request makes. */
export async function readAccountStanding(accounts: AccessRepository, id: string): Promise<AccountStanding | null> {
  return UUID.test(id) ? accounts.accountStanding(id) : null;
}

export type SessionRevocation = 'inactive' | 'reissued';

/** Why an account's session no longer stands (the account is gone or deactivated; it changed since); null while it does. */
export function sessionRevocation(session: Session, account: AccountStanding | null): SessionRevocation | null {
  if (!account?.active) return 'inactive';
  const p = session.principal;
  if (session.tokenVersion !== account.tokenVersion || p.role !== account.role || p.department !== account.department)
    return 'reissued';
  return null;
}

/** Signs a session out: the account's every session, or the one link session (kept until it would have expired anyway). */
export async function endSession(accounts: AccessRepository, session: Session): Promise<void> {
  if (!session.principal.scope) return accounts.revokeSessions(session.principal.id);
  await accounts.endLinkSession(session.sessionId ?? null, new Date(session.expiresAt));
}
