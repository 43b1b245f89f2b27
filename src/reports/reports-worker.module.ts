import { Module } from '@nestjs/common';
import { ReportsProcessor } from './reports.processor';
import { ReportsQueueModule } from './reports-queue.module';
import { ScheduleRunner } from './schedule-runner.service';

/** Generates reports and fires schedules; syncs the job schedulers when the worker starts. */
@Module({
  imports: [ReportsQueueModule],
  providers: [ScheduleRunner, ReportsProcessor],
})
export class ReportsWorkerModule {}
