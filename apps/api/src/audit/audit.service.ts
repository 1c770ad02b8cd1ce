/** Appends to the audit trail with the request's own ID, caller and address. */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { appendAudit } from '@libs/access/audit-log';
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

  /** `suffix` tells apart several changes made by one request (e.g. each item of a bulk approval). */
  async record(req: AuthenticatedRequest, change: AuditChange, em?: EntityManager, suffix = ''): Promise<void> {
    await appendAudit(em ?? this.ds, { requestId: `${req.requestId}${suffix}`, actor: req.principal, ip: req.ip ?? null, ...change });
  }
}
