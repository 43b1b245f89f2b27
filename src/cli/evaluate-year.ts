import { getQueueToken } from '@nestjs/bullmq';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import type { EvaluateYearData } from '../evaluation/evaluation.queue';
import { EVALUATION_QUEUE, evaluateYearJob } from '../evaluation/evaluation.queue';
import { CliModule } from './cli.module';

const POLL_MS = 250;

export interface EvaluationProgress {
  done: number;
  total: number;
}

/** Projects of the year (or department) whose score for the period was computed since `since`. */
export async function evaluationProgress(dataSource: DataSource, { year, departmentId, period = String(year) }: EvaluateYearData, since: Date): Promise<EvaluationProgress> {
  const [row] = await dataSource.query(
    `SELECT count(*)::int AS total, count(s."computedAt")::int AS done
     FROM projects p LEFT JOIN project_scores s ON s."projectId" = p.id AND s.period = $3 AND s."computedAt" >= $4
     WHERE p.year = $1 AND ($2::uuid IS NULL OR p."departmentId" = $2)`,
    [year, departmentId ?? null, period, since],
  );
  return row;
}

/** Enqueues an `evaluate-year` job for the running workers and follows it until every project is scored. */
export async function evaluateYear(request: EvaluateYearData, { progress = process.stderr.isTTY } = {}): Promise<EvaluationProgress> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  const dataSource = app.get(DataSource);
  const queue = app.get<Queue>(getQueueToken(EVALUATION_QUEUE));
  const bar = progress ? new SingleBar({ format: '评分 [{bar}] {value}/{total} 个项目 {eta_formatted}' }) : undefined;
  try {
    const since = new Date((await dataSource.query('SELECT now() AS now'))[0].now);
    const job = evaluateYearJob(request);
    await queue.add(job.name, job.data, job.opts);
    let state = await evaluationProgress(dataSource, request, since);
    bar?.start(state.total, state.done);
    while (state.done < state.total) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      state = await evaluationProgress(dataSource, request, since);
      bar?.update(state.done);
    }
    return state;
  } finally {
    bar?.stop();
    await app.close();
  }
}
