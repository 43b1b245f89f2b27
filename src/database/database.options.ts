import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';

/** The one set of DataSource options, shared by TypeOrmModule, the CLI and the TypeORM CLI. */
export function databaseOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    // Compiled: dist/src/database → dist/migrations; under ts-jest: src/database → migrations.
    migrations: [join(__dirname, '..', '..', 'migrations', '*.{js,ts}')],
    migrationsTableName: 'migrations',
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    // JIT compiles a plan whose estimated cost is high, which for these short statements is mostly a plan made from
    // lagging statistics: 10–80 ms of compiling for a read that runs in a few.
    extra: { max: 10, application_name: 'jixiao', options: '-c jit=off' },
  };
}
