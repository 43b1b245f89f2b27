import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { type Caller, CurrentCaller, Roles } from '../auth/caller';
import { contentDisposition } from '../common/content-disposition';
import { IdParamDto } from '../common/id.dto';
import { ScoreOverrideService } from './score-override.service';
import { type ExportFormat, OverrideScoreDto, ProjectScorecardDto, ProjectScorecardQueryDto, ScorecardPageDto, ScorecardQueryDto } from './scorecard.dto';
import { type ExportTable, projectTable, scorecardTable, toCsv, toXlsx } from './scorecard-export';
import { ScorecardsService } from './scorecards.service';

class IndicatorParamDto extends IdParamDto {
  @IsUUID()
  indicatorId!: string;
}

const EXPORT_TYPES = ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/** JSON as it is, or the same view as a CSV/XLSX download. */
async function respond<View>(reply: FastifyReply, format: ExportFormat, view: View, table: (view: View) => ExportTable) {
  if (format === 'json') return view;
  const file = format === 'csv' ? toCsv(table(view)) : await toXlsx(table(view));
  void reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName, `scorecard.${format}`));
  return file.body;
}

@ApiTags('scorecards')
@Roles('admin', 'reviewer')
@Controller()
export class ScorecardsController {
  constructor(
    private readonly scorecards: ScorecardsService,
    private readonly overrides: ScoreOverrideService,
  ) {}

  @Get('scorecards')
  @ApiOkResponse({ type: ScorecardPageDto, description: 'one row per department in the caller’s scope' })
  @ApiProduces(...EXPORT_TYPES)
  async region(@CurrentCaller() caller: Caller, @Query() query: ScorecardQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.scorecards.region(caller, query, query.format !== 'json');
    return respond(reply, query.format, view, (page) => scorecardTable('department', page));
  }

  @Get('scorecards/departments/:id')
  @ApiOkResponse({ type: ScorecardPageDto, description: 'one row per unit of the department' })
  @ApiProduces(...EXPORT_TYPES)
  async department(
    @CurrentCaller() caller: Caller,
    @Param() { id }: IdParamDto,
    @Query() query: ScorecardQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.scorecards.department(caller, id, query, query.format !== 'json');
    return respond(reply, query.format, view, (page) => scorecardTable('unit', page));
  }

  @Get('scorecards/units/:id')
  @ApiOkResponse({ type: ScorecardPageDto, description: 'one row per project of the unit' })
  @ApiProduces(...EXPORT_TYPES)
  async unit(
    @CurrentCaller() caller: Caller,
    @Param() { id }: IdParamDto,
    @Query() query: ScorecardQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.scorecards.unit(caller, id, query, query.format !== 'json');
    return respond(reply, query.format, view, (page) => scorecardTable('project', page));
  }

  @Get('projects/:id/scorecard')
  @ApiOkResponse({ type: ProjectScorecardDto, description: 'every indicator with target, actual, status, score and explanation' })
  @ApiProduces(...EXPORT_TYPES)
  async project(
    @CurrentCaller() caller: Caller,
    @Param() { id }: IdParamDto,
    @Query() query: ProjectScorecardQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.scorecards.project(caller, id, query);
    return respond(reply, query.format, view, projectTable);
  }

  @Put('projects/:id/scorecard/indicators/:indicatorId/override')
  @ApiOkResponse({ type: ProjectScorecardDto, description: 'the project scorecard for the period, re-totalled' })
  async override(@CurrentCaller() caller: Caller, @Param() { id, indicatorId }: IndicatorParamDto, @Body() body: OverrideScoreDto) {
    await this.overrides.override({ ...body, projectId: id, indicatorId, caller });
    return this.scorecards.project(caller, id, { period: body.period, format: 'json' });
  }
}
