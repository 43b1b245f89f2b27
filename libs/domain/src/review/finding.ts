export type Severity = 'error' | 'warning' | 'info';

/**
 * One defect found by a review rule (domain.md §7.2): a stable code for programs (`R04`,
 * `ACTUAL_MISSING`, …) and a Chinese message a unit clerk understands.
 */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** Index into the project's indicator list, or null when the finding is about the project. */
  indicatorIndex: number | null;
  details?: Record<string, unknown>;
}
