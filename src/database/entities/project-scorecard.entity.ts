import { Column, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import { Project } from './project.entity';
import { ScorecardCounts } from './scorecard-counts.columns';

/**
 * Read model of the scorecards: per project × period, what the stored evaluations, score, spending and open
 * flags add up to, so a region's scorecard sums one row per project instead of ten evaluation rows.
 * Rebuilt, with the unit_scorecards of the projects' units, by the SQL function
 * `refresh_project_scorecards(projectIds uuid[], period)`, or by the evaluator from the results it has just computed
 * followed by `refresh_unit_scorecards(projectIds uuid[], period)`, always in the writer's own transaction.
 */
@Entity('project_scorecards')
export class ProjectScorecard {
  @PrimaryColumn('uuid')
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  project?: Project;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  period: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  spent: string | null;

  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true })
  score: string | null;

  @Column({ type: 'varchar', length: 4, nullable: true })
  grade: string | null;

  /** 执行率 in %, as project_scores holds it. */
  @Column({ type: 'numeric', precision: 12, scale: 6, nullable: true })
  executionRate: string | null;

  @Column(() => ScorecardCounts, { prefix: false })
  counts: ScorecardCounts;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  refreshedAt: Date;
}
