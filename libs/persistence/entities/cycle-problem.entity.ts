import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A cycle's step stopped after its activity's retries ran out, until the bureau retries it. */
@Entity('cycle_problem')
@Unique('UQ_cycle_problem_run_seq', ['runId', 'seq'])
@Index('IDX_cycle_problem_cycle', ['cycleId'])
export class CycleProblem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'cycle_id' })
  cycleId: string;

  /** Null for a step of the cycle itself (preparing, assignment notices, the report). */
  @Column({ type: 'varchar', nullable: true })
  department: string | null;

  /** The workflow waiting for the retry: the cycle's or its department's. */
  @Column({ name: 'workflow_id' })
  workflowId: string;

  @Column({ name: 'run_id' })
  runId: string;

  /** Counts the run's stops: with the run, what makes a retried recording write the row once. */
  @Column({ type: 'int' })
  seq: number;

  /** The activity that gave up (closeCycle, recordCommands…). */
  @Column()
  step: string;

  @Column({ type: 'text' })
  error: string;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'retried_at', type: 'timestamptz', nullable: true })
  retriedAt: Date | null;

  @Column({ name: 'retried_by', type: 'varchar', nullable: true })
  retriedBy: string | null;
}
