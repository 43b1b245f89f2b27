import type { Command } from 'commander';

const EXIT_UNHEALTHY = 1;

/** What the worker depends on, checked from outside it (the worker container's healthcheck). */
export function registerHealthCommand(program: Command): void {
  program
    .command('health')
    .description('检查 Postgres 和 Redis 是否可用 (DATABASE_URL, REDIS_URL)')
    .action(async () => {
      const [{ default: Redis }, { DataSource }, { validateEnvironment }, { databaseOptions }, { redisOptions }] =
        await Promise.all([
          import('ioredis'),
          import('typeorm'),
          import('../config/env.validation'),
          import('../database/database.options'),
          import('../queue/queue.module'),
        ]);
      const env = validateEnvironment(process.env);
      const check = async (name: string, probe: () => Promise<unknown>) =>
        probe().then(
          () => `${name}: up`,
          (error: Error) => {
            process.exitCode = EXIT_UNHEALTHY;
            return `${name}: down (${error.message})`;
          },
        );
      const results = await Promise.all([
        check('postgres', async () => {
          const dataSource = await new DataSource({ ...databaseOptions(env.DATABASE_URL), entities: [] }).initialize();
          await dataSource.destroy();
        }),
        check('redis', async () => {
          const redis = new Redis({ ...redisOptions(env.REDIS_URL), maxRetriesPerRequest: 1, lazyConnect: true });
          redis.on('error', () => undefined); // connect() rejects with the same error
          try {
            await redis.connect();
            await redis.ping();
          } finally {
            redis.disconnect();
          }
        }),
      ]);
      console.log(results.join('\n'));
    });
}
