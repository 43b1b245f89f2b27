import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Job } from 'bullmq';
import type { AppConfig } from '../config/config.module';
import { ImportRunner } from './import-runner.service';
import { IMPORTS_QUEUE, ImportJob, ImportJobName } from './imports.queue';

@Processor(IMPORTS_QUEUE)
export class ImportsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly runner: ImportRunner,
    @Inject(ConfigService) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.get('IMPORT_CONCURRENCY', { infer: true });
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
