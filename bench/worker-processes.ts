import type { Queue } from 'bullmq';
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const REPOSITORY = __dirname.endsWith(join('dist', 'bench')) ? join(__dirname, '..', '..') : join(__dirname, '..');
/** The compiled worker (`npm run build`), as `npm run start:worker` runs it, whether this file runs compiled or under ts-jest. */
export const WORKER_ENTRY = join(REPOSITORY, 'dist', 'src', 'worker.js');

export function spawnWorker(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [WORKER_ENTRY], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
}

export async function waitForWorkers(queue: Queue, count: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await queue.getWorkersCount()) < count) {
    if (Date.now() > deadline) throw new Error(`${count} worker(s) did not connect within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Peak resident set size of a live process, in MB (Linux `VmHWM`). */
export function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

export async function stopWorker(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}
