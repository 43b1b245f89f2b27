/**
 * 自评表 for N projects (default 1 000, spread over 40 units: one job per unit) rendered by 2 worker
 * processes, XLSX and PDF, against a scratch database filled by SQL. Prints wall seconds and the workers'
 * peak RSS beside a baseline from the same run: the same number of jobs for units with no project, which
 * costs the queue round trip and the row bookkeeping but no loading or rendering.
 * Usage: npm run build && npm run bench:reports [-- projects units workers]
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { migrate } from '../src/cli/migrate';
import { ADMIN_URL, dropScratch, REDIS_URL } from './lib/scratch';
import type { ReportFormat } from '../src/database/entities';
import { databaseOptions } from '../src/database/database.options';
import { redisOptions } from '../src/queue/queue.module';
import { ReportStore } from '../src/reports/report-store.service';
import { generateReportJob, REPORTS_QUEUE } from '../src/reports/reports.queue';

const YEAR = 2025;
const INDICATORS = `(VALUES
  (0, '产出指标', '数量指标', '培训人数', '≥390人', 'gte', 390, '人'),
  (1, '产出指标', '数量指标', '媒体宣传报道', '≥30篇', 'gte', 30, '篇'),
  (2, '产出指标', '质量指标', '交办任务完成率', '100%', 'gte', 100, '%'),
  (3, '产出指标', '时效指标', '资金拨付及时率', '≥95%', 'gte', 95, '%'),
  (4, '产出指标', '成本指标', '人均培训成本', '≤4000元/人', 'lte', 4000, '元/人'),
  (5, '效益指标', '社会效益指标', '帮扶镇村集体经济收入增长率', '≥5%', 'gte', 5, '%'),
  (6, '效益指标', '可持续影响指标', '长效机制覆盖镇村数', '≥12个', 'gte', 12, '个'),
  (7, '满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%', 'gte', 90, '%'))
  AS t(position, level1, level2, name, raw, comparator, value, unit)`;

interface Phase {
  label: string;
  seconds: number;
  peakRssMb: number;
  ready: number;
  failed: number;
}

async function fill(db: DataSource, projects: number, units: number): Promise<{ withProjects: string[]; empty: string[] }> {
  const [{ id: departmentId }] = await db.query(`INSERT INTO departments (name) VALUES ('基准部门') RETURNING id`);
  const unitRows: { id: string; name: string }[] = await db.query(
    `INSERT INTO units (name, "departmentId") SELECT '基准单位' || lpad(g::text, 3, '0'), $1 FROM generate_series(1, $2) g RETURNING id, name`,
    [departmentId, units * 2],
  );
  const [withProjects, empty] = [unitRows.slice(0, units).map((u) => u.id), unitRows.slice(units).map((u) => u.id)];
  await db.query(
    `INSERT INTO projects ("unitId", "departmentId", year, name, amount, "fundingFiscal", goal, "sourceRow")
     SELECT ($3::uuid[])[1 + g % $2], $4, $5, '基准项目' || g || '：乡村振兴驻镇帮镇扶村工作经费', 9620000 + g * 100, 9620000,
            '通过工作经费保障，完成年度帮扶任务，媒体宣传报道和培训均达到年度目标。', g
     FROM generate_series(1, $1) g`,
    [projects, units, withProjects, departmentId, YEAR],
  );
  await db.query(
    `INSERT INTO indicators ("projectId", position, level1, level2, name, "annualRaw", "annualKind", "annualComparator", "annualValue", "annualUnit")
     SELECT p.id, t.position, t.level1, t.level2, t.name, t.raw, 'quantitative', t.comparator::target_comparator, t.value, t.unit
     FROM projects p CROSS JOIN ${INDICATORS}`,
  );
  await db.query(
    `INSERT INTO actuals ("indicatorId", "projectId", period, value, "deviationText", version)
     SELECT i.id, i."projectId", $1, round(i."annualValue" * 0.93, 2), CASE WHEN i.position % 2 = 0 THEN '部分任务延至次年完成，已制定补救计划。' END, 1
     FROM indicators i`,
    [String(YEAR)],
  );
  await db.query(
    `INSERT INTO evaluations ("indicatorId", "projectId", period, status, ratio, score, weight)
     SELECT i.id, i."projectId", $1, 'scored', 0.93, 10 * 0.93, 10 FROM indicators i`,
    [String(YEAR)],
  );
  await db.query(`INSERT INTO spending ("projectId", period, executed, version) SELECT id, $1, round(amount * 0.87, 2), 1 FROM projects`, [String(YEAR)]);
  await db.query(
    `INSERT INTO project_scores ("projectId", period, score, grade, "executionRate", "executionScore", "computedAt")
     SELECT id, $1, 91.3, '优', 87, 8.7, now() FROM projects`,
    [String(YEAR)],
  );
  return { withProjects, empty };
}

function startWorkers(count: number, env: NodeJS.ProcessEnv): ChildProcess[] {
  return Array.from({ length: count }, () => fork(join(__dirname, '..', 'src', 'worker.js'), [], { env, stdio: 'inherit' }));
}

/** VmHWM: the process's peak resident set since it started, in MB. */
function peakRssMb(worker: ChildProcess): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${worker.pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

async function runPhase(
  label: string,
  db: DataSource,
  queue: Queue,
  env: NodeJS.ProcessEnv,
  workerCount: number,
  unitIds: string[],
  formats: ReportFormat[],
): Promise<Phase> {
  const workers = startWorkers(workerCount, env);
  try {
    while ((await queue.getWorkers()).length < workerCount) await new Promise((resolve) => setTimeout(resolve, 100));
    const store = new ReportStore(db);
    const started = process.hrtime.bigint();
    for (const unitId of unitIds) {
      const data = { kind: 'self_evaluation' as const, unitId, period: String(YEAR), formats, scheduleId: null };
      await store.queue(data, 'bench');
      const job = generateReportJob(data);
      await queue.add(job.name, job.data, job.opts);
    }
    for (;;) {
      const [{ ready, failed, pending }] = await db.query(
        `SELECT count(*) FILTER (WHERE status = 'ready') AS ready, count(*) FILTER (WHERE status = 'failed') AS failed,
                count(*) FILTER (WHERE status IN ('queued', 'rendering')) AS pending
         FROM reports WHERE "unitId" = ANY($1::uuid[]) AND format = ANY($2::report_format[])`,
        [unitIds, formats],
      );
      if (Number(pending) === 0) {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const peakRss = Math.max(...workers.map(peakRssMb));
        return { label, seconds, peakRssMb: peakRss, ready: Number(ready), failed: Number(failed) };
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    for (const worker of workers) worker.kill('SIGTERM');
    await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('exit', resolve))));
  }
}

async function main(projects: number, units: number, workerCount: number): Promise<void> {
  const runId = `jixiao_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${runId}`;
  const env = { ...process.env, DATABASE_URL: url.toString(), REDIS_URL, REDIS_PREFIX: runId, LOG_LEVEL: 'warn' };
  process.env.DATABASE_URL = env.DATABASE_URL;
  await migrate();
  const db = await new DataSource(databaseOptions(env.DATABASE_URL)).initialize();
  const queue = new Queue(REPORTS_QUEUE, { connection: redisOptions(REDIS_URL), prefix: runId });
  try {
    const { withProjects, empty } = await fill(db, projects, units);
    const phases = [
      await runPhase('baseline: same jobs, units without projects', db, queue, env, workerCount, empty, ['xlsx']),
      await runPhase('自评表 XLSX', db, queue, env, workerCount, withProjects, ['xlsx']),
      await runPhase('自评表 PDF', db, queue, env, workerCount, withProjects, ['pdf']),
    ];
    console.log(`${projects} projects in ${units} units (one job each), ${workerCount} worker processes, Node ${process.version}`);
    console.log('| what | seconds | projects/s | peak RSS per worker (MB) | files ready / failed |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const phase of phases) {
      const rate = phase.label.startsWith('baseline') ? '—' : (projects / phase.seconds).toFixed(0);
      console.log(`| ${phase.label} | ${phase.seconds.toFixed(2)} | ${rate} | ${phase.peakRssMb.toFixed(0)} | ${phase.ready} / ${phase.failed} |`);
    }
  } finally {
    await queue.close();
    await db.destroy();
    await dropScratch(ADMIN_URL, REDIS_URL, runId);
  }
}


const [projects = 1000, units = 40, workers = 2] = process.argv.slice(2).map(Number);
main(projects, units, workers).catch((error) => {
  console.error(error);
  process.exit(1);
});
