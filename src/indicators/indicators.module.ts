import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { DefinitionsController } from './definitions.controller';
import { DefinitionsService } from './definitions.service';

@Module({
  imports: [EvaluationModule],
  controllers: [DefinitionsController],
  providers: [DefinitionsService],
})
export class IndicatorsModule {}
