import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/caller';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { withTimeout } from '../common/with-timeout';
import { IMPORTS_QUEUE } from '../imports/imports.queue';

type Check = 'up' | 'down';
const PROBE_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Controller('health')
@SkipThrottle()
@Public()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(IMPORTS_QUEUE) private readonly queue: Queue,
  ) {}

  @Get()
  @ApiOkResponse({ description: '{ status: "ok", postgres: "up", redis: "up" }' })
  @ApiServiceUnavailableResponse({ description: 'one of Postgres or Redis does not answer' })
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const [postgres, redis] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(async () => (await this.queue.client).runCommand('ping', [])),
    ]);
    const ok = postgres === 'up' && redis === 'up';
    void reply.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', postgres, redis };
  }
}

async function probe(call: () => Promise<unknown>): Promise<Check> {
  return withTimeout(call(), PROBE_TIMEOUT_MS).then(
    () => 'up',
    () => 'down',
  );
}
