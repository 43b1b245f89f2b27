import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Unit } from './unit.entity';

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

@Entity('submissions')
@Index('IDX_submissions_unitId_period', ['unitId', 'period'], { unique: true })
@Index('IDX_submissions_period_status', ['period', 'status'])
export class Submission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'CASCADE' })
  unit?: Unit;

  @Column({ type: 'varchar', length: 10 })
  period: string;

  @Column({ type: 'enum', enum: SUBMISSION_STATUSES, enumName: 'submission_status', default: 'draft' })
  status: SubmissionStatus;

  @Column({ type: 'varchar', length: 128, nullable: true })
  submittedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  reviewedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  /** Set when a reviewer reopens an approved period; later changes are marked `afterApproval`. */
  @Column({ type: 'timestamptz', nullable: true })
  reopenedAt: Date | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  reopenedBy: string | null;

  /** Why it was returned or reopened (or a note on approval). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
