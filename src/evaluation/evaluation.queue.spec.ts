import { EVALUATION_JOB_ATTEMPTS, EVALUATION_QUEUE, EvaluationJobName, evaluateProjectJob, evaluationKey } from './evaluation.queue';

const projectId = '6f1c2f0e-3d7a-4c55-9a43-0a4bd3a1f0c2';

describe(evaluateProjectJob.name, () => {
  it('collapses a burst for one project × period onto one deduplication id, and keeps the latest if active', () => {
    const { opts } = evaluateProjectJob(projectId, '2025-07');
    expect(opts.deduplication).toEqual({ id: `evaluate-${projectId}-2025-07`, keepLastIfActive: true });
    expect(opts.jobId).toBeUndefined();
  });

  it.each([
    ['another period', projectId, '2025'],
    ['another project', projectId.replace('6f', '7f'), '2025-07'],
  ])('keeps %s apart', (_, otherProject, otherPeriod) => {
    expect(evaluationKey(otherProject, otherPeriod)).not.toBe(evaluationKey(projectId, '2025-07'));
  });

  it('retries with exponential backoff and bounds what Redis keeps', () => {
    const { name, opts } = evaluateProjectJob(projectId, '2025');
    expect(name).toBe(EvaluationJobName.EvaluateProject);
    expect(opts.attempts).toBe(EVALUATION_JOB_ATTEMPTS);
    expect(opts.backoff).toEqual(expect.objectContaining({ type: 'exponential' }));
    expect(opts.removeOnComplete).toEqual(expect.objectContaining({ count: expect.any(Number) }));
    expect(opts.removeOnFail).toEqual(expect.objectContaining({ count: expect.any(Number) }));
  });

  it('names the queue with a Redis Cluster hash tag and no colon', () => {
    expect(EVALUATION_QUEUE).toMatch(/^\{[^:{}]+\}$/);
  });
});
