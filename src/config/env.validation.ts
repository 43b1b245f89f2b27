import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

export class EnvironmentVariables {
  @Matches(/^postgres(ql)?:\/\/[^/\s]+\/[^/\s?]+/, {
    message: 'DATABASE_URL 必须形如 postgres://user@host:5432/dbname',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/jixiao';

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL 必须形如 redis://host:6379' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** BullMQ key prefix; tests use one per run. */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'REDIS_PREFIX 只能包含字母、数字、_ 和 -' })
  REDIS_PREFIX = 'jixiao';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST = '0.0.0.0';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  IMPORT_CONCURRENCY = 2;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  EVALUATION_CONCURRENCY = 2;

  /** How often the worker re-enqueues projects whose inputs changed after their last score (Redis was down). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  EVALUATION_SWEEP_MS = 60_000;

  /** Where uploaded evidence files are kept, named by the sha256 of their content. */
  @IsString()
  EVIDENCE_DIR = 'storage/evidence';

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL = 'log';
}

export class InvalidEnvironmentError extends Error {}

/** ConfigModule's `validate`: defaults filled in, and one clear message listing every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new InvalidEnvironmentError(`配置无效 (invalid environment):\n${lines.join('\n')}`);
  }
  return env;
}
