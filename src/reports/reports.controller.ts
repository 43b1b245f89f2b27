import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Caller, CurrentCaller } from '../auth/caller';
import { IdParamDto } from '../common/id.dto';
import { contentDisposition } from '../common/content-disposition';
import { CreateReportDto, ListReportsQueryDto, ReportDto, ReportPageDto } from './report.dto';
import { CONTENT_TYPES, ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiResponse({ status: HttpStatus.ACCEPTED, type: [ReportDto], description: 'queued; one row per unit and format' })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateReportDto): Promise<ReportDto[]> {
    return this.reports.request(caller, dto);
  }

  @Get()
  @ApiOkResponse({ type: ReportPageDto })
  list(@CurrentCaller() caller: Caller, @Query() query: ListReportsQueryDto): Promise<ReportPageDto> {
    return this.reports.list(caller, query);
  }

  @Get(':id/file')
  @ApiProduces(...Object.values(CONTENT_TYPES))
  async file(@CurrentCaller() caller: Caller, @Param() { id }: IdParamDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const report = await this.reports.file(caller, id);
    void reply
      .header('Content-Type', CONTENT_TYPES[report.format])
      .header('Content-Disposition', contentDisposition(report.fileName ?? `report.${report.format}`, `report-${report.id}.${report.format}`));
    return report.content;
  }
}
