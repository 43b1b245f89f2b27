import { TimeoutError, withTimeout } from './with-timeout';

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe(withTimeout.name, () => {
  it('passes on a result that arrives in time', async () => {
    await expect(withTimeout(after(5, 'done'), 200)).resolves.toBe('done');
  });

  it('passes on a rejection that arrives in time', async () => {
    await expect(withTimeout(Promise.reject(new RangeError('no')), 200)).rejects.toBeInstanceOf(RangeError);
  });

  it('rejects with TimeoutError when the work is slower than the limit', async () => {
    await expect(withTimeout(after(200, 'late'), 5)).rejects.toBeInstanceOf(TimeoutError);
  });
});
