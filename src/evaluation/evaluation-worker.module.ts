import { Module } from '@nestjs/common';
import { EvaluationModule } from './evaluation.module';
import { EvaluationProcessor } from './evaluation.processor';
import { Evaluator } from './evaluator.service';

/** Scores projects: loaded only by the worker process. */
@Module({
  imports: [EvaluationModule],
  providers: [Evaluator, EvaluationProcessor],
})
export class EvaluationWorkerModule {}
