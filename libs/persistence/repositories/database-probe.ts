import type { Database } from './transactions';

/** Whether PostgreSQL answers (the API's readiness check), and how much the database holds (the bench's scale run). */
export class DatabaseProbe {
  constructor(private readonly db: Database) {}

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  /** The database's size on disk and its `largest` tables' (data, indexes and TOAST), in bytes. */
  async size(largest = 5): Promise<{ bytes: number; tables: Array<{ table: string; bytes: number }> }> {
    const [{ bytes }] = await this.db.query<Array<{ bytes: string }>>(
      'SELECT pg_database_size(current_database()) AS bytes',
    );
    const tables = await this.db.query<Array<{ table: string; bytes: string }>>(
      `SELECT relname AS table, pg_total_relation_size(relid) AS bytes
         FROM pg_statio_user_tables ORDER BY pg_total_relation_size(relid) DESC LIMIT $1`,
      [largest],
    );
    return { bytes: Number(bytes), tables: tables.map((t) => ({ table: t.table, bytes: Number(t.bytes) })) };
  }
}
