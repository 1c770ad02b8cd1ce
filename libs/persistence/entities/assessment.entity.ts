import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { AssessmentWeights, Grade } from '../../rules/department-assessment';
import { numericColumn } from './numeric.transformer';

/**
 * 监督考核: a lead department's score in one compiled report version of a
 * cycle, with its components, the weights it was made with and the facts it
 * was scored from. A reopen's recompiled version gets rows of its own.
 */
@Entity('department_assessment')
export class DepartmentAssessment {
  @PrimaryColumn({ name: 'cycle_id' })
  cycleId: string;

  @PrimaryColumn({ name: 'report_version', type: 'int' })
  reportVersion: number;

  @PrimaryColumn()
  department: string;

  @Column({ type: 'numeric', precision: 4, scale: 1, transformer: numericColumn })
  timeliness: number;

  @Column({ type: 'numeric', precision: 4, scale: 1, transformer: numericColumn })
  completeness: number;

  @Column({ type: 'numeric', precision: 4, scale: 1, transformer: numericColumn })
  quality: number;

  /** Null: none of its items is judged against a path; its weight then counts for the others. */
  @Column({ type: 'numeric', precision: 4, scale: 1, nullable: true, transformer: numericColumn })
  results: number | null;

  @Column({ type: 'numeric', precision: 4, scale: 1, transformer: numericColumn })
  total: number;

  @Column({ type: 'int' })
  rank: number;

  @Column({ type: 'varchar' })
  grade: Grade;

  @Column({ type: 'jsonb' })
  weights: AssessmentWeights;

  /** Timeliness, items assigned and approved, returns, findings, boilerplate: what the components were computed from. */
  @Column({ type: 'jsonb' })
  facts: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
