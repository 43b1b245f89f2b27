import multipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { strictValidationPipe } from './common/validation';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const MAX_JSON_BODY_BYTES = 1024 * 1024;

export function createFastifyAdapter(): FastifyAdapter {
  return new FastifyAdapter({ bodyLimit: MAX_JSON_BODY_BYTES, trustProxy: true });
}

/** Everything main.ts and the e2e helper both need: upload limits, validation, one error shape, OpenAPI. */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  // @nestjs/platform-fastify bundles its own copy of fastify's types; the plugin is the same at run time.
  await app.register(multipart as unknown as Parameters<NestFastifyApplication['register']>[0], { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 }, throwFileSizeLimit: true });
  app.useGlobalPipes(strictValidationPipe());
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle('jixiao')
    .setDescription('绩效目标: projects, indicators, flags, imports, actuals, submissions')
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'jixiao token create' })
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi));
}
