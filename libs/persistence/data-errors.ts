/**
 * Whether PostgreSQL refused a statement for its data (not for an outage):
 * class 22, data exceptions (text where a number goes, a NUL in text or JSON,
 * a lone surrogate's escape in `jsonb`, a number out of range), and 54000, a
 * value past a limit (an index row too large). Retrying such a statement can
 * never succeed.
 */
import { QueryFailedError } from 'typeorm';

export function isDataError(error: unknown): boolean {
  const code =
    error instanceof QueryFailedError
      ? (error.driverError as { code?: string }).code
      : (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('22') || code === '54000');
}
