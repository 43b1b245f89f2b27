import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropScratch } from '../bench/lib/scratch';

const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export default async function globalTeardown(): Promise<void> {
  const runId = process.env.TEST_RUN_ID;
  if (!runId?.startsWith('jixiao_test_')) return;
  await dropScratch(ADMIN_URL, process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', runId);
  await rm(join(tmpdir(), runId), { recursive: true, force: true });
}
