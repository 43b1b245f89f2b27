import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { EvaluationTrigger } from '../src/evaluation/evaluation-trigger';
import { EVALUATION_QUEUE, EvaluationJobName } from '../src/evaluation/evaluation.queue';
import { redisOptions } from '../src/queue/queue.module';
import { createTestApp } from './support/test-app';

describe('EvaluationTrigger', () => {
  let queue: Queue;

  beforeAll(() => {
    queue = new Queue(EVALUATION_QUEUE, { connection: redisOptions(process.env.REDIS_URL!), prefix: process.env.REDIS_PREFIX });
  });

  afterAll(async () => {
    await queue.close();
  });

  const jobsFor = async (projectIds: string[]) =>
    (await queue.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized'])).filter(
      (job) => job.name === EvaluationJobName.EvaluateProject && projectIds.includes(job.data.projectId),
    );

  it('adds a burst of enqueues as one job per project and period', async () => {
    const app = await createTestApp();
    try {
      const [first, second] = [randomUUID(), randomUUID()];
      const trigger = app.get(EvaluationTrigger);
      await Promise.all([trigger.enqueue([first], '2025'), trigger.enqueue([first, second], '2025'), trigger.enqueue([first], '2025')]);
      expect((await jobsFor([first, second])).map((job) => job.data.projectId).sort()).toEqual([first, second].sort());
    } finally {
      await app.close();
    }
  });

  it('adds what is still gathered when the application shuts down', async () => {
    const app = await createTestApp();
    const projectId = randomUUID();
    void app.get(EvaluationTrigger).enqueue([projectId], '2025-H1');
    await app.close();
    expect(await jobsFor([projectId])).toEqual([expect.objectContaining({ data: { projectId, period: '2025-H1' } })]);
  });
});
