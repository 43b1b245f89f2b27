import { EVALUATION_JOB_ATTEMPTS, EVALUATION_QUEUE, EvaluationJobName, evaluateChangedJob, evaluateChangedKey } from './evaluation.queue';

describe(evaluateChangedJob.name, () => {
  it('collapses a burst of changes in one period onto one deduplication id, and keeps the latest if active', () => {
    const { opts } = evaluateChangedJob('2025-07');
    expect(opts.deduplication).toEqual({ id: 'evaluate-changed-2025-07', keepLastIfActive: true });
    expect(opts.jobId).toBeUndefined();
  });

  it.each([
    ['the year from its month', '2025'],
    ['the half-year from the month', '2025-H1'],
    ['another year', '2026-07'],
  ])('keeps %s apart', (_, otherPeriod) => {
    expect(evaluateChangedKey(otherPeriod)).not.toBe(evaluateChangedKey('2025-07'));
  });

  it('retries with exponential backoff and bounds what Redis keeps', () => {
    const { name, opts } = evaluateChangedJob('2025');
    expect(name).toBe(EvaluationJobName.EvaluateChanged);
    expect(opts.attempts).toBe(EVALUATION_JOB_ATTEMPTS);
    expect(opts.backoff).toEqual(expect.objectContaining({ type: 'exponential' }));
    expect(opts.removeOnComplete).toEqual(expect.objectContaining({ count: expect.any(Number) }));
    expect(opts.removeOnFail).toEqual(expect.objectContaining({ count: expect.any(Number) }));
  });

  it('names the queue with a Redis Cluster hash tag and no colon', () => {
    expect(EVALUATION_QUEUE).toMatch(/^\{[^:{}]+\}$/);
  });
});
