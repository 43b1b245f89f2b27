import { Queue, Worker } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { DataSource } from 'typeorm';
import { evaluationProgress } from '../src/cli/evaluate-year';
import { migrate } from '../src/cli/migrate';
import { databaseOptions } from '../src/database/database.options';
import { EVALUATION_QUEUE, evaluateYearJob } from '../src/evaluation/evaluation.queue';
import { redisOptions } from '../src/queue/queue.module';
import { INDICATORS_PER_PROJECT, generateProjects } from './generate-projects';
import { backendCpuMs, backendCpuSpentMs, processCpuMs } from './lib/process-cpu';
import { ADMIN_URL, dropScratch, REDIS_URL } from './lib/scratch';
import { peakRssMb, spawnWorker, stopWorker, waitForWorkers } from './worker-processes';

/**
 * Re-evaluates BENCH_PROJECTS (default 100 000) projects × 10 indicators with 1 and with 2 worker processes, beside
 * the BullMQ no-op job rate on the same Redis. Scratch database and Redis prefix, dropped at the end.
 * Run: `npm run bench:evaluate` (Postgres and Redis from DATABASE_URL's server and REDIS_URL).
 */
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 100_000);
const NOOP_JOBS = 20_000;
const YEAR = 2025;
/**
 * Jobs per worker process: BENCH_EVALUATION_CONCURRENCY if set, else as many jobs across the processes as the machine
 * has cores. More jobs than cores only make the transactions contend (2 processes × 2 jobs on 2 cores: 40.3 s against
 * 36.3 s with × 1); fewer leave a core idle while a job waits on Postgres (1 process × 1 job: 57.9 s against 42.7 s).
 * (Not EVALUATION_CONCURRENCY itself: importing the app's config module fills that in with its default.)
 */
const concurrencyFor = (workers: number) =>
  process.env.BENCH_EVALUATION_CONCURRENCY ?? String(Math.max(1, Math.round(availableParallelism() / workers)));

async function noopJobsPerSecond(prefix: string): Promise<number> {
  const connection = { ...redisOptions(REDIS_URL), maxRetriesPerRequest: null };
  const queue = new Queue('bench-noop', { connection, prefix });
  const worker = new Worker('bench-noop', async () => undefined, { connection, prefix, concurrency: 50, autorun: false });
  const started = Date.now();
  for (let start = 0; start < NOOP_JOBS; start += 1_000) {
    await queue.addBulk(Array.from({ length: 1_000 }, (_, i) => ({ name: 'noop', data: { i: start + i }, opts: { removeOnComplete: true } })));
  }
  void worker.run();
  while ((await queue.getJobCounts('wait', 'active', 'prioritized')).wait + (await queue.getActiveCount()) > 0) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const rate = NOOP_JOBS / ((Date.now() - started) / 1000);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return rate;
}

interface RunFigures {
  seconds: number;
  readyRssMb: number;
  rssMb: number;
  /** CPU seconds of the worker processes and of their Postgres backends during the run. */
  workerCpuSeconds: number;
  postgresCpuSeconds: number;
}

const workersCpuMs = async (pids: number[]) => (await Promise.all(pids.map(processCpuMs))).reduce<number>((sum, ms) => sum + (ms ?? 0), 0);

async function reEvaluate(dataSource: DataSource, env: Record<string, string>, workers: number): Promise<RunFigures> {
  await dataSource.query('TRUNCATE project_scores, evaluations, flags');
  const queue = new Queue(EVALUATION_QUEUE, { connection: redisOptions(REDIS_URL), prefix: env.REDIS_PREFIX });
  const children = Array.from({ length: workers }, () => spawnWorker(env));
  try {
    await waitForWorkers(queue, workers);
    // The peak so far is the start-up's: what a worker holds before its first job.
    const readyRssMb = Math.max(...children.map((child) => peakRssMb(child.pid!)));
    const since = new Date((await dataSource.query('SELECT now() AS now'))[0].now);
    const pids = children.map((child) => child.pid!);
    const database = new URL(env.DATABASE_URL).pathname.slice(1);
    const [workerCpuBefore, postgresCpuBefore] = [await workersCpuMs(pids), await backendCpuMs(database)];
    const started = Date.now();
    const job = evaluateYearJob({ year: YEAR });
    await queue.add(job.name, job.data, job.opts);
    // Polls the queue, which costs Redis a few reads; counting 100 000 score rows every 100 ms would cost Postgres
    // a good part of a core and slow what it measures. The count only confirms once the queue is empty.
    for (;;) {
      const counts = await queue.getJobCounts('waiting', 'prioritized', 'active');
      if (Object.values(counts).every((count) => count === 0)) {
        const { done, total } = await evaluationProgress(dataSource, { year: YEAR }, since);
        if (done >= total) break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (Date.now() - started) / 1000;
    const workerCpuSeconds = ((await workersCpuMs(pids)) - workerCpuBefore) / 1000;
    // Includes the bench's own few progress reads on its connection.
    const postgresCpuSeconds = backendCpuSpentMs(postgresCpuBefore, await backendCpuMs(database)) / 1000;
    const rssMb = Math.max(...pids.map(peakRssMb));
    return { seconds, readyRssMb, rssMb, workerCpuSeconds, postgresCpuSeconds };
  } finally {
    await Promise.all(children.map((child) => stopWorker(child)));
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

async function main(): Promise<void> {
  const runId = `jixiao_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${runId}`;
  const env = { DATABASE_URL: url.toString(), REDIS_URL, REDIS_PREFIX: runId };
  process.env.DATABASE_URL = env.DATABASE_URL;
  await migrate();
  const dataSource = await new DataSource({ ...databaseOptions(env.DATABASE_URL), entities: [] }).initialize();
  try {
    let started = Date.now();
    await generateProjects(dataSource, PROJECTS, YEAR);
    const indicators = PROJECTS * INDICATORS_PER_PROJECT;
    console.log(`generated ${PROJECTS} projects, ${indicators} indicators in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const noop = await noopJobsPerSecond(runId);
    const rows = [`| BullMQ no-op jobs (baseline, in-process, concurrency 50) | ${NOOP_JOBS} jobs | | ${Math.round(noop)} jobs/s | | | | |`];
    for (const workers of [1, 2]) {
      started = Date.now();
      const concurrency = concurrencyFor(workers);
      const { seconds, readyRssMb, rssMb, workerCpuSeconds, postgresCpuSeconds } = await reEvaluate(dataSource, { ...env, EVALUATION_CONCURRENCY: concurrency }, workers);
      const perIndicator = (cpuSeconds: number) => `${cpuSeconds.toFixed(1)} s (${Math.round((cpuSeconds * 1e6) / indicators)} µs/indicator)`;
      rows.push(`| re-evaluate, ${workers} worker process${workers > 1 ? 'es' : ''} (concurrency ${concurrency}) | ${indicators} indicators / ${PROJECTS} projects | ${seconds.toFixed(1)} s | ${Math.round(indicators / seconds)} indicators/s (${Math.round(PROJECTS / seconds)} projects/s) | ${perIndicator(workerCpuSeconds)} | ${perIndicator(postgresCpuSeconds)} | ${readyRssMb} MB | ${rssMb} MB |`);
      console.log(rows.at(-1));
    }
    console.log(
      [
        '',
        '| run | size | time | rate | worker CPU | Postgres CPU | worker RSS when ready | worker peak RSS |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
      ].join('\n'),
    );
  } finally {
    await dataSource.destroy();
    await dropScratch(ADMIN_URL, REDIS_URL, runId);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
