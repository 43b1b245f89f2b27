import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.module';
import {
  EVALUATION_QUEUE,
  EvaluateYearData,
  EvaluationJob,
  EvaluationJobName,
  PAST_DEADLINES_SCHEDULE,
  SCHEDULED_JOB_OPTIONS,
  evaluateBatchJob,
  evaluateChangedJob,
} from './evaluation.queue';
import { Evaluator } from './evaluator.service';
import { markScoredBeforePastDeadlines } from './past-deadlines';

const PROJECTS_PER_BATCH = 250;
const BATCH_JOBS_PER_ADD_BULK = 100;
/** An `evaluate-changed` job hands over to a follow-up after this long, so a steady stream of writes cannot hold a slot. */
const CHANGED_JOB_BUDGET_MS = 10_000;

/** Matches `IDX_project_scores_stale`'s predicate, so the index serves these reads. */
const STALE = '("computedAt" IS NULL OR "inputsChangedAt" > "computedAt")';

type EvaluationQueue = Queue<EvaluationJob['data'], unknown, EvaluationJob['name']>;

@Processor(EVALUATION_QUEUE)
export class EvaluationProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(EvaluationProcessor.name);

  constructor(
    private readonly evaluator: Evaluator,
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

  /**
   * The sweeps for stale scores and for deadlines passed, run at start and then on their schedules. Every worker
   * upserts the same schedulers (their ids are the job names), so each runs once per interval however many run.
   */
  private async scheduleSweeps(): Promise<void> {
    await this.queue.upsertJobScheduler(
      EvaluationJobName.SweepStale,
      { every: this.config.get('EVALUATION_SWEEP_MS', { infer: true }) },
      { name: EvaluationJobName.SweepStale, data: {}, opts: SCHEDULED_JOB_OPTIONS },
    );
    await this.queue.upsertJobScheduler(EvaluationJobName.MarkPastDeadlines, PAST_DEADLINES_SCHEDULE, {
      name: EvaluationJobName.MarkPastDeadlines,
      data: {},
      opts: SCHEDULED_JOB_OPTIONS,
    });
    await this.markPastDeadlines();
    await this.sweepStale();
  }

  async process(job: Job<EvaluationJob['data'], unknown, EvaluationJob['name']>): Promise<unknown> {
    const typed = job as unknown as EvaluationJob;
    switch (typed.name) {
      case EvaluationJobName.EvaluateChanged:
        return { projects: await this.evaluateChanged(typed.data.period) };
      case EvaluationJobName.EvaluateBatch:
        return this.evaluator.evaluate(typed.data.projectIds, typed.data.period);
      case EvaluationJobName.EvaluateYear:
        return { batches: await this.fanOut(typed.data) };
      case EvaluationJobName.SweepStale:
        return { enqueued: await this.sweepStale() };
      case EvaluationJobName.MarkPastDeadlines:
        return { marked: await this.markPastDeadlines() };
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

  /**
   * Scores the period's stale projects, earliest change first, a batch at a time, until none is left. A batch that
   * fails is scored project by project, so one project that cannot be scored holds up only itself: the job then
   * fails naming it (and is retried, and listed by GET /evaluations/failed) after the others are scored.
   */
  private async evaluateChanged(period: string): Promise<number> {
    const started = Date.now();
    const failed = new Map<string, string>();
    let projects = 0;
    for (;;) {
      const stale = (await this.staleProjects(period, PROJECTS_PER_BATCH + failed.size)).filter((id) => !failed.has(id));
      if (stale.length === 0) break;
      if (Date.now() - started > CHANGED_JOB_BUDGET_MS) {
        await this.requestChanged(period);
        break;
      }
      try {
        await this.evaluator.evaluate(stale, period);
      } catch {
        for (const projectId of stale) {
          await this.evaluator.evaluate([projectId], period).catch((error: Error) => failed.set(projectId, error.message));
        }
      }
      projects += stale.filter((id) => !failed.has(id)).length;
    }
    if (failed.size > 0) {
      throw new Error(`${failed.size} project(s) not scored for ${period}: ${[...failed].map(([id, message]) => `${id}: ${message}`).join('; ')}`);
    }
    return projects;
  }

  private async staleProjects(period: string, limit: number): Promise<string[]> {
    const rows: { projectId: string }[] = await this.dataSource.query(
      `SELECT "projectId" FROM project_scores WHERE ${STALE} AND period = $1 ORDER BY "inputsChangedAt" LIMIT $2`,
      [period, limit],
    );
    return rows.map((row) => row.projectId);
  }

  private async requestChanged(period: string): Promise<void> {
    const job = evaluateChangedJob(period);
    await this.queue.add(job.name, job.data, job.opts);
  }

  /** Scores computed before an entry deadline that has passed since: see markScoredBeforePastDeadlines. */
  private async markPastDeadlines(): Promise<number> {
    const marked = await markScoredBeforePastDeadlines(this.dataSource);
    for (const period of marked.keys()) await this.requestChanged(period);
    const count = [...marked.values()].reduce((sum, projects) => sum + projects, 0);
    if (count > 0) this.logger.log(`${count} score(s) computed before an entry deadline now past, in ${marked.size} period(s), enqueued`);
    return count;
  }

  /** Periods with projects whose inputs changed after their last score, e.g. because Redis was down when they were saved. */
  private async sweepStale(): Promise<number> {
    const rows: { period: string; projects: string }[] = await this.dataSource.query(
      `SELECT period, count(*) AS projects FROM project_scores WHERE ${STALE} GROUP BY period`,
    );
    for (const { period } of rows) await this.requestChanged(period);
    const count = rows.reduce((sum, row) => sum + Number(row.projects), 0);
    if (count > 0) this.logger.log(`sweep: ${count} stale project score(s) in ${rows.length} period(s) enqueued`);
    return count;
  }
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
