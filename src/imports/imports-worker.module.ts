import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Import } from '../database/entities';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { ImportRunner } from './import-runner.service';
import { ImportsProcessor } from './imports.processor';
import { IMPORTS_QUEUE } from './imports.queue';
import { ImportsService } from './imports.service';

/** Runs imports: the runner for the CLI, and the processor when the module is loaded by the worker. */
@Module({
  imports: [TypeOrmModule.forFeature([Import]), EvaluationModule],
  providers: [ImportsService, ImportRunner],
  exports: [ImportsService, ImportRunner],
})
export class ImportRunnerModule {}

@Module({
  // registerQueue also brings in @nestjs/bullmq's registrar, which starts the @Processor workers.
  imports: [ImportRunnerModule, BullModule.registerQueue({ name: IMPORTS_QUEUE })],
  providers: [ImportsProcessor],
})
export class ImportsWorkerModule {}
