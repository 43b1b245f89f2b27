import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { EVALUATION_QUEUE, EvaluationJob, evaluateChangedJob } from './evaluation.queue';

const ENQUEUE_TIMEOUT_MS = 2_000;

/**
 * Records that a project's inputs changed inside the writer's transaction (`clock_timestamp()`, so a worker
 * that scored the project before this commit is seen as stale), which the sweeper trusts.
 */
export async function markInputsChanged(manager: EntityManager, projectIds: readonly string[], period: string): Promise<void> {
  if (projectIds.length === 0) return;
  await manager.query(
    `INSERT INTO project_scores ("projectId", period, "inputsChangedAt")
     SELECT DISTINCT id, $2::varchar, clock_timestamp() FROM unnest($1::uuid[]) AS id
     ON CONFLICT ("projectId", period) DO UPDATE SET "inputsChangedAt" = EXCLUDED."inputsChangedAt"`,
    [projectIds, period],
  );
}

/** What writers of scoring inputs call: `markChanged` in their transaction, `enqueue` after it commits. */
@Injectable()
export class EvaluationTrigger {
  private readonly logger = new Logger(EvaluationTrigger.name);

  constructor(@InjectQueue(EVALUATION_QUEUE) private readonly queue: Queue<EvaluationJob['data'], unknown, EvaluationJob['name']>) {}

  markChanged(manager: EntityManager, projectIds: string[], period: string): Promise<void> {
    return markInputsChanged(manager, projectIds, period);
  }

  /**
   * Asks for the period's changed projects (marked by `markChanged`) to be scored. Never throws: when Redis is
   * unreachable the change is already durable and the sweeper enqueues it later.
   */
  async enqueue(projectIds: readonly string[], period: string): Promise<void> {
    if (projectIds.length === 0) return;
    const job = evaluateChangedJob(period);
    try {
      await withTimeout(this.queue.add(job.name, job.data, job.opts), ENQUEUE_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn(`evaluation not enqueued for ${projectIds.length} project(s), period ${period}; the sweeper will: ${(error as Error).message}`);
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
