/** The audit trail's SQL: entries appended (never updated or deleted) and read back a page at a time. */
import type { FindOptionsWhere } from 'typeorm';
import { AUDIT_COLUMNS, auditValues, type AuditRecord } from '../../access/audit-log';
import { AuditEntry } from '../entities';
import { findPage, type Page, type PageRequest } from './page';
import type { Database } from './transactions';

export class AuditRepository {
  constructor(private readonly db: Database) {}

  /** Appends an entry; a retried request (the same request ID) leaves one. */
  async append(r: AuditRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_entry (${AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb) ON CONFLICT DO NOTHING`,
      auditValues(r),
    );
  }

  /**
   * A refused sign-in: the email tried as actor and entity (whether or not it
   * has an account), the address, and why.
   */
  async appendSignInFailure(requestId: string, email: string, address: string, reason: string): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_entry (${AUDIT_COLUMNS}) VALUES ($1, $2, 'anonymous', $3, 'sign_in_failed', 'user', $2, NULL, $4::jsonb) ON CONFLICT DO NOTHING`,
      [requestId, email, address, JSON.stringify({ reason })],
    );
  }

  /** Every entry about one entity, oldest first (an item's history). */
  trail(entityType: string, entityId: string): Promise<AuditEntry[]> {
    return this.db.getRepository(AuditEntry).find({ where: { entityType, entityId }, order: { at: 'ASC' } });
  }

  /** A page of entries, newest first. */
  entries(where: FindOptionsWhere<AuditEntry>, page: PageRequest): Promise<Page<AuditEntry>> {
    return findPage(this.db.getRepository(AuditEntry), page, { where, order: { at: 'DESC' } });
  }
}
