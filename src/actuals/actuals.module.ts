import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { ActualsController } from './actuals.controller';
import { ActualsService } from './actuals.service';

@Module({
  imports: [EvaluationModule],
  controllers: [ActualsController],
  providers: [ActualsService],
  exports: [ActualsService],
})
export class ActualsModule {}
