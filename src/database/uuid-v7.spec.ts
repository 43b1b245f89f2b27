import { isUUID } from 'class-validator';
import { uuidV7 } from './uuid-v7';

describe(uuidV7.name, () => {
  it('is a version 7, RFC 9562 variant UUID that the API accepts as an id', () => {
    const id = uuidV7();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isUUID(id)).toBe(true);
  });

  it.each([0, 1, 1_763_790_000_123, 2 ** 48 - 1])('carries the millisecond %d in its first 48 bits', (ms) => {
    expect(parseInt(uuidV7(ms).replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
  });

  it('sorts ids of later milliseconds after earlier ones, as Postgres compares uuids', () => {
    const ids = [1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_256, 1_800_000_000_000].map((ms) => uuidV7(ms));
    expect([...ids].sort()).toEqual(ids);
  });

  it('does not repeat within one millisecond, across refills of its random bytes', () => {
    const ids = Array.from({ length: 5_000 }, () => uuidV7(1_700_000_000_000));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
