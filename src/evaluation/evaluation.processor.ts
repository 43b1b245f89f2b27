import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.module';
import { EvaluationTrigger } from './evaluation-trigger';
import {
  EVALUATION_QUEUE,
  EvaluateYearData,
  EvaluationJob,
  EvaluationJobName,
  evaluateBatchJob,
} from './evaluation.queue';
import { Evaluator } from './evaluator.service';

const PROJECTS_PER_BATCH = 250;
const BATCH_JOBS_PER_ADD_BULK = 100;
const STALE_PER_SWEEP = 100_000;

type EvaluationQueue = Queue<EvaluationJob['data'], unknown, EvaluationJob['name']>;

@Processor(EVALUATION_QUEUE)
export class EvaluationProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(EvaluationProcessor.name);

  constructor(
    private readonly evaluator: Evaluator,
    private readonly trigger: EvaluationTrigger,
    @InjectQueue(EVALUATION_QUEUE) private readonly queue: EvaluationQueue,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ConfigService) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker.concurrency = this.config.get('EVALUATION_CONCURRENCY', { infer: true });
    await this.scheduleSweeps();
    // A Redis that comes back may have lost the scheduler (no persistence) and missed writes: schedule and sweep again.
    (await this.queue.client).on('ready', () => void this.scheduleSweeps().catch((error: Error) => this.logger.warn(`sweep: ${error.message}`)));
  }

  /** Every worker upserts the same scheduler (its id is the job name), so there is one sweep per interval however many run. */
  private async scheduleSweeps(): Promise<void> {
    await this.queue.upsertJobScheduler(
      EvaluationJobName.SweepStale,
      { every: this.config.get('EVALUATION_SWEEP_MS', { infer: true }) },
      { name: EvaluationJobName.SweepStale, data: {}, opts: { removeOnComplete: 10, removeOnFail: 100 } },
    );
    await this.sweepStale();
  }

  async process(job: Job<EvaluationJob['data'], unknown, EvaluationJob['name']>): Promise<unknown> {
    const typed = job as unknown as EvaluationJob;
    switch (typed.name) {
      case EvaluationJobName.EvaluateProject:
        return this.evaluator.evaluate([typed.data.projectId], typed.data.period);
      case EvaluationJobName.EvaluateBatch:
        return this.evaluator.evaluate(typed.data.projectIds, typed.data.period);
      case EvaluationJobName.EvaluateYear:
        return { batches: await this.fanOut(typed.data) };
      case EvaluationJobName.SweepStale:
        return { enqueued: await this.sweepStale() };
      default: {
        const unknownJob: never = typed;
        throw new Error(`unknown job ${String((unknownJob as EvaluationJob).name)}`);
      }
    }
  }

  /**
   * Splits a year (or one department of it) into batch jobs, added in chunks. Batches follow units, so batches
   * running side by side rarely wait for each other's lock on a unit's scorecard row.
   */
  private async fanOut({ year, departmentId, period = String(year) }: EvaluateYearData): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM projects WHERE year = $1 AND ($2::uuid IS NULL OR "departmentId" = $2) ORDER BY "unitId", id`,
      [year, departmentId ?? null],
    );
    const batches = chunk(rows.map((row) => row.id), PROJECTS_PER_BATCH).map((projectIds) => evaluateBatchJob({ projectIds, period }));
    for (const slice of chunk(batches, BATCH_JOBS_PER_ADD_BULK)) await this.queue.addBulk(slice);
    return batches.length;
  }

  /** Projects whose inputs changed after their last score, e.g. because Redis was down when they were saved. */
  private async sweepStale(): Promise<number> {
    const rows: { period: string; projectIds: string[] }[] = await this.dataSource.query(
      `SELECT period, array_agg("projectId") AS "projectIds" FROM (
         SELECT "projectId", period FROM project_scores
         WHERE "computedAt" IS NULL OR "inputsChangedAt" > "computedAt" LIMIT $1) stale
       GROUP BY period`,
      [STALE_PER_SWEEP],
    );
    for (const { period, projectIds } of rows) await this.trigger.enqueue(projectIds, period);
    const count = rows.reduce((sum, row) => sum + row.projectIds.length, 0);
    if (count > 0) this.logger.log(`sweep: ${count} stale project score(s) enqueued`);
    return count;
  }
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
