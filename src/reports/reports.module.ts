import { Module } from '@nestjs/common';
import { ReportSchedulesController } from './report-schedules.controller';
import { ReportsController } from './reports.controller';
import { ReportsQueueModule } from './reports-queue.module';
import { ReportsService } from './reports.service';

/** The API side of reports. */
@Module({
  imports: [ReportsQueueModule],
  controllers: [ReportsController, ReportSchedulesController],
  providers: [ReportsService],
})
export class ReportsModule {}
