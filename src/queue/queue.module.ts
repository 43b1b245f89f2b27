import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
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
    // BullMQ workers block on Redis and must wait through reconnects rather than fail a command.
    maxRetriesPerRequest: null,
  };
}

@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: AppConfig) => ({
        connection: redisOptions(config.get('REDIS_URL', { infer: true })),
        prefix: config.get('REDIS_PREFIX', { infer: true }),
      }),
    }),
  ],
})
export class QueueModule {}
