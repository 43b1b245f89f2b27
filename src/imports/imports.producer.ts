import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { IMPORTS_QUEUE, ImportJob, processImportJob } from './imports.queue';

@Injectable()
export class ImportsProducer {
  constructor(@InjectQueue(IMPORTS_QUEUE) private readonly queue: Queue<ImportJob['data'], unknown, ImportJob['name']>) {}

  async enqueue(importId: string): Promise<void> {
    const job = processImportJob(importId);
    await this.queue.add(job.name, job.data, job.opts);
  }
}
