import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { SpendingController } from './spending.controller';
import { SpendingService } from './spending.service';

@Module({
  imports: [EvaluationModule],
  controllers: [SpendingController],
  providers: [SpendingService],
})
export class SpendingModule {}
