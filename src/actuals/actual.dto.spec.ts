import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { AppError } from '../common/app-error';
import { ArrayBodyPipe } from '../common/validation';
import { BulkActualDto, isPlainBulkRow } from './actual.dto';

const outcome = (pipe: ArrayBodyPipe<BulkActualDto>, body: unknown) => {
  try {
    return { rows: JSON.parse(JSON.stringify(pipe.transform(body))) };
  } catch (error) {
    const { code, message, details } = error as AppError;
    return { code, message, details };
  }
};

describe('isPlainBulkRow', () => {
  const full = new ArrayBodyPipe(BulkActualDto, 100);
  const quick = new ArrayBodyPipe(BulkActualDto, 100, isPlainBulkRow);
  const anyValue = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: -3, max: 3 }), fc.double(), fc.string(), fc.constant([]), fc.constant({}));
  const row = fc.record(
    {
      indicatorId: fc.oneof(fc.constant(randomUUID()), fc.string(), fc.integer(), fc.constant(null)),
      version: anyValue,
      value: anyValue,
      grade: anyValue,
      text: anyValue,
      possibility: anyValue,
      evidence: fc.oneof(fc.constant([]), fc.constant([{ name: '验收报告.pdf', url: 'https://example.org/1' }]), fc.constant([{ url: 'ftp://x' }]), fc.constant('x')),
      colour: fc.string(),
    },
    { requiredKeys: [] },
  );

  it('lets through only rows the DTO accepts, and the pipe answers as it does without it', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(row, anyValue), { maxLength: 6 }), (body) => {
        expect(outcome(quick, body)).toEqual(outcome(full, body));
      }),
      { numRuns: 1_000 },
    );
  });
});
