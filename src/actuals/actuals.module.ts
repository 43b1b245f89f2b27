import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { ActualsController } from './actuals.controller';
import { ActualsService } from './actuals.service';
import { EntrySheetController } from './entry-sheet.controller';
import { EntrySheetService } from './entry-sheet.service';
import { EvidenceStore } from './evidence-store';

@Module({
  imports: [EvaluationModule],
  controllers: [ActualsController, EntrySheetController],
  providers: [ActualsService, EntrySheetService, EvidenceStore],
  exports: [ActualsService],
})
export class ActualsModule {}
