import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A throwaway database with the real migrations, and a Redis prefix of its own, for this run only. */
export default async function globalSetup(): Promise<void> {
  const runId = `jixiao_test_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${runId}"`);
  await admin.end();

  const url = new URL(ADMIN_URL);
  url.pathname = `/${runId}`;
  process.env.DATABASE_URL = url.toString();
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
  process.env.REDIS_PREFIX = runId;
  process.env.TEST_RUN_ID = runId;
  process.env.RATE_LIMIT_PER_MINUTE = '100000';
  process.env.LOG_LEVEL = 'warn';
  process.env.EVIDENCE_DIR = join(tmpdir(), runId, 'evidence');

  const dataSource = new DataSource({
    type: 'postgres',
    url: process.env.DATABASE_URL,
    migrations: [join(__dirname, '..', 'migrations', '*.ts')],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
}
