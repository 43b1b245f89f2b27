import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { EvaluationTrigger } from './evaluation-trigger';
import { EVALUATION_QUEUE } from './evaluation.queue';

/** The producer side of evaluation: what writers of actuals, spending and imports use to request a score. */
@Module({
  imports: [BullModule.registerQueue({ name: EVALUATION_QUEUE })],
  providers: [EvaluationTrigger],
  exports: [EvaluationTrigger, BullModule],
})
export class EvaluationModule {}
