import type { Database } from './transactions';

/** Whether PostgreSQL answers: the API's readiness check. */
export class DatabaseProbe {
  constructor(private readonly db: Database) {}

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
