import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Caller, CurrentCaller } from '../auth/caller';
import { contentDisposition } from '../common/content-disposition';
import { IdParamDto } from '../common/id.dto';
import { readUploadedFile } from '../common/upload';
import { BulkResultDto } from './actual.dto';
import { EntrySheetService } from './entry-sheet.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

class PeriodQueryDto {
  @IsString() @MaxLength(16)
  period!: string;
}

@ApiTags('actuals')
@ApiBearerAuth()
@Controller('units/:id/entry-sheet')
export class EntrySheetController {
  constructor(private readonly sheets: EntrySheetService) {}

  @Get()
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'one row per indicator of the unit’s projects in the period’s year' })
  async download(@CurrentCaller() caller: Caller, @Param() { id }: IdParamDto, @Query() { period }: PeriodQueryDto, @Res() reply: FastifyReply) {
    const { fileName, content } = await this.sheets.download(caller, id, period);
    await reply
      .header('content-type', XLSX)
      .header('content-disposition', contentDisposition(fileName, 'entry-sheet.xlsx'))
      .send(content);
  }

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiOkResponse({ type: BulkResultDto, description: 'all filled rows applied, or none (422 with each bad sheet row)' })
  async upload(@CurrentCaller() caller: Caller, @Param() { id }: IdParamDto, @Query() { period }: PeriodQueryDto, @Req() request: FastifyRequest): Promise<BulkResultDto> {
    return this.sheets.upload(caller, id, period, (await readUploadedFile(request)).content);
  }
}
