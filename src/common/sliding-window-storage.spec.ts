import { ThrottlerStorageService } from '@nestjs/throttler';
import fc from 'fast-check';
import { SlidingWindowStorage } from './sliding-window-storage';

describe('SlidingWindowStorage', () => {
  let now = 0;
  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
  afterEach(() => jest.restoreAllMocks());

  it('answers every request as @nestjs/throttler’s in-memory storage does, with and without blocking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ after: fc.integer({ min: 0, max: 900 }), key: fc.constantFrom('a', 'b') }), { maxLength: 300 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(0, 2_500),
        async (requests, limit, blockDuration) => {
          now = 1_000_000;
          const reference = new ThrottlerStorageService();
          const storage = new SlidingWindowStorage();
          try {
            for (const { after, key } of requests) {
              now += after;
              const expected = await reference.increment(key, 5_000, limit, blockDuration, 'default');
              expect(await storage.increment(key, 5_000, limit, blockDuration, 'default')).toEqual(expected);
            }
          } finally {
            reference.onApplicationShutdown();
            storage.onApplicationShutdown();
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees over a long window whose expired hits are compacted away', async () => {
    now = 1_000_000;
    const reference = new ThrottlerStorageService();
    const storage = new SlidingWindowStorage();
    for (let request = 0; request < 5_000; request++) {
      now += request % 7;
      const expected = await reference.increment('k', 3_000, 2_000, 3_000, 'default');
      expect(await storage.increment('k', 3_000, 2_000, 3_000, 'default')).toEqual(expected);
    }
    reference.onApplicationShutdown();
    storage.onApplicationShutdown();
  });
});
