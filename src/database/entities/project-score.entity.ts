import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Project } from './project.entity';

export const WARNING_LIGHTS = ['green', 'yellow', 'red', 'blue'] as const;
export type WarningLight = (typeof WARNING_LIGHTS)[number];

/**
 * Total of a project for one period. Writers of inputs set `inputsChangedAt`; `evaluate-changed` jobs (and the
 * sweeper, for jobs Redis lost) score the stale rows: `computedAt` null or older.
 */
@Entity('project_scores')
@Index('IDX_project_scores_stale', ['period', 'inputsChangedAt'], { where: '"computedAt" IS NULL OR "inputsChangedAt" > "computedAt"' })
export class ProjectScore {
  @PrimaryColumn({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  project?: Project;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  period: string;

  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true })
  score: string | null;

  @Column({ type: 'varchar', length: 4, nullable: true })
  grade: string | null;

  @Column({ type: 'numeric', precision: 12, scale: 6, nullable: true })
  executionRate: string | null;

  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true })
  executionScore: string | null;

  @Column({ type: 'enum', enum: WARNING_LIGHTS, enumName: 'warning_light', nullable: true })
  light: WarningLight | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  explanation: Record<string, unknown>;

  @Column({ type: 'char', length: 64, nullable: true })
  inputsHash: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  inputsChangedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  computedAt: Date | null;
}
