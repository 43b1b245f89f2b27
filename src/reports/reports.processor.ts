import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { ReportGenerator } from './report-generator.service';
import { ReportSchedulesService } from './report-schedules.service';
import { ReportStore } from './report-store.service';
import { REPORTS_QUEUE, ReportJob, ReportJobName } from './reports.queue';
import { ScheduleRunner } from './schedule-runner.service';

type AnyReportJob = Job<ReportJob['data'], unknown, ReportJob['name']>;

@Processor(REPORTS_QUEUE)
export class ReportsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly generator: ReportGenerator,
    private readonly runner: ScheduleRunner,
    private readonly schedules: ReportSchedulesService,
    private readonly store: ReportStore,
  ) {
    super();
  }

  onApplicationBootstrap(): Promise<void> {
    return this.schedules.syncAll();
  }

  async process(job: AnyReportJob): Promise<unknown> {
    const { name, data } = job as ReportJob & AnyReportJob;
    switch (name) {
      case ReportJobName.RunSchedule:
        // A scheduler's job is created one interval ahead with the delay that makes it fire on time.
        return this.runner.run(data.scheduleId, new Date(job.timestamp + (job.opts.delay ?? 0)));
      case ReportJobName.GenerateReport: {
        const { files, error } = await this.generator.generate(data);
        return { error, files: files.map(({ format, content }) => ({ format, bytes: content.length })) };
      }
      default: {
        const unknownName: never = name;
        throw new Error(`unknown job ${String(unknownName)}`);
      }
    }
  }

  /** After the last retry an unexpected error still ends the run, so its rows never stay "rendering". */
  @OnWorkerEvent('failed')
  async onFailed(job: AnyReportJob, error: Error): Promise<void> {
    const { name, data } = job as ReportJob & AnyReportJob;
    if (name === ReportJobName.GenerateReport && job.attemptsMade >= (job.opts.attempts ?? 1)) {
      await this.store.markFailed(data, `生成报告时发生内部错误：${error.message}`);
    }
  }
}
