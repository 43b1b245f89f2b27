import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppError } from '../common/app-error';
import { TimeoutError, withTimeout } from '../common/with-timeout';
import { IMPORTS_QUEUE, ImportJob, processImportJob } from './imports.queue';

const ENQUEUE_TIMEOUT_MS = 5_000;

@Injectable()
export class ImportsProducer {
  constructor(@InjectQueue(IMPORTS_QUEUE) private readonly queue: Queue<ImportJob['data'], unknown, ImportJob['name']>) {}

  /** The import row is already stored as queued, so uploading the same file again retries the enqueue. */
  async enqueue(importId: string): Promise<void> {
    const job = processImportJob(importId);
    try {
      await withTimeout(this.queue.add(job.name, job.data, job.opts), ENQUEUE_TIMEOUT_MS);
    } catch (error) {
      if (!(error instanceof TimeoutError)) throw error;
      throw new AppError('UNAVAILABLE', '导入已登记，但任务队列暂时不可用；请稍后重新上传同一文件', { importId });
    }
  }
}
