import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { validateEnvironment } from '../config/env.validation';
import { ImportRunner } from './import-runner.service';
import { IMPORTS_QUEUE, ImportJob, ImportJobName } from './imports.queue';

@Processor(IMPORTS_QUEUE, { concurrency: validateEnvironment(process.env).IMPORT_CONCURRENCY })
export class ImportsProcessor extends WorkerHost {
  constructor(private readonly runner: ImportRunner) {
    super();
  }

  async process(job: Job<ImportJob['data'], unknown, ImportJob['name']>): Promise<{ status: string }> {
    switch (job.name) {
      case ImportJobName.ProcessImport: {
        const row = await this.runner.run(job.data.importId);
        return { status: row.status };
      }
      default: {
        const unknownName: never = job.name;
        throw new Error(`unknown job ${String(unknownName)}`);
      }
    }
  }

  /** After the last retry an unexpected error still ends the import, so it never stays "processing". */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<ImportJob['data']>, error: Error): Promise<void> {
    if (job.attemptsMade >= (job.opts.attempts ?? 1)) {
      await this.runner.fail(job.data.importId, 'INTERNAL', `导入时发生内部错误：${error.message}`);
    }
  }
}
