import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Report, ReportSchedule, Unit } from '../database/entities';
import { Reminders } from './reminders.service';
import { ReportDataLoader } from './report-data-loader.service';
import { ReportGenerator } from './report-generator.service';
import { ReportSchedulesService } from './report-schedules.service';
import { ReportStore } from './report-store.service';
import { ReportsProducer } from './reports.producer';
import { REPORTS_QUEUE } from './reports.queue';

/** Reading, rendering and storing reports; no Redis, so the CLI can run it in-process. */
@Module({
  imports: [TypeOrmModule.forFeature([Report, ReportSchedule, Unit])],
  providers: [ReportStore, ReportDataLoader, ReportGenerator, Reminders],
  exports: [TypeOrmModule, ReportStore, ReportDataLoader, ReportGenerator, Reminders],
})
export class ReportGenerationModule {}

/** The reports queue's producer side: on-demand jobs and the schedules' job schedulers. */
@Module({
  imports: [ReportGenerationModule, BullModule.registerQueue({ name: REPORTS_QUEUE })],
  providers: [ReportsProducer, ReportSchedulesService],
  exports: [ReportGenerationModule, ReportsProducer, ReportSchedulesService],
})
export class ReportsQueueModule {}
