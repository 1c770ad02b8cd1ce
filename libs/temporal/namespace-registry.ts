/**
 * The apps' Temporal namespace, with an explicit retention of closed workflows' histories
 * (`plan-eval temporal-setup --retention`, run by the Compose stack's set-up job): the real server
 * starts with no namespace at all, unlike the dev server. Safe at every start: a namespace that exists
 * keeps its data and only has its retention brought to the one given.
 */
import { isGrpcServiceError, type Connection } from '@temporalio/client';
import { msToTs, tsToMs } from '@temporalio/common/lib/time';
import { GRPC_NOT_FOUND } from './grpc-status';
import { setTimeout as sleep } from 'node:timers/promises';

export type NamespaceChange = 'created' | 'retention changed' | 'unchanged';

export async function ensureNamespace(
  connection: Connection,
  namespace: string,
  retentionMs: number,
): Promise<NamespaceChange> {
  const workflowExecutionRetentionTtl = msToTs(retentionMs);
  const described = await connection.workflowService.describeNamespace({ namespace }).catch((e: unknown) => {
    if (isGrpcServiceError(e) && e.code === GRPC_NOT_FOUND) return null;
    throw e;
  });
  if (described === null) {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: workflowExecutionRetentionTtl,
    });
    await namespaceServed(connection, namespace);
    return 'created';
  }
  if (tsToMs(described.config?.workflowExecutionRetentionTtl) === retentionMs) return 'unchanged';
  await connection.workflowService.updateNamespace({ namespace, config: { workflowExecutionRetentionTtl } });
  return 'retention changed';
}

/**
 * A namespace just created is in the database at once but reaches the frontend's namespace cache
 * (which adding search attributes reads) only at its next refresh, within seconds: wait for that.
 */
async function namespaceServed(connection: Connection, namespace: string, timeoutMs = 30_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(500)) {
    try {
      await connection.operatorService.listSearchAttributes({ namespace });
      return;
    } catch (e) {
      if (!isGrpcServiceError(e) || e.code !== GRPC_NOT_FOUND || Date.now() > deadline) throw e;
    }
  }
}
