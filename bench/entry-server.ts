import { Body, Controller, HttpCode, HttpStatus, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { configureApp, createFastifyAdapter } from '../src/app.setup';
import { validateEnvironment } from '../src/config/env.validation';
import { runProcess } from '../src/config/process';

const BASELINE_TABLE = 'bench_baseline';

class BaselineDto {
  @IsNumber() value!: number;
  @IsOptional() @IsString() @MaxLength(200) note?: string;
}

/** The bare route the entry route is measured against: validate a body, one INSERT, nothing else. */
@Controller('bench')
class BaselineController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Post('baseline')
  @HttpCode(HttpStatus.NO_CONTENT)
  async insert(@Body() { value, note }: BaselineDto): Promise<void> {
    await this.dataSource.query(`INSERT INTO ${BASELINE_TABLE} (value, note) VALUES ($1, $2)`, [value, note ?? null]);
  }
}

@Module({ imports: [AppModule], controllers: [BaselineController] })
class BenchModule {}

/** The API exactly as main.ts runs it, plus the baseline route; only for bench/entry.ts. */
runProcess(async () => {
  const env = validateEnvironment(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(BenchModule, createFastifyAdapter(), { logger: ['error'] });
  await configureApp(app);
  await app.get(DataSource).query(
    `CREATE TABLE IF NOT EXISTS ${BASELINE_TABLE} (id bigserial PRIMARY KEY, value numeric NOT NULL, note text, "createdAt" timestamptz NOT NULL DEFAULT now())`,
  );
  await app.listen(env.PORT, '127.0.0.1');
  // bench/entry.ts asks for this process's CPU time around each route it drives.
  process.on('message', (message) => {
    if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  });
  process.send?.('listening');
});
