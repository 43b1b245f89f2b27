import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { generateProjects, scoresChecksum } from '../bench/generate-projects';
import { WORKER_ENTRY, spawnWorker, stopWorker, waitForWorkers } from '../bench/worker-processes';
import { evaluationProgress } from '../src/cli/evaluate-year';
import { databaseOptions } from '../src/database/database.options';
import { EvaluationTrigger } from '../src/evaluation/evaluation-trigger';
import { EVALUATION_QUEUE, evaluateYearJob } from '../src/evaluation/evaluation.queue';
import { redisOptions } from '../src/queue/queue.module';
import { createTestWorker } from './support/test-app';

const until = async (what: string, check: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('evaluation faults', () => {
  let db: DataSource;

  beforeAll(async () => {
    if (!existsSync(WORKER_ENTRY)) throw new Error(`${WORKER_ENTRY} missing: run \`npm run build\` before the e2e tests`);
    db = await new DataSource({ ...databaseOptions(process.env.DATABASE_URL!), entities: [] }).initialize();
  });

  afterAll(async () => {
    await db?.destroy();
  });

  it('finishes a re-evaluation of 20 000 projects after a worker is killed (SIGKILL) midway, with the scores of an undisturbed run', async () => {
    const year = 2031;
    await generateProjects(db, 20_000, year);
    const env = { DATABASE_URL: process.env.DATABASE_URL!, REDIS_URL: process.env.REDIS_URL!, REDIS_PREFIX: process.env.REDIS_PREFIX! };
    const queue = new Queue(EVALUATION_QUEUE, { connection: redisOptions(env.REDIS_URL), prefix: env.REDIS_PREFIX });
    const workers: ChildProcess[] = [];
    const start = async () => {
      const since = new Date((await db.query('SELECT now() AS now'))[0].now);
      const job = evaluateYearJob({ year });
      await queue.add(job.name, job.data, job.opts);
      return since;
    };
    const progress = (since: Date) => evaluationProgress(db, { year }, since);
    try {
      workers.push(spawnWorker(env));
      await waitForWorkers(queue, 1);
      const undisturbedSince = await start();
      await until('the undisturbed run', async () => ((p) => p.done === p.total)(await progress(undisturbedSince)), 240_000);
      const undisturbed = await scoresChecksum(db, year);
      await stopWorker(workers[0]);

      await db.query(`DELETE FROM project_scores s USING projects p WHERE p.id = s."projectId" AND p.year = $1`, [year]);
      workers.push(spawnWorker(env));
      await waitForWorkers(queue, 1);
      const since = await start();
      await until('a quarter of the projects', async () => (await progress(since)).done >= 5_000, 240_000);
      const partial = await progress(since);
      expect(partial.done).toBeLessThan(partial.total);
      await stopWorker(workers[1], 'SIGKILL');

      workers.push(spawnWorker(env));
      await until('the run to finish on the second worker', async () => ((p) => p.done === p.total)(await progress(since)), 300_000);
      expect(await scoresChecksum(db, year)).toBe(undisturbed);
    } finally {
      await Promise.all(workers.map((worker) => stopWorker(worker)));
      await queue.close();
    }
  }, 900_000);

  describe('with Redis down while actuals are saved', () => {
    let redis: ChildProcess;
    let worker: INestApplicationContext;
    let port: number;
    const sharedRedis = process.env.REDIS_URL;

    const startRedis = async () => {
      redis = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      await until('the private Redis', async () => redis.exitCode === null && (await canConnect(port)), 10_000);
    };

    beforeAll(async () => {
      port = await freePort();
      await startRedis();
      // This suite's own Redis, so stopping it disturbs no other test run.
      process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
      process.env.EVALUATION_SWEEP_MS = '500';
      worker = await createTestWorker();
    });

    afterAll(async () => {
      await worker?.close();
      await stopWorker(redis);
      process.env.REDIS_URL = sharedRedis;
      delete process.env.EVALUATION_SWEEP_MS;
    });

    it('saves the actuals, and every affected project is re-scored once Redis is back', async () => {
      const year = 2032;
      await generateProjects(db, 50, year);
      const projectIds: string[] = (await db.query(`SELECT id FROM projects WHERE year = $1`, [year])).map((row: { id: string }) => row.id);
      const trigger = worker.get(EvaluationTrigger);
      await stopWorker(redis, 'SIGKILL');

      const saved = Date.now();
      await db.transaction(async (manager) => {
        await manager.query(
          `UPDATE actuals SET value = value + 1, version = version + 1 WHERE "projectId" = ANY($1::uuid[]) AND period = $2`,
          [projectIds, String(year)],
        );
        await trigger.markChanged(manager, projectIds, String(year));
      });
      await expect(trigger.enqueue(projectIds, String(year))).resolves.toBeUndefined();
      const [{ pending }] = await db.query(
        `SELECT count(*)::int AS pending FROM project_scores
         WHERE "projectId" = ANY($1::uuid[]) AND period = $2 AND ("computedAt" IS NULL OR "inputsChangedAt" > "computedAt")`,
        [projectIds, String(year)],
      );
      expect(pending).toBe(projectIds.length);

      await startRedis();
      await until(
        'every affected project re-scored',
        async () => {
          const [{ fresh }] = await db.query(
            `SELECT count(*)::int AS fresh FROM project_scores
             WHERE "projectId" = ANY($1::uuid[]) AND period = $2 AND "computedAt" >= "inputsChangedAt" AND score IS NOT NULL`,
            [projectIds, String(year)],
          );
          return fresh === projectIds.length;
        },
        30_000,
      );
      const [{ oldest }] = await db.query(`SELECT min("computedAt") AS oldest FROM project_scores WHERE "projectId" = ANY($1::uuid[])`, [projectIds]);
      expect(new Date(oldest).getTime()).toBeGreaterThanOrEqual(saved - 1_000);
    }, 60_000);
  });
});

async function canConnect(port: number): Promise<boolean> {
  const { default: Redis } = await import('ioredis');
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
