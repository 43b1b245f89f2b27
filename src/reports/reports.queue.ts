import type { JobSchedulerTemplateOptions, JobsOptions } from 'bullmq';
import type { ReportFormat, ReportKind } from '../database/entities';

/** The reports queue contract: the API, the CLI, the schedulers and the processor share these names and shapes. */
export const REPORTS_QUEUE = 'reports';

export enum ReportJobName {
  /** Fired by a job scheduler: fans out one GenerateReport per unit, or raises reminders. */
  RunSchedule = 'run-schedule',
  GenerateReport = 'generate-report',
}

export type GeneratedReportKind = Exclude<ReportKind, 'reminder'>;

export interface RunScheduleData {
  scheduleId: string;
}

export interface GenerateReportData {
  kind: GeneratedReportKind;
  unitId: string;
  period: string;
  formats: ReportFormat[];
  scheduleId: string | null;
}

export type ReportJob =
  | { name: ReportJobName.RunSchedule; data: RunScheduleData }
  | { name: ReportJobName.GenerateReport; data: GenerateReportData };

export const REPORT_JOB_ATTEMPTS = 3;

/** Which formats each kind is made in: the 自评报告 is prose, so PDF only. */
export const KIND_FORMATS: Record<GeneratedReportKind, readonly ReportFormat[]> = {
  self_evaluation: ['xlsx', 'pdf'],
  self_evaluation_report: ['pdf'],
  monitoring: ['xlsx', 'pdf'],
};

/** How clerks name each kind. */
export const KIND_LABELS: Record<GeneratedReportKind, string> = {
  self_evaluation: '自评表',
  self_evaluation_report: '自评报告',
  monitoring: '监控表',
};

export function schedulerId(scheduleId: string): string {
  return `schedule-${scheduleId}`;
}

export function reportJobKey({ kind, unitId, period }: Pick<GenerateReportData, 'kind' | 'unitId' | 'period'>): string {
  return `report-${kind}-${unitId}-${period}`;
}

/**
 * One job per (kind, unit, period). The deterministic key is a deduplication id rather than a jobId: BullMQ ignores
 * an add whose jobId exists, so a request made while the job renders would be lost; with `keepLastIfActive` it
 * runs once more after the active job. Requests while one waits collapse onto it, and it renders every format
 * whose row is queued by then. The outcome lives in the `reports` rows, so finished jobs are not kept.
 */
export function generateReportJob(data: GenerateReportData): ReportJob & { opts: JobsOptions } {
  return {
    name: ReportJobName.GenerateReport,
    data,
    opts: {
      deduplication: { id: reportJobKey(data), keepLastIfActive: true },
      attempts: REPORT_JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: true,
      removeOnFail: true,
    },
  };
}

/** What each firing of a schedule's job scheduler adds to the queue. */
export function runScheduleTemplate(scheduleId: string): { name: ReportJobName.RunSchedule; data: RunScheduleData; opts: JobSchedulerTemplateOptions } {
  return {
    name: ReportJobName.RunSchedule,
    data: { scheduleId },
    opts: {
      attempts: REPORT_JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { count: 100 },
      removeOnFail: { count: 1_000 },
    },
  };
}
