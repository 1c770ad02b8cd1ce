/** Temporal's time-skipping test server, from the binary scripts/tools.sh installs. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { registerSearchAttributes } from '@libs/temporal/search-attribute-registry';

export function testServerPath(): string {
  const path = process.env.TEMPORAL_TEST_SERVER_PATH ?? join(__dirname, '../../.tools/venv/bin/temporal-test-server');
  if (!existsSync(path)) throw new Error(`Temporal test server not found at ${path}: run scripts/tools.sh`);
  return path;
}

/** `dataConverter`: the client's, e.g. payload encryption (the worker is given the same one). */
export async function createTimeSkippingEnvironment(dataConverter?: DataConverter): Promise<TestWorkflowEnvironment> {
  return withSearchAttributes(
    await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testServerPath() } },
      ...(dataConverter ? { client: { dataConverter } } : {}),
    }),
  );
}

/** The workflows set the search attributes the scripts register on a real server. */
async function withSearchAttributes(env: TestWorkflowEnvironment): Promise<TestWorkflowEnvironment> {
  await registerSearchAttributes(env.connection, 'default');
  return env;
}

/**
 * A real Temporal dev server (the `temporal` CLI), for what the test server lacks, such as Schedules and the
 * server's limits; `extraArgs` for its command line (e.g. `--dynamic-config-value` to lower a limit).
 */
export async function createDevServerEnvironment(
  dataConverter?: DataConverter,
  extraArgs: string[] = [],
): Promise<TestWorkflowEnvironment> {
  const path = process.env.TEMPORAL_CLI_PATH ?? join(__dirname, '../../.tools/venv/bin/temporal');
  if (!existsSync(path)) throw new Error(`temporal CLI not found at ${path}: run scripts/tools.sh`);
  return withSearchAttributes(
    await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path }, extraArgs },
      ...(dataConverter ? { client: { dataConverter } } : {}),
    }),
  );
}
