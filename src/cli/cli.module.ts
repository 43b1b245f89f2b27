import { Module } from '@nestjs/common';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { ImportRunnerModule } from '../imports/imports-worker.module';
import { ReportGenerationModule } from '../reports/reports.module';

/** What the CLI runs in-process: Postgres, the import runner and report generation; no HTTP and no Redis. */
@Module({ imports: [ConfigModule, DatabaseModule, ImportRunnerModule, ReportGenerationModule] })
export class CliModule {}
