import { DataSource } from 'typeorm';
import { validateEnvironment } from '../config/env.validation';
import { databaseOptions } from '../database/database.options';

/** Applies pending migrations; returns their names. */
export async function migrate(): Promise<string[]> {
  const dataSource = new DataSource(databaseOptions(validateEnvironment(process.env).DATABASE_URL));
  await dataSource.initialize();
  try {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
