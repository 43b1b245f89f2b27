import { Column, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import { Indicator } from './indicator.entity';
import { Project } from './project.entity';

/** Score of one indicator for one period, recomputed when its project's `project_scores.inputsHash` changes. */
@Entity('evaluations')
export class Evaluation {
  /**
   * Keyed project first: the evaluator, the score API and the override read a project's rows for a period, and every
   * read of one indicator's row knows its project, so one index serves them all.
   */
  @PrimaryColumn({ type: 'uuid' })
  projectId: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  period: string;

  @PrimaryColumn({ type: 'uuid' })
  indicatorId: string;

  /**
   * Derived rows, written only by the evaluator for indicators it has just read, so no foreign keys: checking and
   * locking the parent rows cost as much as the rest of the insert when a year is scored. The trigger
   * `delete_evaluations_of_deleted_indicators` removes them with their indicator instead.
   */
  @ManyToOne(() => Indicator, { createForeignKeyConstraints: false })
  indicator?: Indicator;

  @ManyToOne(() => Project, { createForeignKeyConstraints: false })
  project?: Project;

  /** scored / unscorable / pending … as the scoring lib names it. */
  @Column({ type: 'varchar', length: 32 })
  status: string;

  @Column({ type: 'numeric', precision: 12, scale: 6, nullable: true })
  ratio: string | null;

  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true })
  score: string | null;

  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true })
  weight: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  explanation: Record<string, unknown>;

  /**
   * A reviewer's score, kept apart from `score` so re-scoring keeps it: the evaluation worker passes it to the
   * domain as `actual.override` and must never clear these four columns.
   */
  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true })
  overrideScore: string | null;

  @Column({ type: 'text', nullable: true })
  overrideReason: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  overriddenBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  overriddenAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  computedAt: Date;
}
