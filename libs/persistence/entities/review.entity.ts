import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type {
  FinalVersion,
  ReviewActor,
  ReviewAnswer,
  ReviewCommentKind,
  ReviewSnapshot,
  ReviewStage,
} from '../../cycle/report-review';

/** A cycle's report review, as its workflow last recorded it (libs/cycle/report-review.ts). */
@Entity('report_review')
export class ReportReviewRow {
  @PrimaryColumn({ name: 'cycle_id' })
  cycleId: string;

  /** The workflow's revision of the state written: a late, older write changes nothing. */
  @Column({ type: 'int' })
  revision: number;

  @Column({ type: 'varchar' })
  stage: ReviewStage;

  @Column({ type: 'timestamptz' })
  deadline: Date;

  @Column({ name: 'require_approval', type: 'boolean' })
  requireApproval: boolean;

  @Column({ name: 'draft_version', type: 'int' })
  draftVersion: number;

  @Column({ type: 'jsonb', nullable: true })
  final: FinalVersion | null;

  @Column({ type: 'jsonb', nullable: true })
  decision: ReviewSnapshot['decision'];

  /** Each lead department and when it answered (ms; null: not yet). */
  @Column({ type: 'jsonb' })
  departments: Array<{ code: string; answeredAt: number | null }>;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** A comment, assessment, "no comment" or dispute in a review, with the bureau's answer. */
@Entity('report_comment')
@Index('IDX_report_comment_cycle', ['cycleId', 'at'])
export class ReportCommentRow {
  /** The request that made it. */
  @PrimaryColumn()
  id: string;

  @Column({ name: 'cycle_id' })
  cycleId: string;

  @Column({ type: 'varchar' })
  kind: ReviewCommentKind;

  @Column({ type: 'varchar', nullable: true })
  department: string | null;

  @Column({ type: 'jsonb' })
  author: ReviewActor;

  @Column({ name: 'item_key', type: 'varchar', nullable: true })
  itemKey: string | null;

  @Column({ type: 'varchar', nullable: true })
  section: string | null;

  @Column({ type: 'text' })
  text: string;

  /** The draft version it was made on. */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'varchar', nullable: true })
  answer: ReviewAnswer | null;

  @Column({ name: 'answer_reason', type: 'text', nullable: true })
  answerReason: string | null;

  @Column({ name: 'answered_by', type: 'jsonb', nullable: true })
  answeredBy: ReviewActor | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;
}
