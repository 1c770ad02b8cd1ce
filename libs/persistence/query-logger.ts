/**
 * TypeORM's log of failed queries, as a structured line without the query's
 * parameters: those carry submitted values, personal data and (in a notice's
 * message) links that act for a department, and none of that belongs in a log.
 * The statement's text and PostgreSQL's error code and words are enough to find
 * the fault.
 */
import type { Logger as TypeOrmLogger } from 'typeorm';
import { createJsonLogger, type JsonLogger } from '../observability/logger';

/** A statement's first characters are enough to recognise it. */
const QUERY_SHOWN = 300;

export class QueryErrorLogger implements TypeOrmLogger {
  constructor(
    private readonly out: JsonLogger = createJsonLogger('error', (line) => process.stderr.write(line + '\n')),
  ) {}

  logQueryError(error: string | Error, query: string, _parameters?: unknown[]): void {
    const { code } = error as { code?: string };
    this.out.error('query failed', {
      error: typeof error === 'string' ? error : error.message,
      ...(code ? { code } : {}),
      query: query.replace(/\s+/g, ' ').slice(0, QUERY_SHOWN),
    });
  }

  logQuery(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.out.warn(String(message));
  }
}
