import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { ImportRunnerModule } from '../imports/imports-worker.module';

/** What the CLI needs in-process (imports, tokens): Postgres, the import runner and tokens, no HTTP and no Redis. */
@Module({ imports: [ConfigModule, DatabaseModule, ImportRunnerModule, AuthModule] })
export class CliModule {}
