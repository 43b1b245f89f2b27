import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { Client } from 'pg';
import { migrate } from '../src/cli/migrate';
import { backendCpuMs, backendCpuSpentMs, processCpuMs } from './lib/process-cpu';
import { ADMIN_URL, dropScratch, REDIS_URL } from './lib/scratch';
import { PROJECTS_PER_UNIT, syntheticDocument, type SyntheticLayout } from './lib/synthetic-document';

const DIST = join(__dirname, '..', 'src');
const LAYOUTS: readonly SyntheticLayout[] = ['numbered', 'inline'];
const UPLOADS_IN_FLIGHT = 4;
const POLL_MS = 100;
const BASELINE_TABLES = ['projects', 'indicators'];

interface Options {
  documents: number;
  projectsPerDocument: number;
  workers: number;
  concurrency: number;
}

function options(argv: string[]): Options {
  const value = (name: string, fallback: number) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? Number(argv[at + 1]) : fallback;
  };
  return {
    documents: value('documents', 200),
    projectsPerDocument: value('projects', 500),
    workers: value('workers', 1),
    concurrency: value('concurrency', 2),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** kB from /proc/<pid>/status, e.g. VmRSS or VmHWM (the peak); 0 once the process is gone. */
function procStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Documents as units and departments publish them: many files of a few hundred projects, both seed layouts. */
async function writeDocuments(dir: string, { documents, projectsPerDocument }: Options): Promise<string[]> {
  const files: string[] = [];
  for (let index = 0; index < documents; index++) {
    const layout = LAYOUTS[index % LAYOUTS.length];
    const file = join(dir, `unit-${String(index).padStart(4, '0')}-${layout}.tsv`);
    // Each document its own units, as each unit publishes its own table.
    await writeFile(file, syntheticDocument({ layout, projects: projectsPerDocument, seed: index + 1, firstUnit: index * Math.ceil(projectsPerDocument / PROJECTS_PER_UNIT) + 1 }));
    files.push(file);
  }
  return files;
}

function startProcess(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [join(DIST, script)], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (code !== null && code !== 0) console.error(`${script} exited with ${code ?? signal}`);
  });
  return child;
}

async function waitForHealth(baseUrl: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const ok = await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`API at ${baseUrl} did not become healthy`);
}

/** An admin token, made the way an operator makes one: `jixiao token create`. */
function adminToken(env: NodeJS.ProcessEnv): string {
  const cli = join(DIST, 'cli', 'main.js');
  const args = [cli, 'token', 'create', '--role', 'admin', '--name', 'bench-import'];
  return execFileSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

async function upload(baseUrl: string, token: string, file: string): Promise<void> {
  const form = new FormData();
  form.append('file', new Blob([await readFile(file)]), file.slice(file.lastIndexOf('/') + 1));
  const response = await fetch(`${baseUrl}/imports`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 202) throw new Error(`POST /imports ${file}: ${response.status} ${await response.text()}`);
}

async function uploadAll(baseUrl: string, token: string, files: string[]): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < files.length) await upload(baseUrl, token, files[next++]);
  };
  await Promise.all(Array.from({ length: UPLOADS_IN_FLIGHT }, lane));
}

async function waitForImports(db: Client, expected: number, onTick: () => void): Promise<void> {
  for (;;) {
    onTick();
    const [{ done, failed }] = (
      await db.query(
        `SELECT count(*) FILTER (WHERE status IN ('succeeded', 'failed'))::int AS done,
                count(*) FILTER (WHERE status = 'failed')::int AS failed FROM imports`,
      )
    ).rows;
    if (failed > 0) {
      const { rows } = await db.query(`SELECT "fileName", "errorCode", "errorMessage" FROM imports WHERE status = 'failed' LIMIT 3`);
      throw new Error(`imports failed: ${JSON.stringify(rows)}`);
    }
    if (done === expected) return;
    await sleep(POLL_MS);
  }
}

/** psql moves the bytes of COPY … TO/FROM STDOUT/STDIN without going through this process's memory. */
function psql(url: string, sql: string, io: { stdin?: string; stdout?: string }): Promise<void> {
  const child = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql], {
    stdio: [io.stdin ? 'pipe' : 'ignore', io.stdout ? 'pipe' : 'ignore', 'inherit'],
  });
  if (io.stdin) createReadStream(io.stdin).pipe(child.stdin!);
  if (io.stdout) child.stdout!.pipe(createWriteStream(io.stdout));
  return once(child, 'exit').then(([code]) => {
    if (code !== 0) throw new Error(`psql ${sql}: exit ${code}`);
  });
}

/** Dumps the rows the pipeline stored, in COPY's text format, for the baselines to load. */
async function dumpStoredRows(url: string, dir: string): Promise<void> {
  for (const table of BASELINE_TABLES) await psql(url, `COPY "${table}" TO STDOUT`, { stdout: join(dir, `${table}.copy`) });
}

/**
 * A baseline: the dumped rows COPYed into scratch tables with the same columns, timed from the first COPY to the
 * last. Bare tables are the brief's baseline; with `keys` they also get the real tables' indexes and the
 * indicators → projects foreign key, the cost any store into this schema pays.
 */
async function copyBaseline(db: Client, url: string, dir: string, keys: boolean): Promise<number> {
  const scratch = (table: string) => `bench_${keys ? 'keyed' : 'bare'}_${table}`;
  for (const table of BASELINE_TABLES) {
    await db.query(`CREATE TABLE "${scratch(table)}" (LIKE "${table}" INCLUDING DEFAULTS ${keys ? 'INCLUDING INDEXES' : ''})`);
  }
  if (keys) {
    await db.query(
      `ALTER TABLE "${scratch('indicators')}" ADD FOREIGN KEY ("projectId") REFERENCES "${scratch('projects')}" ("id") ON DELETE CASCADE`,
    );
  }
  const start = process.hrtime.bigint();
  for (const table of BASELINE_TABLES) await psql(url, `COPY "${scratch(table)}" FROM STDIN`, { stdin: join(dir, `${table}.copy`) });
  return seconds(start);
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const runId = `jixiao_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${runId}`;
  const databaseUrl = url.toString();
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-bench-'));
  const children: ChildProcess[] = [];
  const db = new Client({ connectionString: databaseUrl });
  const cleanUp = async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? once(child, 'exit') : undefined)));
    await db.end().catch(() => undefined);
    await dropScratch(ADMIN_URL, REDIS_URL, runId);
    await rm(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

  try {
    process.env.DATABASE_URL = databaseUrl;
    await migrate();
    await db.connect();
    const files = await writeDocuments(dir, opts);

    const port = await freePort();
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      REDIS_PREFIX: runId,
      PORT: String(port),
      HOST: '127.0.0.1',
      RATE_LIMIT_PER_MINUTE: '1000000',
      IMPORT_CONCURRENCY: String(opts.concurrency),
      LOG_LEVEL: 'warn',
    };
    const baseUrl = `http://127.0.0.1:${port}`;
    const token = adminToken(env);
    children.push(startProcess('main.js', env));
    const workers = Array.from({ length: opts.workers }, () => startProcess('worker.js', env));
    children.push(...workers);
    await waitForHealth(baseUrl);

    let peakRssKb = 0;
    const sampleRss = () => {
      for (const worker of workers) peakRssKb = Math.max(peakRssKb, procStatusKb(worker.pid!, 'VmRSS'));
    };
    const cpuMs = async (children: ChildProcess[]) => (await Promise.all(children.map((child) => processCpuMs(child.pid!)))).reduce<number>((sum, ms) => sum + (ms ?? 0), 0);
    const [api] = children;
    const [workerCpuBefore, apiCpuBefore, postgresCpuBefore] = [await cpuMs(workers), await cpuMs([api]), await backendCpuMs(runId)];
    const start = process.hrtime.bigint();
    await Promise.all([uploadAll(baseUrl, token, files), waitForImports(db, files.length, sampleRss)]);
    const pipelineSeconds = seconds(start);
    const workerCpuMs = (await cpuMs(workers)) - workerCpuBefore;
    const apiCpuMs = (await cpuMs([api])) - apiCpuBefore;
    const postgresCpuMs = backendCpuSpentMs(postgresCpuBefore, await backendCpuMs(runId));
    for (const worker of workers) peakRssKb = Math.max(peakRssKb, procStatusKb(worker.pid!, 'VmHWM'));

    const [counts] = (
      await db.query(`SELECT (SELECT count(*) FROM projects)::int AS projects, (SELECT count(*) FROM indicators)::int AS indicators,
                             (SELECT count(*) FROM flags)::int AS flags,
                             (SELECT sum(extract(epoch FROM "finishedAt" - "startedAt")) FROM imports)::float AS busy`)
    ).rows;
    await dumpStoredRows(databaseUrl, dir);
    const bareSeconds = await copyBaseline(db, databaseUrl, dir, false);
    const keyedSeconds = await copyBaseline(db, databaseUrl, dir, true);

    const line = (what: string, s: number) =>
      console.log(`| ${what} | ${s.toFixed(1)} | ${Math.round(counts.indicators / s).toLocaleString('en')} | ${((bareSeconds / s) * 100).toFixed(1)}% |`);
    console.log(
      `${opts.documents} documents × ${opts.projectsPerDocument} projects: ${counts.projects} projects, ` +
        `${counts.indicators} indicators, ${counts.flags} flags; ${opts.workers} worker(s) × concurrency ${opts.concurrency}`,
    );
    console.log('| what | seconds | indicators/s | of bare COPY |');
    console.log('| --- | ---: | ---: | ---: |');
    line('baseline: COPY the project and indicator rows into bare scratch tables', bareSeconds);
    line('COPY the same rows into scratch tables with the real indexes and foreign key', keyedSeconds);
    line('POST /imports → BullMQ → worker: parse, review, store (with flags)', pipelineSeconds);
    console.log(`worker peak RSS: ${(peakRssKb / 1024).toFixed(0)} MB; import jobs busy ${counts.busy.toFixed(1)} s in all`);
    const cpu = (label: string, ms: number) => `${label} ${(ms / 1000).toFixed(1)} s (${((ms * 1000) / counts.indicators).toFixed(1)} µs/indicator)`;
    console.log(`CPU during the pipeline: ${cpu('workers', workerCpuMs)}, ${cpu('API', apiCpuMs)}, ${cpu('Postgres', postgresCpuMs)}`);
  } finally {
    await cleanUp();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
