import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Report } from '../database/entities';
import { ReportStore } from './report-store.service';
import { GenerateReportData, generateReportJob, REPORTS_QUEUE, ReportJob } from './reports.queue';

export type ReportsQueue = Queue<ReportJob['data'], unknown, ReportJob['name']>;

@Injectable()
export class ReportsProducer {
  constructor(
    @InjectQueue(REPORTS_QUEUE) private readonly queue: ReportsQueue,
    private readonly store: ReportStore,
  ) {}

  /** Marks the unit's report rows queued and adds its job; a job already pending for the same scope absorbs this one. */
  async enqueue(data: GenerateReportData, requestedBy: string | null): Promise<Report[]> {
    const rows = await this.store.queue(data, requestedBy);
    const job = generateReportJob(data);
    await this.queue.add(job.name, job.data, job.opts);
    return rows;
  }
}
