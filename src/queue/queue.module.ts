import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/config.module';

export function redisOptions(url: string): RedisOptions {
  const { hostname, port, username, password, pathname, protocol } = new URL(url);
  return {
    host: hostname,
    port: Number(port || 6379),
    username: username || undefined,
    password: password ? decodeURIComponent(password) : undefined,
    db: Number(pathname.slice(1) || 0),
    tls: protocol === 'rediss:' ? {} : undefined,
  };
}

@Module({})
export class QueueModule {
  /**
   * Workers block on Redis and must wait through reconnects (BullMQ requires `maxRetriesPerRequest: null`);
   * the API only enqueues, and a request should fail soon rather than hang while Redis is away.
   */
  static forRoot(role: 'api' | 'worker'): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: AppConfig) => ({
            connection: {
              ...redisOptions(config.get('REDIS_URL', { infer: true })),
              maxRetriesPerRequest: role === 'worker' ? null : 1,
            },
            prefix: config.get('REDIS_PREFIX', { infer: true }),
          }),
        }),
      ],
    };
  }
}
