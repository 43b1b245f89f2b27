import { Module } from '@nestjs/common';
import { ScoreOverrideService } from './score-override.service';
import { ScorecardsController } from './scorecards.controller';
import { ScorecardsRepository } from './scorecards.repository';
import { ScorecardsService } from './scorecards.service';

/** Read side for finance bureaus: scorecards by department → unit → project → indicator, exports, overrides. */
@Module({
  controllers: [ScorecardsController],
  providers: [ScorecardsRepository, ScorecardsService, ScoreOverrideService],
})
export class ScorecardsModule {}
