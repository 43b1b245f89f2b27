import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Import } from '../database/entities';
import { ImportRunner, PROJECT_REVIEW, ProjectReview } from './import-runner.service';
import { ImportsProcessor } from './imports.processor';
import { IMPORTS_QUEUE } from './imports.queue';
import { ImportsService } from './imports.service';

// TODO(scoring merge): provide `reviewProject` from @app/domain here.
const reviewProject: ProjectReview = () => [];

/** Runs imports: the runner for the CLI, and the processor when the module is loaded by the worker. */
@Module({
  imports: [TypeOrmModule.forFeature([Import])],
  providers: [ImportsService, ImportRunner, { provide: PROJECT_REVIEW, useValue: reviewProject }],
  exports: [ImportsService, ImportRunner],
})
export class ImportRunnerModule {}

@Module({
  // registerQueue also brings in @nestjs/bullmq's registrar, which starts the @Processor workers.
  imports: [ImportRunnerModule, BullModule.registerQueue({ name: IMPORTS_QUEUE })],
  providers: [ImportsProcessor],
})
export class ImportsWorkerModule {}
