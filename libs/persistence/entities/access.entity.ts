import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { UserRole } from '../../access/roles';

export type { UserRole };

/**
 * A person who signs in: bureau staff (admin), a department's submitter or
 * supervisor, or a read-only viewer such as a third-party evaluator (第三方评估).
 * Department submitters may also have no password and enter only through the
 * signed links in their email.
 */
@Entity('user_account')
export class UserAccount {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column()
  email: string;

  @Column()
  name: string;

  @Column({ type: 'varchar' })
  role: UserRole;

  /** Department code for submitters and supervisors; null for the bureau and viewers. */
  @Column({ type: 'varchar', nullable: true })
  department: string | null;

  @Column({ name: 'password_hash', type: 'varchar', nullable: true })
  passwordHash: string | null;

  @Column({ default: 'zh-CN' })
  locale: string;

  @Column({ default: true })
  active: boolean;

  /**
   * The account's sessions carry the version they were issued under; it moves
   * on when they must all stop (deactivated, role or department changed,
   * password changed, signed out).
   */
  @Column({ name: 'token_version', type: 'int', default: 0 })
  tokenVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * One state change, appended and never updated: who, when, from where, what,
 * before and after. The request ID makes a retried request one entry, not two.
 */
@Entity('audit_entry')
@Index(['entityType', 'entityId'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'request_id', type: 'varchar', unique: true })
  requestId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column()
  actor: string;

  @Column({ name: 'actor_role' })
  actorRole: string;

  /** The client's address as the API saw it. */
  @Column({ type: 'varchar', nullable: true })
  ip: string | null;

  @Column()
  action: string;

  @Column({ name: 'entity_type' })
  entityType: string;

  @Column({ name: 'entity_id' })
  entityId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;
}

/** An evidence file attached to an item; the bytes live in the evidence folder, named by content hash. */
@Entity('evidence_file')
@Index(['cycleId', 'itemKey'])
export class EvidenceFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cycle_id' })
  cycleId: string;

  @Column({ name: 'item_key' })
  itemKey: string;

  @Column()
  department: string;

  @Column()
  name: string;

  @Column({ name: 'media_type' })
  mediaType: string;

  @Column({ type: 'int' })
  size: number;

  @Column()
  sha256: string;

  @Column({ name: 'uploaded_by' })
  uploadedBy: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}

/** A session opened from an email link that was signed out, kept until it would have expired anyway. */
@Entity('ended_link_session')
export class EndedLinkSession {
  @PrimaryColumn({ name: 'session_id', type: 'uuid', primaryKeyConstraintName: 'PK_ended_link_session' })
  sessionId: string;

  @Index('IDX_ended_link_session_expires_at')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}

/**
 * An Idempotency-Key as its caller first used it: the request it stands for
 * (method, path, a hash of those and the body), for a day. The same key for
 * another request is refused.
 */
@Entity('idempotency_key')
export class IdempotencyKey {
  /** The caller's ID: an account, or the address that entered through a link. */
  @PrimaryColumn({ primaryKeyConstraintName: 'PK_idempotency_key' })
  caller: string;

  @PrimaryColumn({ primaryKeyConstraintName: 'PK_idempotency_key' })
  key: string;

  @Column()
  method: string;

  @Column()
  path: string;

  @Column()
  fingerprint: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Index('IDX_idempotency_key_expires_at')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}

/**
 * Sign-in attempts counted in a window, per account (`account:<email>`) and per
 * client address (`address:<ip>`): what throttles password guessing across
 * every API process (libs/access/sign-in-throttle).
 */
@Entity('sign_in_throttle')
export class SignInThrottle {
  @PrimaryColumn({ primaryKeyConstraintName: 'PK_sign_in_throttle' })
  key: string;

  @Column({ type: 'int' })
  attempts: number;

  @Index('IDX_sign_in_throttle_window_started_at')
  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt: Date;
}
