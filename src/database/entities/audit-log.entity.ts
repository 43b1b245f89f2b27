import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: who changed what, with before/after and the reason given. */
@Entity('audit_log')
@Index('IDX_audit_log_subjectType_subjectId', ['subjectType', 'subjectId'])
@Index('IDX_audit_log_at', ['at'])
export class AuditLogEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** Token id or `cli` / `system`. */
  @Column({ type: 'varchar', length: 128 })
  actor: string;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 32 })
  subjectType: string;

  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
