import autocannon from 'autocannon';
import { Queue } from 'bullmq';
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { hashToken } from '../src/auth/tokens.service';
import { migrate } from '../src/cli/migrate';
import { EVALUATION_QUEUE } from '../src/evaluation/evaluation.queue';
import { redisOptions } from '../src/queue/queue.module';
import { backendCpuMs, backendCpuSpentMs } from './lib/process-cpu';
import { ADMIN_URL, dropScratch, REDIS_URL } from './lib/scratch';
import { percentile, probeScoreLatency } from './lib/score-latency';
import { spawnWorker, stopWorker, waitForWorkers } from './worker-processes';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = 50;
const INDICATORS = 10_000;
/** ~10 indicators per project, as in the published tables; writers of one project serialise on its project_scores row. */
const PROJECTS = 1_000;
const PORT = 3900 + Math.floor(Math.random() * 90);
const ORIGIN = `http://127.0.0.1:${PORT}`;

interface Figures {
  route: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU time (user + system) of the API process per request: comparable when req/s is not, on a busy machine. */
  cpuMsPerRequest: number;
  /** CPU time of the API's Postgres backends per request (Linux /proc; backends that exit mid-run are missed). */
  postgresCpuMsPerRequest: number;
  /** 1-minute load average at the start and the end of the run. */
  load: [number, number];
}

interface Indicator {
  indicatorId: string;
  projectId: string;
}

/**
 * One API process (Fastify, real Postgres and Redis, a throwaway database and Redis prefix) driven by 50
 * autocannon clients: the bare baseline route, GET /health and PUT /indicators/:id/actuals/:period, each for
 * BENCH_SECONDS; then one 10 000-row PUT /units/:id/actuals/:period; then, with one evaluation worker process
 * running, the same PUT load again while a probe times single writes until their project's score is updated.
 */
async function main(): Promise<void> {
  const runId = `jixiao_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${runId}`;
  const env = { DATABASE_URL: url.toString(), REDIS_URL, REDIS_PREFIX: runId, PORT: String(PORT), RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'error' };
  Object.assign(process.env, env);
  let server: ChildProcess | undefined;
  try {
    await migrate();
    const { token, unitId, indicators } = await seed(env.DATABASE_URL);
    const indicatorIds = indicators.map((indicator) => indicator.indicatorId);
    server = await startServer(env);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    let next = 0;
    const putLoad = {
      method: 'PUT',
      requests: [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, path: `/indicators/${indicatorIds[next++ % INDICATORS]}/actuals/2025-H1`, body: JSON.stringify({ value: next % 500 }) }) }],
    };
    const results: Figures[] = [];
    for (const [route, options] of [
      ['POST /bench/baseline (validate + 1 INSERT)', { method: 'POST', url: `${ORIGIN}/bench/baseline`, body: JSON.stringify({ value: 42.5, note: '基线' }) }],
      ['GET /health (public, SELECT 1 + Redis PING)', { method: 'GET', url: `${ORIGIN}/health` }],
      ['PUT /indicators/:id/actuals/:period', putLoad],
    ] as const) {
      await run({ ...options, headers: auth }, 3); // warm-up
      const [cpuBefore, postgresBefore, loadBefore] = [await serverCpu(server), await backendCpuMs(runId), loadavg()[0]];
      const figures = await run({ ...options, headers: auth }, SECONDS);
      const cpuMs = (cpuTotal(await serverCpu(server)) - cpuTotal(cpuBefore)) / 1000;
      const postgresMs = backendCpuSpentMs(postgresBefore, await backendCpuMs(runId));
      results.push({
        route,
        ...figures,
        cpuMsPerRequest: cpuMs / figures.requests,
        postgresCpuMsPerRequest: postgresMs / figures.requests,
        load: [loadBefore, loadavg()[0]],
      });
    }
    const bulkMs = [await timeBulk(auth, unitId, indicatorIds), await timeBulk(auth, unitId, indicatorIds)];
    console.log(`load average after the bulk: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const scoreLatency = await timeScoreUnderLoad(env, auth, indicators, () => run({ ...putLoad, headers: auth }, SECONDS));
    report(results, bulkMs, scoreLatency);
  } finally {
    server?.kill('SIGTERM');
    await dropScratch(ADMIN_URL, REDIS_URL, runId);
  }
}

function serverCpu(server: ChildProcess): Promise<NodeJS.CpuUsage> {
  return new Promise((resolve) => {
    const answer = (message: unknown) => {
      if (typeof message === 'object' && message !== null && 'cpu' in message) {
        server.off('message', answer);
        resolve((message as { cpu: NodeJS.CpuUsage }).cpu);
      }
    };
    server.on('message', answer);
    server.send('cpu');
  });
}

const cpuTotal = ({ user, system }: NodeJS.CpuUsage) => user + system;

type RunFigures = Pick<Figures, 'requests' | 'rps' | 'p50' | 'p99' | 'errors'>;

async function run(options: Record<string, unknown>, seconds: number): Promise<RunFigures> {
  const result = await autocannon({ url: ORIGIN, connections: CONNECTIONS, duration: seconds, ...options });
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/**
 * With one evaluation worker process: drains the evaluations the earlier phases queued, then runs `load` while
 * probing PUT → updated score one write at a time.
 */
async function timeScoreUnderLoad(
  env: Record<string, string>,
  headers: Record<string, string>,
  targets: Indicator[],
  load: () => Promise<RunFigures>,
): Promise<{ latencies: number[]; load: RunFigures }> {
  const queue = new Queue(EVALUATION_QUEUE, { connection: redisOptions(REDIS_URL), prefix: env.REDIS_PREFIX });
  const worker = spawnWorker(env);
  try {
    await waitForWorkers(queue, 1);
    while (Object.values(await queue.getJobCounts('waiting', 'prioritized', 'active')).some((count) => count > 0)) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const running = load();
    const latencies = await probeScoreLatency({ origin: ORIGIN, headers, period: '2025-H1', targets }, running);
    return { latencies, load: await running };
  } finally {
    await stopWorker(worker);
    await queue.close();
  }
}

async function seed(databaseUrl: string): Promise<{ token: string; unitId: string; indicators: Indicator[] }> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const [unit] = (await db.query(`INSERT INTO units (code, name) VALUES ('bench', '基准测试单位') RETURNING id`)).rows;
    const projects = (
      await db.query(`INSERT INTO projects (name, year, "unitId") SELECT '基准项目' || n, 2025, $1 FROM generate_series(1, $2::int) AS n RETURNING id`, [unit.id, PROJECTS])
    ).rows.map((p: { id: string }) => p.id);
    await db.query(
      `INSERT INTO indicators ("projectId", position, level1, level2, name, "annualRaw", "annualKind", "annualComparator", "annualValue", "annualUnit")
       SELECT p.id, n, '产出指标', '数量指标', '指标' || n, '≥100个', 'quantitative', 'gte', 100, '个'
         FROM unnest($1::uuid[]) AS p(id), generate_series(0, $2::int - 1) AS n`,
      [projects, INDICATORS / projects.length],
    );
    // Consecutive requests go to different projects, as concurrent clerks mostly do.
    const indicators = await db.query(`SELECT id AS "indicatorId", "projectId" FROM indicators ORDER BY position, "projectId"`);
    const token = `jx_${randomBytes(32).toString('base64url')}`;
    await db.query(`INSERT INTO api_tokens (name, "tokenHash", role, "unitIds") VALUES ('bench', $1, 'unit', $2)`, [hashToken(token), [unit.id]]);
    return { token, unitId: unit.id, indicators: indicators.rows };
  } finally {
    await db.end();
  }
}

function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = fork(join(__dirname, 'entry-server.js'), { env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`API process exited with ${code}`)));
  });
}

async function timeBulk(headers: Record<string, string>, unitId: string, indicatorIds: string[]): Promise<number> {
  const body = JSON.stringify(indicatorIds.map((indicatorId, i) => ({ indicatorId, value: i % 1000 })));
  const started = performance.now();
  const response = await fetch(`${ORIGIN}/units/${unitId}/actuals/2025`, { method: 'PUT', headers, body });
  const elapsed = performance.now() - started;
  const result = (await response.json()) as { written?: number };
  if (result.written !== indicatorIds.length) throw new Error(`bulk wrote ${JSON.stringify(result).slice(0, 300)}`);
  return Math.round(elapsed);
}

function report(results: Figures[], [firstMs, againMs]: number[], scoreLatency: { latencies: number[]; load: RunFigures }): void {
  const baseline = results[0].rps;
  console.log(
    `\n${CONNECTIONS} connections × ${SECONDS} s each, one API process, ${PROJECTS} projects × ${INDICATORS / PROJECTS} indicators; ` +
      `${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} cores\n`,
  );
  console.log('| route | requests | req/s | vs baseline | p50 ms | p99 ms | errors | API CPU ms/req | Postgres CPU ms/req | load avg start → end |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    const load = r.load.map((l) => l.toFixed(1)).join(' → ');
    console.log(
      `| ${r.route} | ${r.requests} | ${r.rps} | ${Math.round((100 * r.rps) / baseline)}% | ${r.p50} | ${r.p99} | ${r.errors} | ${r.cpuMsPerRequest.toFixed(2)} | ${r.postgresCpuMsPerRequest.toFixed(2)} | ${load} |`,
    );
  }
  console.log(`\n10 000-row PUT /units/:id/actuals/:period (one request, one transaction): first ${firstMs} ms (new actuals), again ${againMs} ms (updates)`);
  const { latencies, load } = scoreLatency;
  const at = (fraction: number) => Math.round(percentile(latencies, fraction));
  console.log(
    `\nPUT → updated project score, one evaluation worker process, under the PUT load (${load.rps} req/s, p99 ${load.p99} ms): ` +
      `${latencies.length} probes, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
