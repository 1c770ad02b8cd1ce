/** Appends to the audit trail with the request's own ID, caller and address. */
import { Inject, Injectable } from '@nestjs/common';
import type { AuditRecord } from '@libs/access/audit-log';
import { AuditRepository } from '@libs/persistence/repositories/audit.repository';
import type { AuthenticatedRequest } from '../auth/auth.decorators';

export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

@Injectable()
export class AuditService {
  constructor(@Inject(AuditRepository) private readonly audit: AuditRepository) {}

  /** `within`: the audit trail in the caller's transaction (see Transactions), with the change it audits. */
  async record(req: AuthenticatedRequest, change: AuditChange, within = this.audit): Promise<void> {
    await within.append(this.entry(req, change));
  }

  /**
   * The entry for a writer that stores it with its own change (an item
   * command's record). `suffix` tells apart several changes made by one
   * request (each item of a bulk approval).
   */
  entry(req: AuthenticatedRequest, change: AuditChange, suffix = ''): AuditRecord {
    return { requestId: `${req.requestId}${suffix}`, actor: req.principal, ip: req.ip ?? null, ...change };
  }
}
