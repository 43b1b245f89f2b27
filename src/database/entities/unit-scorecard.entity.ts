import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { ScorecardCounts } from './scorecard-counts.columns';
import { Unit } from './unit.entity';

/**
 * project_scorecards summed per unit × period over the unit's projects of the period's year, so department and
 * region scorecards without project filters add up a few thousand rows instead of every project. Maintained by
 * `refresh_unit_scorecards` (which `refresh_project_scorecards` calls) after the project rows.
 */
@Entity('unit_scorecards')
@Index('IDX_unit_scorecards_period_departmentId', ['period', 'departmentId'])
export class UnitScorecard {
  @PrimaryColumn('uuid')
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'CASCADE' })
  unit?: Unit;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  period: string;

  /** The unit's department when it was refreshed. */
  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'integer', default: 0 })
  projects: number;

  @Column({ type: 'numeric', precision: 18, scale: 2, default: 0 })
  budget: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  spent: string | null;

  /** Σ project scores, for the average: scoreSum / scoredProjects. */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  scoreSum: string | null;

  @Column({ type: 'integer', default: 0 })
  scoredProjects: number;

  @Column({ type: 'integer', default: 0 })
  excellent: number;

  @Column({ type: 'integer', default: 0 })
  good: number;

  @Column({ type: 'integer', default: 0 })
  pass: number;

  @Column({ type: 'integer', default: 0 })
  poor: number;

  @Column(() => ScorecardCounts, { prefix: false })
  counts: ScorecardCounts;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  refreshedAt: Date;
}
