import type { JobsOptions } from 'bullmq';

/**
 * The evaluation queue contract: producers (API, CLI, import, actuals writers) and the processor (worker) share
 * these names and shapes. The braces are a Redis Cluster hash tag: every key of the queue lands in one slot.
 */
export const EVALUATION_QUEUE = '{evaluation}';

export enum EvaluationJobName {
  EvaluateChanged = 'evaluate-changed',
  EvaluateYear = 'evaluate-year',
  EvaluateBatch = 'evaluate-batch',
  SweepStale = 'sweep-stale',
  MarkPastDeadlines = 'mark-past-deadlines',
}

/**
 * Score, in batches, every project whose inputs for the period (`2025`, `2025-H1`, `2025-Q3`, `2025-07`) changed
 * after its last score, as `project_scores` records them.
 */
export interface EvaluateChangedData {
  period: string;
}

/** Re-evaluate every project of a budget year, or of one department in it, for `period` (default: the year). */
export interface EvaluateYearData {
  year: number;
  departmentId?: string;
  period?: string;
}

/** A slice of an `evaluate-year` fan-out: scored together with set-based reads and one transaction. */
export interface EvaluateBatchData {
  projectIds: string[];
  period: string;
}

export type SweepStaleData = Record<string, never>;

/** Mark stale the scores computed before an entry deadline that has passed since: missing actuals then open ACTUAL_MISSING and score 0. */
export type MarkPastDeadlinesData = Record<string, never>;

export type EvaluationJob =
  | { name: EvaluationJobName.EvaluateChanged; data: EvaluateChangedData }
  | { name: EvaluationJobName.EvaluateYear; data: EvaluateYearData }
  | { name: EvaluationJobName.EvaluateBatch; data: EvaluateBatchData }
  | { name: EvaluationJobName.SweepStale; data: SweepStaleData }
  | { name: EvaluationJobName.MarkPastDeadlines; data: MarkPastDeadlinesData };

export type EvaluationJobOf<Name extends EvaluationJobName> = Extract<EvaluationJob, { name: Name }>;

export const EVALUATION_JOB_ATTEMPTS = 5;

/** The repeatable jobs keep a short history: they run every minute or every day. */
export const SCHEDULED_JOB_OPTIONS: JobsOptions = { removeOnComplete: 10, removeOnFail: 100 };

/**
 * `mark-past-deadlines` runs daily at this hour UTC: the evaluator dates its findings by the UTC day, and a batch
 * that read the date just before midnight has committed by then.
 */
export const PAST_DEADLINES_HOUR_UTC = 1;
export const PAST_DEADLINES_SCHEDULE = { pattern: `0 ${PAST_DEADLINES_HOUR_UTC} * * *`, tz: 'UTC' };

const RETRY: JobsOptions = {
  attempts: EVALUATION_JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { count: 1_000, age: 24 * 3600 },
  removeOnFail: { count: 10_000, age: 30 * 24 * 3600 },
};

export function evaluateChangedKey(period: string): string {
  return `evaluate-changed-${period}`;
}

/**
 * One job per period, whichever projects changed: the job reads them from Postgres and scores them in batches, so
 * a stream of single writes costs a few batches, not a job each. The deterministic key is a deduplication id, not a
 * jobId: BullMQ ignores an add whose jobId exists in any state, so a change made while the job runs would be lost.
 * With `keepLastIfActive` a burst collapses onto the waiting job, and an add during the active job schedules
 * exactly one follow-up run once it finishes.
 */
export function evaluateChangedJob(period: string): EvaluationJobOf<EvaluationJobName.EvaluateChanged> & { opts: JobsOptions } {
  return {
    name: EvaluationJobName.EvaluateChanged,
    data: { period },
    opts: { ...RETRY, deduplication: { id: evaluateChangedKey(period), keepLastIfActive: true } },
  };
}

export function evaluateYearJob(data: EvaluateYearData): EvaluationJobOf<EvaluationJobName.EvaluateYear> & { opts: JobsOptions } {
  return { name: EvaluationJobName.EvaluateYear, data, opts: RETRY };
}

export function evaluateBatchJob(data: EvaluateBatchData): EvaluationJobOf<EvaluationJobName.EvaluateBatch> & { opts: JobsOptions } {
  return { name: EvaluationJobName.EvaluateBatch, data, opts: RETRY };
}
