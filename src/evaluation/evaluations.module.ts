import { Module } from '@nestjs/common';
import { EvaluationModule } from './evaluation.module';
import { EvaluationsController } from './evaluations.controller';
import { ScoresService } from './scores.service';

/** The HTTP side: scores, re-evaluation requests and failed jobs. */
@Module({
  imports: [EvaluationModule],
  controllers: [EvaluationsController],
  providers: [ScoresService],
})
export class EvaluationsModule {}
