import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EvaluationWorkerModule } from './evaluation/evaluation-worker.module';
import { ImportsWorkerModule } from './imports/imports-worker.module';
import { QueueModule } from './queue/queue.module';

/** The queue processors; no HTTP. */
@Module({
  imports: [ConfigModule, DatabaseModule, QueueModule.forRoot('worker'), ImportsWorkerModule, EvaluationWorkerModule],
})
export class WorkerModule {}
