import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParamDto } from '../common/id.dto';
import { EvaluateAcceptedDto, EvaluateRequestDto, FailedJobDto, ProjectScoreDto, ScoreQueryDto } from './evaluation.dto';
import { ScoresService } from './scores.service';

@ApiTags('evaluations')
@Controller()
export class EvaluationsController {
  constructor(private readonly scores: ScoresService) {}

  @Get('projects/:id/score')
  @ApiOkResponse({ type: ProjectScoreDto })
  projectScore(@Param() { id }: IdParamDto, @Query() { period }: ScoreQueryDto): Promise<ProjectScoreDto> {
    return this.scores.projectScore(id, period);
  }

  /** Re-evaluates a whole year, or one department of it. */
  @Post('evaluations')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: EvaluateAcceptedDto })
  evaluate(@Body() request: EvaluateRequestDto): Promise<EvaluateAcceptedDto> {
    return this.scores.requestEvaluation(request);
  }

  @Get('evaluations/failed')
  @ApiOkResponse({ type: [FailedJobDto] })
  failed(): Promise<FailedJobDto[]> {
    return this.scores.failedJobs();
  }
}
