import { Column } from 'typeorm';

/** Indicator and open-flag counts, the same columns in project_scorecards and unit_scorecards. */
export class ScorecardCounts {
  @Column({ type: 'integer', default: 0 })
  indicators: number;

  @Column({ type: 'integer', default: 0 })
  indicatorsMet: number;

  /** Indicators still waiting for an actual (evaluation status `pending`). */
  @Column({ type: 'integer', default: 0 })
  indicatorsPending: number;

  @Column({ type: 'integer', default: 0 })
  keyIndicators: number;

  @Column({ type: 'integer', default: 0 })
  keyIndicatorsMet: number;

  @Column({ type: 'integer', default: 0 })
  keyIndicatorsPending: number;

  @Column({ type: 'integer', default: 0 })
  flagsError: number;

  @Column({ type: 'integer', default: 0 })
  flagsWarning: number;

  @Column({ type: 'integer', default: 0 })
  flagsInfo: number;
}
