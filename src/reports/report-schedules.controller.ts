import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/caller';
import { IdParamDto } from '../common/id.dto';
import { ReportScheduleDto, UpdateReportScheduleDto } from './report.dto';
import { ReportSchedulesService } from './report-schedules.service';
import { formatsFor } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('report-schedules')
export class ReportSchedulesController {
  constructor(private readonly schedules: ReportSchedulesService) {}

  @Get()
  @ApiOkResponse({ type: [ReportScheduleDto] })
  async list(): Promise<ReportScheduleDto[]> {
    return (await this.schedules.list()).map(ReportScheduleDto.from);
  }

  /** Changes take effect at once: the schedule's job scheduler is upserted (or removed when disabled). */
  @Put(':id')
  @Roles('admin')
  @ApiOkResponse({ type: ReportScheduleDto })
  async update(@Param() { id }: IdParamDto, @Body() dto: UpdateReportScheduleDto): Promise<ReportScheduleDto> {
    const { kind } = await this.schedules.get(id);
    if (dto.formats && kind !== 'reminder') formatsFor(kind, dto.formats);
    return ReportScheduleDto.from(await this.schedules.update(id, dto));
  }
}
