/** The steps of cycles stopped after their retries ran out: recorded by the workflows' activity, retried by the bureau. */
import { IsNull } from 'typeorm';
import type { CycleProblemInput } from '../../cycle/cycle-problem';
import { CycleProblem } from '../entities/cycle-problem.entity';
import type { Database } from './transactions';

export class CycleProblemRepository {
  constructor(private readonly db: Database) {}

  /** The stop, written once however often the recording activity runs: its id. */
  async record(p: CycleProblemInput): Promise<number> {
    const [row] = (await this.db.query(
      `INSERT INTO cycle_problem (cycle_id, department, workflow_id, run_id, seq, step, error, attempts, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (run_id, seq) DO UPDATE SET run_id = EXCLUDED.run_id
       RETURNING id`,
      [p.cycleId, p.department, p.workflowId, p.runId, p.seq, p.step, p.error, p.attempts, new Date(p.at)],
    )) as Array<{ id: number }>;
    return row.id;
  }

  /** A cycle's stops still waiting for the bureau's retry, oldest first. */
  waiting(cycleId: string): Promise<CycleProblem[]> {
    return this.db.getRepository(CycleProblem).find({ where: { cycleId, retriedAt: IsNull() }, order: { id: 'ASC' } });
  }

  find(cycleId: string, id: number): Promise<CycleProblem | null> {
    return this.db.getRepository(CycleProblem).findOneBy({ cycleId, id });
  }

  /** Marks the stop retried; false when someone already had (the retry is sent once). */
  async markRetried(id: number, by: string): Promise<boolean> {
    const result = await this.db
      .createQueryBuilder()
      .update(CycleProblem)
      .set({ retriedAt: () => 'now()', retriedBy: by })
      .where('id = :id AND retried_at IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
