import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Actual, CompletionPossibility, EvidenceRef, QUALITATIVE_GRADES, COMPLETION_POSSIBILITIES, QualitativeGrade } from './actual.entity';

/** Every stored version of an actual, written in the same transaction as the change. */
@Entity('actual_revisions')
@Index('IDX_actual_revisions_actualId_version', ['actualId', 'version'], { unique: true })
export class ActualRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  actualId: string;

  @ManyToOne(() => Actual, { onDelete: 'CASCADE' })
  actual?: Actual;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'numeric', nullable: true })
  value: string | null;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'enum', enum: QUALITATIVE_GRADES, enumName: 'qualitative_grade', nullable: true })
  grade: QualitativeGrade | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  deviationCategory: string | null;

  @Column({ type: 'text', nullable: true })
  deviationText: string | null;

  @Column({ type: 'enum', enum: COMPLETION_POSSIBILITIES, enumName: 'completion_possibility', nullable: true })
  possibility: CompletionPossibility | null;

  @Column({ type: 'text', nullable: true })
  suggestion: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence: EvidenceRef[];

  /** Written while the period's submission was reopened after approval. */
  @Column({ type: 'boolean', default: false })
  afterApproval: boolean;

  @Column({ type: 'varchar', length: 128, nullable: true })
  changedBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  changedAt: Date;
}
