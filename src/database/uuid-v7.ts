import { randomFillSync } from 'node:crypto';

const BYTES = 16;
const IDS_PER_REFILL = 1_024;
let random = Buffer.alloc(0);
let offset = 0;

/**
 * A version 7 UUID (RFC 9562): 48 bits of Unix milliseconds, then random bits. Rows made together get ids that sort
 * together, so their primary and foreign key indexes grow at one end instead of touching pages all over the tree.
 */
export function uuidV7(now = Date.now()): string {
  if (offset === random.length) {
    random = randomFillSync(Buffer.allocUnsafe(BYTES * IDS_PER_REFILL));
    offset = 0;
  }
  const bytes = random.subarray(offset, (offset += BYTES));
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (bytes[6] & 0x0f);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
