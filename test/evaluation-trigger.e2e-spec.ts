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

  // Periods no other suite writes to: the run's suites share one Redis prefix.
  const jobsFor = async (periods: string[]) =>
    (await queue.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized'])).filter(
      (job) => job.name === EvaluationJobName.EvaluateChanged && periods.includes(job.data.period),
    );

  it('adds a burst of enqueues as one job per period, whatever the projects', async () => {
    const app = await createTestApp();
    try {
      const [first, second] = [randomUUID(), randomUUID()];
      const trigger = app.get(EvaluationTrigger);
      await Promise.all([
        trigger.enqueue([first], '2041-Q2'),
        trigger.enqueue([first, second], '2041-Q2'),
        trigger.enqueue([second], '2041-Q3'),
        trigger.enqueue([], '2041-Q4'),
      ]);
      expect((await jobsFor(['2041-Q2', '2041-Q3', '2041-Q4'])).map((job) => job.data.period).sort()).toEqual(['2041-Q2', '2041-Q3']);
    } finally {
      await app.close();
    }
  });

  it('adds what is still gathered when the application shuts down', async () => {
    const app = await createTestApp();
    void app.get(EvaluationTrigger).enqueue([randomUUID()], '2041-H1');
    await app.close();
    expect(await jobsFor(['2041-H1'])).toEqual([expect.objectContaining({ data: { period: '2041-H1' } })]);
  });
});
