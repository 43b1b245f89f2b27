import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { validateEnvironment } from '../config/env.validation';
import { databaseOptions } from '../database/database.options';

const INVALID_CATALOG_NAME = '3D000';

/** Creates the database when it does not exist yet, then applies pending migrations; returns their names. */
export async function migrate(): Promise<string[]> {
  const url = validateEnvironment(process.env).DATABASE_URL;
  await ensureDatabase(url);
  const dataSource = await new DataSource(databaseOptions(url)).initialize();
  try {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

async function ensureDatabase(url: string): Promise<void> {
  const probe = new Client({ connectionString: url });
  try {
    await probe.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== INVALID_CATALOG_NAME) throw error;
  } finally {
    await probe.end().catch(() => undefined);
  }
  const maintenance = new URL(url);
  const name = decodeURIComponent(maintenance.pathname.slice(1));
  maintenance.pathname = '/postgres';
  const admin = new Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    // Identifiers cannot be bound as parameters; quote it the way Postgres does.
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    console.log(`已创建数据库 ${name}`);
  } finally {
    await admin.end();
  }
}
