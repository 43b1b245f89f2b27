import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { ActualEntryColumns } from './actual-entry.columns';
import { Indicator } from './indicator.entity';
import { Project } from './project.entity';

/** Cumulative 实际完成值 at the end of a period (`2025`, `2025-H1`, `2025-Q3`, `2025-07`). */
@Entity('actuals')
@Index('IDX_actuals_indicatorId_period', ['indicatorId', 'period'], { unique: true })
@Index('IDX_actuals_projectId_period', ['projectId', 'period'])
export class Actual {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  indicator?: Indicator;

  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  project?: Project;

  @Column({ type: 'varchar', length: 10 })
  period: string;

  @Column(() => ActualEntryColumns, { prefix: false })
  entry: ActualEntryColumns;

  @VersionColumn()
  version: number;

  @Column({ type: 'varchar', length: 128, nullable: true })
  updatedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
