/**
 * Sessions that end before they expire. An account's session stands while the
 * account is active and its token version, role and department are those the
 * session was issued under: deactivating, changing role, department or
 * password, and signing out move the version on, which ends every session of
 * the account at its next request. A session opened from an email link is no
 * account: signing it out records its own ID (libs/access/link-standing reads it).
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { UserRole } from '../persistence/entities';
import type { Session } from './tokens';

export interface AccountStanding {
  active: boolean;
  tokenVersion: number;
  role: UserRole;
  department: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The account a session was issued for, by primary key: the one lookup every signed-in request makes. */
export async function readAccountStanding(db: DataSource | EntityManager, id: string): Promise<AccountStanding | null> {
  if (!UUID.test(id)) return null;
  const [row]: Array<{ active: boolean; token_version: number; role: UserRole; department: string | null }> =
    await db.query(`SELECT active, token_version, role, department FROM user_account WHERE id = $1`, [id]);
  return row
    ? { active: row.active, tokenVersion: row.token_version, role: row.role, department: row.department }
    : null;
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

/** Ends every session of the account now (the next request of each is refused). */
export async function revokeAccountSessions(db: DataSource | EntityManager, accountId: string): Promise<void> {
  await db.query(`UPDATE user_account SET token_version = token_version + 1 WHERE id = $1`, [accountId]);
}

/** Signs a session out: the account's every session, or the one link session (kept until it would have expired anyway). */
export async function endSession(db: DataSource | EntityManager, session: Session): Promise<void> {
  if (!session.principal.scope) return revokeAccountSessions(db, session.principal.id);
  // Sign-outs are rare: the ones past their expiry go as another comes in.
  await db.query(`DELETE FROM ended_link_session WHERE expires_at < now()`);
  await db.query(`INSERT INTO ended_link_session (session_id, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
    session.sessionId,
    new Date(session.expiresAt),
  ]);
}
