import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Caller, CurrentCaller } from '../auth/caller';
import { contentDisposition } from '../common/content-disposition';
import { EvidenceParamDto, IdPeriodParamDto } from '../common/id.dto';
import { readUploadedFile } from '../common/upload';
import { ArrayBodyPipe } from '../common/validation';
import { ActualDto, ActualRevisionDto, BulkActualDto, BulkResultDto, PutActualDto, isPlainBulkRow } from './actual.dto';
import { ActualsService } from './actuals.service';

export const MAX_BULK_ROWS = 20_000;
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

@ApiTags('actuals')
@ApiBearerAuth()
@Controller()
export class ActualsController {
  constructor(private readonly actuals: ActualsService) {}

  @Get('indicators/:id/actuals/:period')
  @ApiOkResponse({ type: ActualDto, description: 'ETag carries the version for If-Match' })
  async get(@CurrentCaller() caller: Caller, @Param() { id, period }: IdPeriodParamDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return withETag(reply, await this.actuals.get(caller, id, period));
  }

  @Put('indicators/:id/actuals/:period')
  @ApiHeader({ name: 'If-Match', required: false, description: 'the version last read ("3"); a stale one gets 409 VERSION_CONFLICT' })
  @ApiOkResponse({ type: ActualDto })
  async put(
    @CurrentCaller() caller: Caller,
    @Param() { id, period }: IdPeriodParamDto,
    @Body() body: PutActualDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withETag(reply, await this.actuals.put(caller, id, period, body, ifMatch));
  }

  @Post('indicators/:id/actuals/:period/evidence')
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiOkResponse({ type: ActualDto, description: `the actual with the file (≤ ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB) added to its evidence, as a new version` })
  async attachEvidence(
    @CurrentCaller() caller: Caller,
    @Param() { id, period }: IdPeriodParamDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const upload = await readUploadedFile(request, MAX_EVIDENCE_BYTES);
    return withETag(reply, await this.actuals.attachEvidence(caller, id, period, upload));
  }

  @Get('indicators/:id/actuals/:period/evidence/:sha256')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'a file the actual lists as evidence, under the name it was uploaded with' })
  async evidenceFile(@CurrentCaller() caller: Caller, @Param() { id, period, sha256 }: EvidenceParamDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { name, content } = await this.actuals.evidenceFile(caller, id, period, sha256);
    void reply.header('content-type', 'application/octet-stream').header('content-disposition', contentDisposition(name, `evidence-${sha256.slice(0, 12)}`));
    return content;
  }

  @Get('indicators/:id/actuals/:period/history')
  @ApiOkResponse({ type: [ActualRevisionDto] })
  history(@CurrentCaller() caller: Caller, @Param() { id, period }: IdPeriodParamDto): Promise<ActualRevisionDto[]> {
    return this.actuals.history(caller, id, period);
  }

  @Put('units/:id/actuals/:period')
  @ApiBody({ type: [BulkActualDto] })
  @ApiOkResponse({ type: BulkResultDto, description: 'all rows written, or none (422 with every bad row, 409 on a stale version)' })
  putMany(
    @CurrentCaller() caller: Caller,
    @Param() { id, period }: IdPeriodParamDto,
    @Body(new ArrayBodyPipe(BulkActualDto, MAX_BULK_ROWS, isPlainBulkRow))
    rows: BulkActualDto[],
  ): Promise<BulkResultDto> {
    return this.actuals.putMany(caller, id, period, rows);
  }
}

function withETag<T extends { version: number }>(reply: FastifyReply, body: T): T {
  void reply.header('etag', `"${body.version}"`);
  return body;
}
