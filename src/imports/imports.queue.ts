import type { JobsOptions } from 'bullmq';

/** The imports queue contract: producers (API, CLI) and the processor (worker) share these names and shapes. */
export const IMPORTS_QUEUE = 'imports';

export enum ImportJobName {
  ProcessImport = 'process-import',
}

export interface ProcessImportData {
  importId: string;
}

export type ImportJob = { name: ImportJobName.ProcessImport; data: ProcessImportData };

export const IMPORT_JOB_ATTEMPTS = 3;

/** One job per import: re-submitting the same document collapses onto the same jobId. */
export function processImportJob(importId: string): ImportJob & { opts: JobsOptions } {
  return {
    name: ImportJobName.ProcessImport,
    data: { importId },
    opts: {
      jobId: `import-${importId}`,
      attempts: IMPORT_JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: { count: 1_000, age: 7 * 24 * 3600 },
      removeOnFail: { count: 10_000 },
    },
  };
}
