/**
 * The one place where TypeORM's options are built, for the apps, the CLI, the
 * migration CLI and the tests alike. Schema changes go through migrations only.
 */
import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { loadConfig } from '../config/config';
import { allEntities } from './entities';
import { migrations } from './migrations';
import { QueryErrorLogger } from './query-logger';

export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    url: databaseUrl,
    entities: allEntities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    // Failed queries are logged, their parameters never: see query-logger.
    logging: ['error', 'warn'],
    logger: new QueryErrorLogger(),
  };
}

export function createDataSource(databaseUrl = loadConfig('database').DATABASE_URL): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl));
}
