import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { ImportRunnerModule } from '../imports/imports-worker.module';
import { QueueModule } from '../queue/queue.module';
import { ReportGenerationModule } from '../reports/reports-queue.module';

/**
 * What the CLI needs in-process (imports, tokens, reports): Postgres, the import runner, tokens and report generation,
 * no HTTP. Redis only to request evaluations; when it is unreachable the import still succeeds and the worker's
 * sweeper scores it later.
 */
@Module({ imports: [ConfigModule, DatabaseModule, QueueModule.forRoot('api'), ImportRunnerModule, AuthModule, ReportGenerationModule] })
export class CliModule {}
