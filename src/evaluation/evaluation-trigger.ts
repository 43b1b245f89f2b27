import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { EVALUATION_QUEUE, EvaluationJob, evaluateChangedJob } from './evaluation.queue';

const ENQUEUE_TIMEOUT_MS = 2_000;
const FLUSH_AFTER_MS = 20;

/**
 * The ON CONFLICT condition of a changed-mark: a row already stale keeps its mark. Its project is scored again
 * anyway, and the upsert still locks the row, so an evaluator holding it (or taking it after) reads this change.
 * Spares bursts of writes to one project an update of project_scores (three indexes) each.
 */
export const UNLESS_ALREADY_STALE = `WHERE project_scores."computedAt" IS NOT NULL AND project_scores."inputsChangedAt" <= project_scores."computedAt"`;

/**
 * Records that a project's inputs changed inside the writer's transaction (`clock_timestamp()`, so a worker
 * that scored the project before this commit is seen as stale), which the sweeper trusts. The update takes its own
 * `clock_timestamp()`, read after any wait for an evaluator's lock on the row: EXCLUDED's was read before the wait,
 * earlier than that evaluator's `computedAt`, and the change would look scored.
 */
export async function markInputsChanged(manager: EntityManager, projectIds: readonly string[], period: string): Promise<void> {
  if (projectIds.length === 0) return;
  await manager.query(
    `INSERT INTO project_scores ("projectId", period, "inputsChangedAt")
     SELECT DISTINCT id, $2::varchar, clock_timestamp() FROM unnest($1::uuid[]) AS id
     ON CONFLICT ("projectId", period) DO UPDATE SET "inputsChangedAt" = clock_timestamp() ${UNLESS_ALREADY_STALE}`,
    [projectIds, period],
  );
}

/**
 * What writers of scoring inputs call: `markChanged` in their transaction, `enqueue` after it commits. Enqueues
 * are gathered for FLUSH_AFTER_MS and added with one `addBulk` of one `evaluate-changed` job per period
 * (deduplicated), so a burst of single writes costs Redis one round trip; whatever is still gathered is added when
 * the application shuts down.
 */
@Injectable()
export class EvaluationTrigger implements OnApplicationShutdown {
  private readonly logger = new Logger(EvaluationTrigger.name);
  /** Projects changed per period since the last flush (for the log line if Redis does not answer). */
  private gathered = new Map<string, number>();
  private waiting: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly flushing = new Set<Promise<void>>();

  constructor(@InjectQueue(EVALUATION_QUEUE) private readonly queue: Queue<EvaluationJob['data'], unknown, EvaluationJob['name']>) {}

  markChanged(manager: EntityManager, projectIds: string[], period: string): Promise<void> {
    return markInputsChanged(manager, projectIds, period);
  }

  /**
   * Asks for the period's changed projects (marked by `markChanged`) to be scored. Resolves once the job was added,
   * or given up on: never rejects, and request handlers need not wait. When Redis is unreachable the change is
   * already durable and the sweeper enqueues it later.
   */
  enqueue(projectIds: readonly string[], period: string): Promise<void> {
    if (projectIds.length === 0) return Promise.resolve();
    this.gathered.set(period, (this.gathered.get(period) ?? 0) + projectIds.length);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_AFTER_MS);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
    await Promise.all(this.flushing);
  }

  private flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const periods = this.gathered;
    const waiting = this.waiting;
    this.gathered = new Map();
    this.waiting = [];
    const added = this.add(periods).finally(() => {
      this.flushing.delete(added);
      for (const resolve of waiting) resolve();
    });
    this.flushing.add(added);
    return added;
  }

  private async add(periods: Map<string, number>): Promise<void> {
    if (periods.size === 0) return;
    try {
      await withTimeout(this.queue.addBulk([...periods.keys()].map(evaluateChangedJob)), ENQUEUE_TIMEOUT_MS);
    } catch (error) {
      const changes = [...periods].map(([period, projects]) => `${period}: ${projects}`).join(', ');
      this.logger.warn(`evaluation not enqueued for changed project(s) (${changes}); the sweeper will: ${(error as Error).message}`);
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
