/**
 * The audit trail: every state change appended with who, when, from where,
 * before and after. Keyed by the request's ID, so a retried request leaves one
 * entry, not two; never updated or deleted.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from '../persistence/entities/access.entity';
import type { Principal } from './principal';

export interface AuditRecord {
  requestId: string;
  actor: Principal;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export async function appendAudit(db: DataSource | EntityManager, r: AuditRecord): Promise<void> {
  await db
    .createQueryBuilder()
    .insert()
    .into(AuditEntry)
    .values({
      requestId: r.requestId,
      actor: r.actor.email,
      actorRole: r.actor.scope ? `${r.actor.role} (link: ${r.actor.scope.purpose})` : r.actor.role,
      ip: r.ip,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: (r.before ?? null) as object,
      after: (r.after ?? null) as object,
    })
    .orIgnore()
    .execute();
}
