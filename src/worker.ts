import { NestFactory } from '@nestjs/core';
import { setFlagsFromString } from 'node:v8';
import { validateEnvironment } from './config/env.validation';
import { logLevels, runProcess } from './config/process';
import { WorkerModule } from './worker.module';

// Batches allocate fast and keep ~70 MB live: V8's default lets the old generation grow to about four times that
// between full collections, which put one worker's peak RSS at 257–381 MB. Twice the live size keeps it under 200 MB,
// for the same CPU (bench/evaluate.ts).
setFlagsFromString('--heap-growing-percent=100');

runProcess(async () => {
  const env = validateEnvironment(process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: logLevels(env.LOG_LEVEL) });
  app.enableShutdownHooks();
});
