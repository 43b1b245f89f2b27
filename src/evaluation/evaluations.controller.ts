import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../auth/caller';
import { IdParamDto } from '../common/id.dto';
import { EvaluateAcceptedDto, EvaluateRequestDto, FailedJobDto, ProjectScoreDto, ScoreQueryDto } from './evaluation.dto';
import { ScoresService } from './scores.service';

@ApiTags('evaluations')
@Controller()
export class EvaluationsController {
  constructor(private readonly scores: ScoresService) {}

  @Get('projects/:id/score')
  @ApiOkResponse({ type: ProjectScoreDto })
  projectScore(@CurrentCaller() caller: Caller, @Param() { id }: IdParamDto, @Query() { period }: ScoreQueryDto): Promise<ProjectScoreDto> {
    return this.scores.projectScore(caller, id, period);
  }

  /** Re-evaluates a whole year, or one department of it. */
  @Post('evaluations')
  @Roles('admin')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: EvaluateAcceptedDto })
  evaluate(@Body() request: EvaluateRequestDto): Promise<EvaluateAcceptedDto> {
    return this.scores.requestEvaluation(request);
  }

  @Get('evaluations/failed')
  @Roles('admin')
  @ApiOkResponse({ type: [FailedJobDto] })
  failed(): Promise<FailedJobDto[]> {
    return this.scores.failedJobs();
  }
}
