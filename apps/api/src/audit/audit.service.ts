/** Appends to the audit trail with the request's own ID, caller and address. */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { appendAudit, type AuditRecord } from '@libs/access/audit-log';
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
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** `em`: inside the caller's transaction, with the change it audits. */
  async record(req: AuthenticatedRequest, change: AuditChange, em?: EntityManager): Promise<void> {
    await appendAudit(em ?? this.ds, this.entry(req, change));
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
