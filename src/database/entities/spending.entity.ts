import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Project } from './project.entity';

/** 执行数 (cumulative spending in 元) of a project at the end of a period. */
@Entity('spending')
@Index('IDX_spending_projectId_period', ['projectId', 'period'], { unique: true })
export class Spending {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  project?: Project;

  @Column({ type: 'varchar', length: 10 })
  period: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  executed: string;

  @VersionColumn()
  version: number;

  @Column({ type: 'varchar', length: 128, nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
