import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { configureApp, createFastifyAdapter } from './app.setup';
import { validateEnvironment } from './config/env.validation';
import { logLevels, runProcess } from './config/process';

runProcess(async () => {
  const env = validateEnvironment(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createFastifyAdapter(), {
    logger: logLevels(env.LOG_LEVEL),
  });
  await configureApp(app);
  await app.listen(env.PORT, env.HOST);
});
