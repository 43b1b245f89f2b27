import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { IdPeriodParamDto } from '../common/id.dto';
import { ReasonDto, ReviewDto, SubmissionDto } from './submission.dto';
import { SubmissionsService } from './submissions.service';

@ApiTags('submissions')
@ApiBearerAuth()
@Controller('units/:id/submissions/:period')
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Get()
  @ApiOkResponse({ type: SubmissionDto })
  get(@CurrentCaller() caller: Caller, @Param() { id, period }: IdPeriodParamDto): Promise<SubmissionDto> {
    return this.submissions.get(caller, id, period);
  }

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SubmissionDto, description: 'checked for completeness (422 SUBMISSION_INCOMPLETE with findings), then locked' })
  submit(@CurrentCaller() caller: Caller, @Param() { id, period }: IdPeriodParamDto): Promise<SubmissionDto> {
    return this.submissions.transition(caller, id, period, 'submit');
  }

  @Post('approve')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SubmissionDto })
  approve(@CurrentCaller() caller: Caller, @Param() { id, period }: IdPeriodParamDto, @Body() { reason }: ReviewDto): Promise<SubmissionDto> {
    return this.submissions.transition(caller, id, period, 'approve', reason);
  }

  @Post('return')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SubmissionDto, description: 'unlocks the entries' })
  return(@CurrentCaller() caller: Caller, @Param() { id, period }: IdPeriodParamDto, @Body() { reason }: ReasonDto): Promise<SubmissionDto> {
    return this.submissions.transition(caller, id, period, 'return', reason);
  }

  @Post('reopen')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SubmissionDto, description: 'unlocks an approved period; later changes are marked afterApproval' })
  reopen(@CurrentCaller() caller: Caller, @Param() { id, period }: IdPeriodParamDto, @Body() { reason }: ReasonDto): Promise<SubmissionDto> {
    return this.submissions.transition(caller, id, period, 'reopen', reason);
  }
}
