/**
 * A fresh, empty PostgreSQL database per test file (or bench run) on the real
 * server that scripts/services.sh starts, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@libs/config/config';
import { createDataSource } from '@libs/persistence/data-source';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

function adminUrl(serverUrl = loadConfig('database').DATABASE_URL): string {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  return url.toString();
}

/** `serverUrl`: another server than DATABASE_URL's (a fault test's own, which it restarts). */
export async function createTestDatabase(
  options: { migrate?: boolean; serverUrl?: string } = {},
): Promise<TestDatabase> {
  const name = `plan_eval_test_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl(options.serverUrl) });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();

  const url = new URL(adminUrl(options.serverUrl));
  url.pathname = `/${name}`;
  const dataSource = await createDataSource(url.toString()).initialize();
  if (options.migrate ?? true) await dataSource.runMigrations({ transaction: 'all' });
  return {
    url: url.toString(),
    dataSource,
    async drop() {
      await dataSource.destroy();
      const c = new Client({ connectionString: adminUrl(options.serverUrl) });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
