/**
 * The audit trail: every state change appended with who, when, from where,
 * before and after. Keyed by the request's ID, so a retried request leaves one
 * entry, not two; never updated or deleted.
 */
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

/** The audit_entry columns an entry fills, in the order of `auditValues`: for writers that insert it in a statement of their own. */
export const AUDIT_COLUMNS = 'request_id, actor, actor_role, ip, action, entity_type, entity_id, before, after';

export function auditValues(r: AuditRecord): unknown[] {
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  const role = r.actor.scope ? `${r.actor.role} (link: ${r.actor.scope.purpose})` : r.actor.role;
  return [r.requestId, r.actor.email, role, r.ip, r.action, r.entityType, r.entityId, json(r.before), json(r.after)];
}
