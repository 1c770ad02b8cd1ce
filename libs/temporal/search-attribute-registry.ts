/**
 * Registers the cycle workflows' search attributes with a Temporal namespace
 * (`plan-eval temporal-setup`, which scripts/services.sh and the compose
 * file's set-up job run, and the test servers): only those missing are added,
 * so it is safe at every start.
 */
import { isGrpcServiceError, type Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '../cycle/search-attributes';
import { GRPC_UNIMPLEMENTED } from './grpc-status';

export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const known = await connection.operatorService.listSearchAttributes({ namespace }).then(
    (listed) => listed.customAttributes ?? {},
    (e: unknown) => {
      // The time-skipping test server adds search attributes but cannot list them.
      if (isGrpcServiceError(e) && e.code === GRPC_UNIMPLEMENTED) return {};
      throw e;
    },
  );
  const missing = Object.entries(SEARCH_ATTRIBUTES).filter(([name]) => !(name in known));
  if (missing.length === 0) return [];
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(
      missing.map(([name, type]) => [name, temporal.api.enums.v1.IndexedValueType[`INDEXED_VALUE_TYPE_${type}`]]),
    ),
  });
  return missing.map(([name]) => name);
}
