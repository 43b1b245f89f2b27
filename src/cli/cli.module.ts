import { Module } from '@nestjs/common';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { ImportRunnerModule } from '../imports/imports-worker.module';

/** What the CLI needs to import in-process: Postgres and the import runner, no HTTP and no Redis. */
@Module({ imports: [ConfigModule, DatabaseModule, ImportRunnerModule] })
export class CliModule {}
