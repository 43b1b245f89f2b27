import { Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule, ConfigService } from '@nestjs/config';
import { EnvironmentVariables, validateEnvironment } from './env.validation';

export type AppConfig = ConfigService<EnvironmentVariables, true>;

@Global()
@Module({
  imports: [NestConfigModule.forRoot({ ignoreEnvFile: true, cache: true, validate: validateEnvironment })],
  exports: [NestConfigModule],
})
export class ConfigModule {}
