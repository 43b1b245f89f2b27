import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Project } from './project.entity';

export const FLAG_SUBJECT_TYPES = ['project', 'indicator', 'actual', 'unit'] as const;
export type FlagSubjectType = (typeof FLAG_SUBJECT_TYPES)[number];
export const FLAG_SEVERITIES = ['error', 'warning', 'info'] as const;

/**
 * A review finding on a subject. At most one open flag per (subject, code, period): rules upsert on
 * `IDX_flags_open` and close a flag by setting `resolvedAt`. The migration makes the index NULLS NOT DISTINCT
 * (TypeORM cannot say so), so a finding on the target table itself (no period) is also open at most once.
 */
@Entity('flags')
@Index('IDX_flags_open', ['subjectType', 'subjectId', 'code', 'period'], { unique: true, where: '"resolvedAt" IS NULL' })
@Index('IDX_flags_projectId_code_open', ['projectId', 'code'], { where: '"resolvedAt" IS NULL' })
export class Flag {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: FLAG_SUBJECT_TYPES, enumName: 'flag_subject_type' })
  subjectType: FlagSubjectType;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  /**
   * Written by the import and the evaluator for projects they have just written or read, in the same transaction, so
   * no foreign key: its check per inserted flag cost as much as two of the table's indexes. The trigger
   * `delete_flags_of_deleted_projects` removes them with their project instead.
   */
  @ManyToOne(() => Project, { createForeignKeyConstraints: false })
  project?: Project;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  /** The entry period an entry rule or reminder judged (`2025-H1`); null for findings on the target table. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  period: string | null;

  @Column({ type: 'enum', enum: FLAG_SEVERITIES, enumName: 'flag_severity' })
  severity: (typeof FLAG_SEVERITIES)[number];

  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  openedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
