import { NestFactory } from '@nestjs/core';
import { validateEnvironment } from './config/env.validation';
import { logLevels, runProcess } from './config/process';
import { WorkerModule } from './worker.module';

runProcess(async () => {
  const env = validateEnvironment(process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: logLevels(env.LOG_LEVEL) });
  app.enableShutdownHooks();
});
