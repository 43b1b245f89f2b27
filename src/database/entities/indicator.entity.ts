import type { Target } from '@app/domain';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Project } from './project.entity';
import { TargetColumns } from './target.columns';

export interface ProposedDefinition {
  name: string;
  level1: string | null;
  level2: string | null;
  annualTarget: Target;
  periodTarget: Target | null;
}

@Entity('indicators')
@Index('IDX_indicators_projectId_position', ['projectId', 'position'], { unique: true })
export class Indicator {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, (project) => project.indicators, { onDelete: 'CASCADE' })
  project?: Project;

  /** Order within the project, from 0. */
  @Column({ type: 'integer' })
  position: number;

  /** Item number as written in the document. */
  @Column({ type: 'integer', nullable: true })
  seq: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  level1: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  level2: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'boolean', default: false })
  key: boolean;

  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true })
  weight: string | null;

  @Column(() => TargetColumns, { prefix: 'annual' })
  annualTarget: TargetColumns;

  @Column(() => TargetColumns, { prefix: 'period' })
  periodTarget: TargetColumns;

  /** A unit's definition of a 待单位补充 indicator, applied only when a reviewer accepts it. */
  @Column({ type: 'jsonb', nullable: true })
  proposedDefinition: ProposedDefinition | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  proposedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  proposedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
