/**
 * 忘记密码's reads and writes: the account an email names, the reset mail put
 * in the outbox (the relay sends it, and drops its text, link and all, once
 * sent), and the new password set only while the link's token version holds.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { QueuedMessage } from '../../mail/mailer';
import type { UserRole } from '../entities';

export interface ResettableAccount {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  department: string | null;
  locale: string;
  tokenVersion: number;
}

/** An account's mail is no cycle's: its outbox rows sit under this cycle ID, which no cycle has. */
export const ACCOUNT_MAIL = 'account';

export class AccessResetRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The active account with a password that `email` names (lower-cased), or null. */
  async resettableAccount(email: string): Promise<ResettableAccount | null> {
    const rows: ResettableAccount[] = await this.db.query(
      `SELECT id, email, name, role, department, locale, token_version AS "tokenVersion" FROM user_account
        WHERE email = $1 AND active AND password_hash IS NOT NULL`,
      [email],
    );
    return rows[0] ?? null;
  }

  /** The reset mail into the outbox, numbered after the account's earlier ones (of two at once, one is kept). */
  async queueResetMail(account: ResettableAccount, message: QueuedMessage): Promise<void> {
    await this.db.query(
      `INSERT INTO notice (cycle_id, department, audience, recipient, event, seq, subject, message)
       SELECT $1::varchar, '', 'account', $2::varchar, 'password_reset',
              coalesce((SELECT max(seq) FROM notice WHERE cycle_id = $1 AND recipient = $2 AND event = 'password_reset'), 0) + 1,
              $3, $4::jsonb
       ON CONFLICT DO NOTHING`,
      [ACCOUNT_MAIL, account.email, message.subject, JSON.stringify(message)],
    );
  }

  /**
   * Sets the password hash if the account is still at `tokenVersion` (the
   * link's), moving the version on: the link is spent and every session ends.
   * False when the link was used, or the account changed, in the meantime.
   */
  async setPassword(accountId: string, tokenVersion: number, passwordHash: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH changed AS (
         UPDATE user_account SET password_hash = $3, token_version = token_version + 1
          WHERE id = $1 AND token_version = $2 AND active RETURNING id
       ) SELECT id FROM changed`,
      [accountId, tokenVersion, passwordHash],
    );
    return rows.length === 1;
  }

  /** The account a link names, for the password rules (not made of its email or name). */
  async account(accountId: string): Promise<ResettableAccount | null> {
    const rows: ResettableAccount[] = await this.db.query(
      `SELECT id, email, name, role, department, locale, token_version AS "tokenVersion" FROM user_account WHERE id = $1 AND active`,
      [accountId],
    );
    return rows[0] ?? null;
  }
}
