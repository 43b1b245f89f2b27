import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ActualEntryColumns } from './actual-entry.columns';
import { Actual } from './actual.entity';

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

  @Column(() => ActualEntryColumns, { prefix: false })
  entry: ActualEntryColumns;

  /** Written while the period's submission was reopened after approval. */
  @Column({ type: 'boolean', default: false })
  afterApproval: boolean;

  @Column({ type: 'varchar', length: 128, nullable: true })
  changedBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  changedAt: Date;
}
