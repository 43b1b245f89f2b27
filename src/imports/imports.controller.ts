import { Controller, Get, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../auth/caller';
import { IdParamDto } from '../common/id.dto';
import { readUploadedFile } from '../common/upload';
import { ImportResponseDto } from './import.dto';
import { ImportsProducer } from './imports.producer';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@ApiBearerAuth()
@Roles('admin')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly producer: ImportsProducer,
  ) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiResponse({ status: HttpStatus.ACCEPTED, type: ImportResponseDto, description: 'new document, queued' })
  @ApiOkResponse({ type: ImportResponseDto, description: 'a document with this sha256 was already imported' })
  async create(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { fileName, content } = await readUploadedFile(request);
    const { import: row, created } = await this.imports.register(fileName, content);
    if (row.status === 'queued') await this.producer.enqueue(row.id);
    void reply.status(created ? HttpStatus.ACCEPTED : HttpStatus.OK);
    return ImportResponseDto.from(row);
  }

  @Get(':id')
  @ApiOkResponse({ type: ImportResponseDto })
  async get(@Param() { id }: IdParamDto) {
    return ImportResponseDto.from(await this.imports.get(id));
  }
}
